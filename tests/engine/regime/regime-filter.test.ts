import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRegimeFilter, filterProbabilities } from '../../../src/engine';
import { params, simulateHmm, THREE_STATE } from './helpers';

describe('createRegimeFilter', () => {
  it('gives the same probabilities as filterProbabilities, tick by tick, and the argmax state', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 400 }), (seed, n) => {
        const { x } = simulateHmm(THREE_STATE, n, seed);
        if (n > 3) x[2] = 1e4; // a far outlier
        const batch = filterProbabilities(x, THREE_STATE);
        const f = createRegimeFilter(THREE_STATE);
        for (let t = 0; t < n; t++) {
          const s = f.update(x[t]);
          let arg = 0;
          for (let k = 0; k < 3; k++) {
            expect(Math.abs(f.probs[k] - batch[t * 3 + k])).toBeLessThan(1e-12);
            if (batch[t * 3 + k] > batch[t * 3 + arg]) arg = k;
          }
          expect(f.probs[s]).toBe(Math.max(...f.probs));
          expect(batch[t * 3 + s]).toBeCloseTo(batch[t * 3 + arg], 12);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('runs for 10^6 ticks with probabilities that stay a distribution', () => {
    const { x } = simulateHmm(THREE_STATE, 1_000_000, 2);
    const f = createRegimeFilter(THREE_STATE);
    for (let t = 0; t < x.length; t++) f.update(x[t]);
    const s = f.probs[0] + f.probs[1] + f.probs[2];
    expect(Math.abs(s - 1)).toBeLessThan(1e-12);
  });

  it('survives an observation only a nearly impossible state explains', () => {
    const m = params([0, 50], [0.01, 1], [1 - 1e-300, 1e-300, 0.5, 0.5], [1, 0]);
    const f = createRegimeFilter(m);
    f.update(0);
    expect(f.update(50)).toBe(1);
    expect(f.probs[1]).toBe(1);
    expect(Number.isFinite(f.probs[0])).toBe(true);
  });

  it('reset starts again from the initial law', () => {
    const f = createRegimeFilter(THREE_STATE);
    const first = f.update(1.5);
    const p = Array.from(f.probs);
    f.update(-2);
    f.reset();
    expect(f.update(1.5)).toBe(first);
    expect(Array.from(f.probs)).toEqual(p);
    expect(() => f.update(NaN)).toThrow(/observation 1/);
  });
});
