import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { baumWelchStep, createEmWork, createRng, fitHmm, hmmLogLik } from '../../../src/engine';
import { params, simulateHmm, THREE_STATE } from './helpers';
import { benchHmmSeries, longRunEmLogLik } from '../../../bench/hmm-series';

const MID = params([-0.5, 0, 0.6], [0.8, 0.4, 1.0], [0.97, 0.02, 0.01, 0.02, 0.96, 0.02, 0.01, 0.02, 0.97], [0.3, 0.4, 0.3]);

function expectValidModel(m: ReturnType<typeof fitHmm>, K: number): void {
  expect(m.means.length).toBe(K);
  for (let i = 0; i < K; i++) {
    let r = 0;
    for (let j = 0; j < K; j++) { expect(m.trans[i * K + j]).toBeGreaterThanOrEqual(0); r += m.trans[i * K + j]; }
    expect(r).toBeCloseTo(1, 12);
    expect(m.variances[i]).toBeGreaterThan(0);
    expect(Number.isFinite(m.means[i])).toBe(true);
  }
  expect(m.init.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  expect(Number.isFinite(m.logLik)).toBe(true);
  for (let k = 1; k < K; k++) expect(m.means[k]).toBeGreaterThanOrEqual(m.means[k - 1]);
}

describe('fitHmm', () => {
  it('recovers a well-separated 3-state model and reports the log-likelihood of what it returns', () => {
    const { x } = simulateHmm(THREE_STATE, 20_000, 42);
    const m = fitHmm(x, { nStates: 3, seed: 1 });
    expectValidModel(m, 3);
    expect(m.converged).toBe(true);
    for (let k = 0; k < 3; k++) {
      expect(m.means[k]).toBeCloseTo(THREE_STATE.means[k], 1);
      expect(Math.sqrt(m.variances[k]) / Math.sqrt(THREE_STATE.variances[k])).toBeGreaterThan(0.93);
      expect(Math.sqrt(m.variances[k]) / Math.sqrt(THREE_STATE.variances[k])).toBeLessThan(1.07);
      expect(m.trans[k * 4]).toBeGreaterThan(0.9);
    }
    expect(m.logLik).toBe(hmmLogLik(x, m));
    // The fit beats the true parameters on their own data (it is the maximum-likelihood point nearby).
    expect(m.logLik).toBeGreaterThanOrEqual(hmmLogLik(x, THREE_STATE));
  });

  it('reaches the log-likelihood of a long plain Baum-Welch run from the same starts (default options)', () => {
    const cases = [{ name: 'bench series', x: benchHmmSeries(500, 2), seed: 1 }];
    for (const seed of [1, 2, 3]) {
      for (const n of [500, 2000]) {
        cases.push({ name: `well separated, n = ${n}, seed ${seed}`, x: simulateHmm(THREE_STATE, n, seed).x, seed });
        cases.push({ name: `overlapping, n = ${n}, seed ${seed}`, x: simulateHmm(MID, n, seed).x, seed });
      }
    }
    for (const { name, x, seed } of cases) {
      const fit = fitHmm(x, { nStates: 3, seed });
      const reference = longRunEmLogLik(x, 3, seed);
      expect(fit.logLik, name).toBeGreaterThanOrEqual(reference - 1e-6 * Math.abs(reference));
    }
  });

  it('more restarts never end below the single quantile start', () => {
    for (let seed = 1; seed <= 4; seed++) {
      const x = benchHmmSeries(400, seed);
      const one = fitHmm(x, { nStates: 3, seed, restarts: 1 });
      const five = fitHmm(x, { nStates: 3, seed, restarts: 5 });
      expect(five.logLik).toBeGreaterThanOrEqual(one.logLik - 1e-9 * Math.abs(one.logLik));
    }
  });

  it('abandons the start that crawls towards a worse optimum, and returns what carrying both on returns', () => {
    // The bench series: the best-screened start crawls for 55 iterations to an optimum 2.7 units below
    // the quantile start's.
    const x = benchHmmSeries(500, 2);
    const raced = fitHmm(x, { nStates: 3, seed: 1 });
    const both = fitHmm(x, { nStates: 3, seed: 1, abandonRatio: Infinity });
    expect(raced.logLik).toBe(both.logLik);
    expect(Array.from(raced.means)).toEqual(Array.from(both.means));
    expect(raced.forwardPasses).toBeLessThan(both.forwardPasses - 15);
    // A single start has no rival: the option changes nothing.
    const one = fitHmm(x, { nStates: 3, seed: 1, restarts: 1, abandonRatio: 1 });
    expect(one.logLik).toBe(fitHmm(x, { nStates: 3, seed: 1, restarts: 1 }).logLik);
    expect(one.forwardPasses).toBeGreaterThanOrEqual(one.iterations + 2);
  });

  it('the EM log-likelihood never decreases across iterations (fitHmm trace)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 5 }), fc.integer(), fc.integer({ min: 30, max: 400 }), fc.boolean(), (K, seed, n, heavyTails) => {
        const rng = createRng(seed);
        const x = Float64Array.from({ length: n }, (_, i) => (heavyTails ? rng.normal() / Math.max(0.05, rng.uniform()) : rng.normal() + (i % 50 < 25 ? 2 : 0)));
        const m = fitHmm(x, { nStates: K, seed, restarts: 1, maxIter: 60 });
        const tr = m.logLikTrace;
        for (let i = 1; i < tr.length; i++) expect(tr[i]).toBeGreaterThanOrEqual(tr[i - 1] - 1e-9 * Math.abs(tr[i - 1]));
        expectValidModel(m, K);
      }),
      { numRuns: 60 },
    );
  });

  it('baumWelchStep never lowers the log-likelihood from arbitrary starting parameters', () => {
    fc.assert(
      fc.property(fc.integer(), fc.array(fc.double({ min: 0.05, max: 1, noNaN: true }), { minLength: 12, maxLength: 12 }), (seed, w) => {
        const { x } = simulateHmm(THREE_STATE, 300, seed);
        const row = (o: number) => { const r = w.slice(o, o + 3); const s = r[0] + r[1] + r[2]; return r.map((v) => v / s); };
        const m = params([w[0] * 4 - 2, w[1] * 4 - 2, w[2] * 4 - 2], [w[3], w[4] * 2, w[5] * 3], [...row(0), ...row(3), ...row(6)], row(9));
        const work = createEmWork(x.length, 3);
        let prev = -Infinity;
        for (let it = 0; it < 15; it++) {
          const ll = baumWelchStep(x, m, m, work, 1e-8);
          expect(ll).toBeGreaterThanOrEqual(prev - 1e-9 * Math.abs(prev));
          prev = ll;
        }
        expect(hmmLogLik(x, m)).toBeGreaterThanOrEqual(prev - 1e-9 * Math.abs(prev));
      }),
      { numRuns: 60 },
    );
  });

  it('is deterministic for a seed and handles K = 2 and K = 5', () => {
    const { x } = simulateHmm(THREE_STATE, 2000, 7);
    const a = fitHmm(x, { nStates: 2, seed: 3 });
    const b = fitHmm(x, { nStates: 2, seed: 3 });
    expect(Array.from(a.means)).toEqual(Array.from(b.means));
    expect(a.logLik).toBe(b.logLik);
    const five = fitHmm(x, { nStates: 5, seed: 3, maxIter: 100 });
    expectValidModel(five, 5);
    expect(five.iterations).toBeLessThanOrEqual(100);
  });

  it('does not depend on the fits before it (the series-length buffers are reused between fits of one size)', () => {
    const x = benchHmmSeries(500, 3);
    const y = benchHmmSeries(500, 4);
    const z = benchHmmSeries(300, 4);
    const snapshot = (r: ReturnType<typeof fitHmm>) => [r.logLik, r.iterations, r.forwardPasses, ...r.means, ...r.variances, ...r.trans, ...r.init, ...r.logLikTrace];
    const first = snapshot(fitHmm(x, { nStates: 3, seed: 2 }));
    // Fits of the same size (which reuse the buffers), another size and another K in between.
    fitHmm(y, { nStates: 3, seed: 5 });
    fitHmm(z, { nStates: 3, seed: 1 });
    fitHmm(y, { nStates: 2, seed: 1, restarts: 1 });
    fitHmm(y, { nStates: 3, seed: 1, restarts: 1 });
    expect(snapshot(fitHmm(x, { nStates: 3, seed: 2 }))).toEqual(first);
    // A returned model shares no array with the next fit's buffers.
    const kept = fitHmm(x, { nStates: 3, seed: 2 });
    const before = snapshot(kept);
    fitHmm(y, { nStates: 3, seed: 2 });
    expect(snapshot(kept)).toEqual(before);
  });

  it('stays finite with far outliers and with two identical values dominating (variance floor)', () => {
    const { x } = simulateHmm(THREE_STATE, 1000, 9);
    x[10] = 1e9;
    x[500] = -1e9;
    expectValidModel(fitHmm(x, { nStates: 3, seed: 1 }), 3);
    const lumpy = Float64Array.from({ length: 300 }, (_, i) => (i % 3 === 0 ? 1 : i % 3 === 1 ? 1 : i / 300));
    const m = fitHmm(lumpy, { nStates: 3, seed: 2 });
    expectValidModel(m, 3);
  });

  it('runs EM on 10^6 points without underflow', () => {
    const { x } = simulateHmm(THREE_STATE, 1_000_000, 21);
    const m = fitHmm(x, { nStates: 3, seed: 1, restarts: 1, maxIter: 3 });
    expectValidModel(m, 3);
    expect(m.iterations).toBe(3);
  });

  it('explains degenerate input: constant series, too few points, NaN or Infinity by index, bad options', () => {
    expect(() => fitHmm(new Float64Array(100).fill(2.5), { nStates: 2 })).toThrow(/constant/);
    expect(() => fitHmm(Float64Array.of(1, 2, 3), { nStates: 2 })).toThrow(/x.length must be at least 10/);
    const x = Float64Array.from({ length: 50 }, (_, i) => Math.sin(i));
    x[17] = NaN;
    expect(() => fitHmm(x, { nStates: 2 })).toThrow(/x\[17\]/);
    x[17] = -Infinity;
    expect(() => fitHmm(x, { nStates: 2 })).toThrow(/x\[17\]/);
    x[17] = 0;
    expect(() => fitHmm(x, { nStates: 6 })).toThrow(/nStates/);
    expect(() => fitHmm(x, { nStates: 2, tol: 0 })).toThrow(/^tol/);
    expect(() => fitHmm(x, { nStates: 2, restarts: 0 })).toThrow(/^restarts/);
    expect(() => fitHmm(x, { nStates: 2, abandonRatio: 0 })).toThrow(/^abandonRatio/);
    expect(() => fitHmm(x, { nStates: 2, abandonRatio: NaN })).toThrow(/^abandonRatio/);
  });
});
