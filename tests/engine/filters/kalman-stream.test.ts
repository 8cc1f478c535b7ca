import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createKalman, kalmanLocalLevel, kalmanOU } from '../../../src/engine';
import { maxRelDiff, relClose } from './reference';

describe('createKalman', () => {
  it('streaming local level equals the batch filter at every tick', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 5, noNaN: true }), fc.double({ min: 1e-6, max: 5, noNaN: true }), fc.double({ min: 0, max: 10, noNaN: true }),
        fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 1, maxLength: 300 }),
        (q, r, p0, ys) => {
          const y = Float64Array.from(ys);
          const p = { q, r, x0: ys[0], p0 };
          const batch = kalmanLocalLevel(y, p);
          const k = createKalman(p);
          const means = new Float64Array(y.length);
          for (let t = 0; t < y.length; t++) {
            means[t] = k.update(y[t]);
            expect(k.mean).toBe(means[t]);
            expect(k.variance).toBe(batch.variance[t]);
            expect(k.gain).toBe(batch.gain[t]);
            expect(k.innovationVar).toBe(batch.innovationVar[t]);
            expect(k.innovation).toBe(batch.innovation[t]);
          }
          expect(maxRelDiff(means, batch.mean)).toBe(0);
          expect(relClose(k.logLik, batch.logLik, 1e-12, 1)).toBe(true);
          expect(k.count).toBe(y.length);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('picks the OU model when kappa is present and equals kalmanOU', () => {
    const y = Float64Array.from({ length: 500 }, (_, i) => 10 + Math.sin(i / 7) + 0.1 * Math.cos(i * 1.3));
    const p = { kappa: 2, mu: 10, sigma: 0.5, r: 0.01, dt: 0.1, x0: 10, p0: 0.2 };
    const batch = kalmanOU(y, p);
    const k = createKalman(p);
    for (let t = 0; t < y.length; t++) expect(k.update(y[t])).toBe(batch.mean[t]);
    expect(relClose(k.logLik, batch.logLik, 1e-12)).toBe(true);
  });

  it('starts at the predicted state and rejects a non-finite tick by its position', () => {
    const k = createKalman({ q: 1, r: 1, x0: 5, p0: 2 });
    expect(k.mean).toBe(5);
    expect(k.variance).toBe(2);
    expect(k.logLik).toBe(0);
    k.update(6);
    expect(() => k.update(Infinity)).toThrow(/observation 1/);
  });
});
