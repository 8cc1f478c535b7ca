// Reference: tests/fixtures/statsmodels/reference.json from `/usr/bin/python3
// tests/fixtures/statsmodels/make_fixtures.py`: statsmodels 0.13.5 MarkovRegression (switching mean
// and variance, known initial probabilities) loglike and filtered probabilities at given parameters.
// statsmodels applies the transition matrix twice to its known initial probabilities before the first
// observation, so the script stores our init = sm_init·T·T, and checks the statsmodels value against
// a direct numpy/scipy log-space forward algorithm to 1e-9 before writing it. Agreement 1e-9 relative.
import { describe, expect, it } from 'vitest';
import { filterProbabilities, hmmLogLik, ParamError } from '../../../src/engine';
import { maxRelDiff, ref, relClose } from '../filters/reference';
import { params, simulateHmm, THREE_STATE } from './helpers';

describe('hmmLogLik', () => {
  for (const c of ref.hmm) {
    const m = params(c.means, c.variances.map(Math.sqrt), c.trans, c.init);
    m.variances = Float64Array.from(c.variances);
    it(`${c.name}: equals statsmodels MarkovRegression.loglike to 1e-9`, () => {
      expect(relClose(hmmLogLik(Float64Array.from(c.x), m), c.logLik, 1e-9)).toBe(true);
      expect(relClose(c.logLik, c.logLikDirect, 1e-9)).toBe(true);
    });
    it(`${c.name}: filtered probabilities equal statsmodels' to 1e-9`, () => {
      const f = filterProbabilities(Float64Array.from(c.x), m);
      const K = c.means.length;
      expect(f.length).toBe(c.x.length * K);
      // statsmodels stores them n × K, like ours; tiny probabilities are compared absolutely.
      expect(maxRelDiff(f, c.filtered, 1e-6)).toBeLessThan(1e-9);
    });
  }

  it('equals the brute-force sum over all state paths on short series', () => {
    const m = THREE_STATE;
    const { x } = simulateHmm(m, 6, 3);
    let total = 0;
    const K = 3;
    const dens = (v: number, k: number) => Math.exp(-0.5 * (v - m.means[k]) ** 2 / m.variances[k]) / Math.sqrt(2 * Math.PI * m.variances[k]);
    for (let code = 0; code < K ** x.length; code++) {
      let c = code, prev = -1, p = 1;
      for (let t = 0; t < x.length; t++) {
        const s = c % K; c = Math.floor(c / K);
        p *= (prev < 0 ? m.init[s] : m.trans[prev * K + s]) * dens(x[t], s);
        prev = s;
      }
      total += p;
    }
    expect(relClose(hmmLogLik(x, m), Math.log(total), 1e-12)).toBe(true);
  });

  it('stays finite on 10^6 points and on far outliers (no underflow)', () => {
    const { x } = simulateHmm(THREE_STATE, 1_000_000, 5);
    x[1000] = 1e6;
    x[2000] = -1e8;
    const ll = hmmLogLik(x, THREE_STATE);
    expect(Number.isFinite(ll)).toBe(true);
    const f = filterProbabilities(x.subarray(0, 3000), THREE_STATE);
    for (let i = 0; i < f.length; i++) expect(Number.isFinite(f[i])).toBe(true);
  });

  it('handles an observation only an unreachable state explains', () => {
    // State 1 cannot be reached from state 0 and explains x = 50 far better than state 0 does.
    const m = params([0, 50], [1, 1], [1, 0, 0.5, 0.5], [1, 0]);
    const ll = hmmLogLik(Float64Array.of(0, 50, 0), m);
    const expected = Math.log(1 / Math.sqrt(2 * Math.PI)) * 3 - 0.5 * 2500;
    expect(ll).toBeCloseTo(expected, 9);
    const f = filterProbabilities(Float64Array.of(0, 50), m);
    expect(Array.from(f)).toEqual([1, 0, 1, 0]);
  });

  it('names the bad index or model field', () => {
    expect(() => hmmLogLik(Float64Array.of(0, NaN), THREE_STATE)).toThrow(/x\[1\]/);
    const bad = { ...THREE_STATE, trans: Float64Array.of(0.5, 0.5, 0, 0, 1, 0, 0, 0, 0.9) };
    expect(() => hmmLogLik(Float64Array.of(0), bad)).toThrow(/row 2/);
    expect(() => hmmLogLik(Float64Array.of(0), { ...THREE_STATE, variances: Float64Array.of(1, 0, 1) })).toThrow(ParamError);
  });
});
