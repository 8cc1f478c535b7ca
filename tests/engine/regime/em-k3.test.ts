import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { backwardStats, createEStats } from '../../../src/engine/regime/backward';
import { backwardK3, backwardK3Em, forwardK3, forwardK3Em } from '../../../src/engine/regime/em-k3';
import { createForwardWork, forwardInto } from '../../../src/engine/regime/forward';
import { posteriors } from '../../../src/engine';
import { createEmWork, eStep } from '../../../src/engine/regime/em-step';
import { params, simulateHmm } from './helpers';
import type { HmmParams } from '../../../src/engine';
import type { EStats } from '../../../src/engine/regime/backward';

/** The general code's E-step statistics (forwardInto + backwardStats); `g` keeps its forward pass. */
function referenceStats(x: Float64Array, m: HmmParams, g = createForwardWork(x.length, 3)): EStats {
  const sg = createEStats(3);
  forwardInto(x, m, g);
  backwardStats(x, m, g, sg, new Float64Array(3), new Float64Array(3), new Float64Array(3));
  return sg;
}

/** Every statistic within 1e-11 relative (absolute below 1) of the reference. */
function expectStatsClose(got: EStats, want: EStats): void {
  for (const key of ['occ', 'sumX', 'sumX2', 'first', 'trans'] as const) {
    for (let i = 0; i < want[key].length; i++) expect(Math.abs(got[key][i] - want[key][i])).toBeLessThanOrEqual(1e-11 * Math.max(1, Math.abs(want[key][i])));
  }
}

/** A 3-state model from 15 weights in (0.02, 1), n points from it, the general code's forward work and statistics, and a fresh work. */
function randomCase(seed: number, n: number, w: number[]) {
  const row = (o: number) => { const r = w.slice(o, o + 3); const s = r[0] + r[1] + r[2]; return r.map((v) => v / s); };
  const m = params([w[12] * 4 - 2, w[13] - 0.5, w[14] * 3], [w[0] + 0.1, w[4] * 2 + 0.05, w[8] + 0.3], [...row(0), ...row(3), ...row(6)], row(9));
  const { x } = simulateHmm(m, n, seed);
  const g = createForwardWork(n, 3);
  const f = createForwardWork(n, 3);
  const sg = referenceStats(x, m, g);
  return { m, x, g, f, sg };
}

describe('forwardK3 / backwardK3', () => {
  it('give the same log-likelihood, forward probabilities, E-step statistics and posteriors as the general code', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 300 }), fc.array(fc.double({ min: 0.02, max: 1, noNaN: true }), { minLength: 15, maxLength: 15 }), (seed, n, w) => {
        const { m, x, g, f, sg } = randomCase(seed, n, w);
        expect(forwardK3(x, m, f)).toBe(true);
        expect(Math.abs(f.logLik - g.logLik)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(g.logLik)));
        for (let i = 0; i < 3 * n; i++) expect(Math.abs(f.alpha[i] - g.alpha[i])).toBeLessThan(1e-13);
        const sf = createEStats(3);
        backwardK3(x, m, f, sf);
        expectStatsClose(sf, sg);
        // backwardK3 leaves the smoothed posteriors in place of α̂.
        const post = posteriors(x, m);
        for (let i = 0; i < 3 * n; i++) expect(Math.abs(f.alpha[i] - post[i])).toBeLessThan(1e-12);
      }),
      { numRuns: 150 },
    );
  });

  it('the E-step pair forwardK3Em / backwardK3Em (no per-step normalisation) gives the same log-likelihood, statistics and posteriors', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 600 }), fc.array(fc.double({ min: 0.02, max: 1, noNaN: true }), { minLength: 15, maxLength: 15 }), (seed, n, w) => {
        const { m, x, g, f, sg } = randomCase(seed, n, w);
        const cLast = forwardK3Em(x, m, f);
        expect(cLast).toBeGreaterThan(0);
        expect(Math.abs(f.logLik - g.logLik)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(g.logLik)));
        const sf = createEStats(3);
        expect(backwardK3Em(x, m, f, cLast, sf)).toBe(true);
        expectStatsClose(sf, sg);
        const post = posteriors(x, m);
        for (let i = 0; i < 3 * n; i++) expect(Math.abs(f.alpha[i] - post[i])).toBeLessThan(1e-12);
      }),
      { numRuns: 150 },
    );
  });

  it('forwardK3Em / backwardK3Em on points far from every state: several 2^64 rescales in one step, or the step redone with its own shift', () => {
    const m = params([-1, 0, 1], [1, 0.5, 1], [0.9, 0.05, 0.05, 0.05, 0.9, 0.05, 0.05, 0.05, 0.9], [0.3, 0.4, 0.3]);
    const { x } = simulateHmm(m, 200, 5);
    // 20σ from the nearest state (emissions ≈ e^−200 against the constant shift: several rescales, no
    // redone step), and 45σ (e^−968 underflows to 0: the step is redone shifted by its own maximum).
    x[60] = 21;
    x[140] = -46;
    const f = createForwardWork(200, 3);
    const g = createForwardWork(200, 3);
    const sg = referenceStats(x, m, g);
    const cLast = forwardK3Em(x, m, f);
    expect(cLast).toBeGreaterThan(0);
    expect(Math.abs(f.logLik - g.logLik)).toBeLessThanOrEqual(1e-12 * Math.abs(g.logLik));
    const sf = createEStats(3);
    expect(backwardK3Em(x, m, f, cLast, sf)).toBe(true);
    expectStatsClose(sf, sg);
    const post = posteriors(x, m);
    for (let i = 0; i < 600; i++) expect(Math.abs(f.alpha[i] - post[i])).toBeLessThan(1e-12);
  });

  it('backwardK3Em keeps a structural zero on the diagonal (derived diagonal counts)', () => {
    const m = params([-1, 0, 1], [1, 0.5, 1], [0, 0.5, 0.5, 0.05, 0.9, 0.05, 0.05, 0.05, 0.9], [0.3, 0.4, 0.3]);
    const { x } = simulateHmm(m, 300, 3);
    const f = createForwardWork(300, 3);
    const sf = createEStats(3);
    expect(backwardK3Em(x, m, f, forwardK3Em(x, m, f), sf)).toBe(true);
    const sg = referenceStats(x, m);
    expect(sf.trans[0]).toBe(0);
    expect(sg.trans[0]).toBe(0);
    for (const i of [4, 8]) expect(Math.abs(sf.trans[i] - sg.trans[i])).toBeLessThanOrEqual(1e-11 * sg.trans[i]);
  });

  it('backwardK3Em reports a β that left the floating-point range instead of returning its statistics', () => {
    const m = params([-1, 0, 1], [1, 0.5, 1], [0.9, 0.05, 0.05, 0.05, 0.9, 0.05, 0.05, 0.05, 0.9], [0.3, 0.4, 0.3]);
    const { x } = simulateHmm(m, 50, 1);
    const f = createForwardWork(50, 3);
    expect(forwardK3Em(x, m, f)).toBeGreaterThan(0);
    // A final sum of 1e-320 starts β at 1e320, beyond the largest double.
    expect(backwardK3Em(x, m, f, 1e-320, createEStats(3))).toBe(false);
  });

  it('a β beyond the double range on a real series: backwardK3Em says so and eStep redoes it normalised', () => {
    // State 2 is entered only through a 1e-307 transition but explains the second half 12.5 nats per
    // point better, so its filtered probability at the switch is ≈ 1e-302 while its smoothed one is ≈ 1:
    // β there is ≈ 1e302 divided by the forward's running sum, past the largest double.
    const m = params([0, 0.5, 5], [1, 1, 1], [0.5, 0.5 - 1e-307, 1e-307, 0.5, 0.5 - 1e-307, 1e-307, 0.01, 0.01, 0.98], [0.5, 0.5, 0]);
    const n = 140;
    const x = Float64Array.from({ length: n }, (_, t) => (t < 70 ? 0 : 5) + 0.2 * Math.sin(t));
    const f = createForwardWork(n, 3);
    expect(backwardK3Em(x, m, f, forwardK3Em(x, m, f), createEStats(3))).toBe(false);
    const g = createForwardWork(n, 3);
    const sg = referenceStats(x, m, g);
    const se = createEStats(3);
    expect(Math.abs(eStep(x, m, createEmWork(n, 3), se) - g.logLik)).toBeLessThan(1e-12 * Math.abs(g.logLik));
    expectStatsClose(se, sg);
    expect(se.occ[2]).toBeGreaterThan(69.9);
  });

  it('hands over to the general code when a step needs the log-space rescue', () => {
    const m = params([0, 50, 100], [1, 1, 1], [1, 0, 0, 0, 1, 0, 0, 0, 1], [1, 0, 0]);
    expect(forwardK3(Float64Array.of(0, 100), m, createForwardWork(2, 3))).toBe(false);
    expect(forwardK3Em(Float64Array.of(0, 100), m, createForwardWork(2, 3))).toBe(0);
  });
});
