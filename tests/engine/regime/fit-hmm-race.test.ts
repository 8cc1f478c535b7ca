import { describe, expect, it } from 'vitest';
import { createEmWork } from '../../../src/engine';
import { checkStall, dropIfStalled, startRun, type AdvanceLimits, type Run } from '../../../src/engine/regime/fit-hmm';
import { simulateHmm, THREE_STATE } from './helpers';

const LIMITS: AdvanceLimits = { maxIter: 200, tol: 1e-8, varFloor: 1e-6, final: true, abandonRatio: 1e4, defer: null };

/** Two runs from the true parameters of a simulated series; the race rule reads only ℓ, gains and state flags. */
function pair(): [Run, Run] {
  const { x } = simulateHmm(THREE_STATE, 200, 4);
  const work = createEmWork(x.length, 3);
  const copy = () => ({ means: THREE_STATE.means.slice(), variances: THREE_STATE.variances.slice(), trans: THREE_STATE.trans.slice(), init: THREE_STATE.init.slice() });
  const a = startRun(x, copy(), work);
  const b = startRun(x, copy(), work);
  a.rival = b;
  b.rival = a;
  return [a, b];
}

/** One crawling iteration of `run`: ℓ `deficit` below the rival, gaining `gain` with predicted gain 2·gain. */
function crawl(run: Run, rival: Run, deficit: number, gain: number): void {
  run.ll = rival.ll - deficit;
  run.lastGain = gain;
  run.predictedGain = 2 * gain;
  run.iterations++;
  checkStall(run, rival, LIMITS);
}

describe('fitHmm race: abandoning the trailing start', () => {
  it('while the rival runs, only after 5 crawling iterations in a row (progress below deficit/abandonRatio)', () => {
    const [a, b] = pair();
    for (let i = 1; i <= 4; i++) {
      crawl(a, b, 2, 1e-5); // bound 2e-4, progress 2e-5
      expect(a.abandoned, `iteration ${i}`).toBe(false);
    }
    crawl(a, b, 2, 1e-5);
    expect(a.abandoned).toBe(true);
  });

  it('an iteration with progress above the bound starts the count again', () => {
    const [a, b] = pair();
    for (let i = 0; i < 4; i++) crawl(a, b, 2, 1e-5);
    crawl(a, b, 2, 1e-4); // predicted gain 2e-4 is not below the bound 2e-4
    for (let i = 0; i < 4; i++) crawl(a, b, 2, 1e-5);
    expect(a.abandoned).toBe(false);
    crawl(a, b, 2, 1e-5);
    expect(a.abandoned).toBe(true);
  });

  it('once the rival has finished (converged or at maxIter), after one crawling iteration', () => {
    const [a, b] = pair();
    b.converged = true;
    crawl(a, b, 2, 1e-5);
    expect(a.abandoned).toBe(true);
    const [c, d] = pair();
    d.iterations = LIMITS.maxIter;
    crawl(c, d, 2, 1e-5);
    expect(c.abandoned).toBe(true);
    // Progress above the bound keeps it going even then.
    const [e, f] = pair();
    f.converged = true;
    crawl(e, f, 2, 1e-3);
    expect(e.abandoned).toBe(false);
  });

  it('drops a run whose last iteration stalled as soon as the rival finishes, and only then', () => {
    const [a, b] = pair();
    crawl(a, b, 2, 1e-5);
    dropIfStalled(a, b, LIMITS);
    expect(a.abandoned).toBe(false); // the rival still runs
    b.converged = true;
    dropIfStalled(a, b, LIMITS);
    expect(a.abandoned).toBe(true);
    const [c, d] = pair();
    crawl(c, d, 2, 1e-3); // not stalled
    d.converged = true;
    dropIfStalled(c, d, LIMITS);
    expect(c.abandoned).toBe(false);
  });

  it('never abandons a run that is level with or ahead of its rival, however slowly it moves', () => {
    const [a, b] = pair();
    b.converged = true;
    for (let i = 0; i < 10; i++) crawl(a, b, 0, 0);
    for (let i = 0; i < 10; i++) crawl(a, b, -1, 1e-12);
    expect(a.abandoned).toBe(false);
  });
});
