// Reference: statsmodels 0.13.5 MarkovRegression smoothed_marginal_probabilities at given parameters,
// tests/fixtures/statsmodels/reference.json from `/usr/bin/python3 tests/fixtures/statsmodels/make_fixtures.py`
// (init conversion explained in forward.test.ts). Agreement 1e-9.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { posteriors } from '../../../src/engine';
import { maxRelDiff, ref } from '../filters/reference';
import { params, simulateHmm } from './helpers';

describe('posteriors', () => {
  for (const c of ref.hmm) {
    it(`${c.name}: smoothed probabilities equal statsmodels' to 1e-9`, () => {
      const m = params(c.means, c.variances.map(Math.sqrt), c.trans, c.init);
      m.variances = Float64Array.from(c.variances);
      const g = posteriors(Float64Array.from(c.x), m);
      expect(g.length).toBe(c.x.length * c.means.length);
      // statsmodels stores them n × K, like ours; tiny probabilities are compared absolutely.
      expect(maxRelDiff(g, c.smoothed, 1e-6)).toBeLessThan(1e-9);
    });
  }

  it('sum to 1 at every t for random models and data', () => {
    const model = fc.integer({ min: 2, max: 5 }).chain((K) =>
      fc.record({
        K: fc.constant(K),
        means: fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: K, maxLength: K }),
        sds: fc.array(fc.double({ min: 0.01, max: 3, noNaN: true }), { minLength: K, maxLength: K }),
        rows: fc.array(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: K, maxLength: K }), { minLength: K + 1, maxLength: K + 1 }),
        seed: fc.integer(),
        n: fc.integer({ min: 1, max: 300 }),
      }),
    );
    fc.assert(
      fc.property(model, ({ K, means, sds, rows, seed, n }) => {
        const norm = (r: number[]) => { const s = r.reduce((a, b) => a + b, 0); return s > 0 ? r.map((v) => v / s) : r.map(() => 1 / K); };
        const m = params(means, sds, rows.slice(0, K).flatMap(norm), norm(rows[K]));
        const { x } = simulateHmm(m, n, seed);
        x[Math.floor(n / 2)] += 40; // an outlier somewhere
        const g = posteriors(x, m);
        for (let t = 0; t < n; t++) {
          let s = 0;
          for (let k = 0; k < K; k++) { expect(g[t * K + k]).toBeGreaterThanOrEqual(0); s += g[t * K + k]; }
          expect(Math.abs(s - 1)).toBeLessThan(1e-12);
        }
      }),
      { numRuns: 150 },
    );
  });
});
