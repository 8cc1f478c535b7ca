import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { viterbi, type HmmParams } from '../../../src/engine';
import { params, simulateHmm, THREE_STATE } from './helpers';

function bruteForce(x: Float64Array, m: HmmParams): { best: number; paths: Int32Array[] } {
  const K = m.means.length;
  const n = x.length;
  const ld = (v: number, k: number) => -0.5 * Math.log(2 * Math.PI * m.variances[k]) - (0.5 * (v - m.means[k]) ** 2) / m.variances[k];
  let best = -Infinity;
  let paths: Int32Array[] = [];
  for (let code = 0; code < K ** n; code++) {
    const path = new Int32Array(n);
    let c = code, lp = 0;
    for (let t = 0; t < n; t++) { path[t] = c % K; c = Math.floor(c / K); }
    for (let t = 0; t < n; t++) lp += Math.log(t === 0 ? m.init[path[0]] : m.trans[path[t - 1] * K + path[t]]) + ld(x[t], path[t]);
    if (lp > best + 1e-9) { best = lp; paths = [path]; }
    else if (Math.abs(lp - best) <= 1e-9) paths.push(path);
  }
  return { best, paths };
}

describe('viterbi', () => {
  it('equals the brute-force most probable path on small cases', () => {
    const arb = fc.record({
      K: fc.integer({ min: 2, max: 3 }),
      n: fc.integer({ min: 1, max: 7 }),
      seed: fc.integer(),
      means: fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 3, maxLength: 3 }),
      sds: fc.array(fc.double({ min: 0.1, max: 2, noNaN: true }), { minLength: 3, maxLength: 3 }),
      w: fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 12, maxLength: 12 }),
    });
    fc.assert(
      fc.property(arb, ({ K, n, seed, means, sds, w }) => {
        const row = (o: number) => { const r = w.slice(o, o + K); const s = r.reduce((a, b) => a + b, 0); return r.map((v) => v / s); };
        const trans: number[] = [];
        for (let i = 0; i < K; i++) trans.push(...row(i * 3));
        const m = params(means.slice(0, K), sds.slice(0, K), trans, row(9));
        const { x } = simulateHmm(m, n, seed);
        const path = viterbi(x, m);
        const { paths } = bruteForce(x, m);
        expect(paths.some((p) => p.every((s, t) => s === path[t]))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('recovers most states of a well-separated simulated chain, on 10^6 points without drifting to −∞', () => {
    const { x, states } = simulateHmm(THREE_STATE, 1_000_000, 8);
    const path = viterbi(x, THREE_STATE);
    let hits = 0;
    for (let t = 0; t < x.length; t++) if (path[t] === states[t]) hits++;
    expect(hits / x.length).toBeGreaterThan(0.8);
  });

  it('never takes a zero-probability transition', () => {
    const m = params([0, 1], [1, 1], [1, 0, 0.5, 0.5], [0.5, 0.5]);
    const path = viterbi(Float64Array.of(0, 5, 0, 5), m);
    for (let t = 1; t < 4; t++) expect(m.trans[path[t - 1] * 2 + path[t]]).toBeGreaterThan(0);
  });
});
