import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hmmLogLik, type HmmParams } from '../../../src/engine';
import { createEStats } from '../../../src/engine/regime/backward';
import { createEmWork, eStep } from '../../../src/engine/regime/em-step';
import { bfgsUpdate, chooseReferences, createQnWork, direction, fromPhi, gradient, resetInverseHessian, toPhi } from '../../../src/engine/regime/quasi-newton';
import { params, simulateHmm } from './helpers';

/** A random valid K-state model from uniform weights in (0.05, 1). */
const modelArb = fc.integer({ min: 2, max: 5 }).chain((K) =>
  fc.array(fc.double({ min: 0.05, max: 1, noNaN: true }), { minLength: K * K + 3 * K, maxLength: K * K + 3 * K }).map((w) => {
    const norm = (a: number[]) => { const s = a.reduce((x, y) => x + y, 0); return a.map((v) => v / s); };
    const trans: number[] = [];
    for (let i = 0; i < K; i++) trans.push(...norm(w.slice(i * K, i * K + K)));
    const o = K * K;
    return params(w.slice(o, o + K).map((v, k) => 3 * v - 1.5 + k), w.slice(o + K, o + 2 * K).map((v) => 0.3 + v), trans, norm(w.slice(o + 2 * K, o + 3 * K)));
  }),
);

function blank(K: number): HmmParams {
  return { means: new Float64Array(K), variances: new Float64Array(K), trans: new Float64Array(K * K), init: new Float64Array(K) };
}

describe('quasi-Newton coordinates', () => {
  it('toPhi and fromPhi are inverse on valid models', () => {
    fc.assert(
      fc.property(modelArb, (m) => {
        const K = m.means.length;
        const q = createQnWork(K);
        chooseReferences(m, q);
        toPhi(m, q, q.phi);
        const back = blank(K);
        expect(fromPhi(q.phi, q, 1e-12, back)).toBe(true);
        for (const key of ['means', 'variances', 'trans', 'init'] as const)
          for (let i = 0; i < m[key].length; i++) expect(back[key][i]).toBeCloseTo(m[key][i], 12);
      }),
      { numRuns: 100 },
    );
  });

  it('fromPhi reports whether the variance floor clipped a variance', () => {
    const m = params([-1, 0, 1], [0.5, 1, 2], [0.8, 0.1, 0.1, 0.1, 0.8, 0.1, 0.1, 0.1, 0.8], [0.2, 0.5, 0.3]);
    const q = createQnWork(3);
    chooseReferences(m, q);
    toPhi(m, q, q.phi);
    const out = blank(3);
    expect(fromPhi(q.phi, q, 0.1, out)).toBe(true);
    expect(q.clipped).toBe(false);
    expect(fromPhi(q.phi, q, 0.7, out)).toBe(true);
    expect(q.clipped).toBe(true);
    expect(out.variances[0]).toBe(0.7);
    expect(out.variances[1]).toBeCloseTo(1, 14);
  });

  it('the gradient from the E-step equals a central difference of hmmLogLik in φ (Fisher identity)', () => {
    fc.assert(
      fc.property(modelArb, fc.integer(), (m, seed) => {
        const K = m.means.length;
        const { x } = simulateHmm(m, 200, seed);
        const st = createEStats(K);
        eStep(x, m, createEmWork(x.length, K), st);
        const q = createQnWork(K);
        chooseReferences(m, q);
        gradient(m, st, q, q.g);
        toPhi(m, q, q.phi);
        const h = 1e-5;
        const trial = blank(K);
        const at = (i: number, d: number) => { const p = q.phi.slice(); p[i] += d; fromPhi(p, q, 1e-12, trial); return hmmLogLik(x, trial); };
        for (let i = 0; i < q.P; i++) {
          const fd = (at(i, h) - at(i, -h)) / (2 * h);
          expect(Math.abs(q.g[i] - fd)).toBeLessThan(1e-5 * Math.max(1, Math.abs(fd)));
        }
      }),
      { numRuns: 25 },
    );
  });

  it('the first direction moves every mean exactly to its Baum-Welch update', () => {
    fc.assert(
      fc.property(modelArb, fc.integer(), (m, seed) => {
        const K = m.means.length;
        const { x } = simulateHmm(m, 150, seed);
        const st = createEStats(K);
        eStep(x, m, createEmWork(x.length, K), st);
        const q = createQnWork(K);
        chooseReferences(m, q);
        gradient(m, st, q, q.g);
        resetInverseHessian(m, st, q);
        expect(direction(q)).toBeGreaterThan(0);
        for (let k = 0; k < K; k++) {
          if (st.occ[k] < 1e-3) continue;
          expect(m.means[k] + q.d[k]).toBeCloseTo(st.sumX[k] / st.occ[k], 10);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('the BFGS update meets the secant condition Hi·y = s and keeps Hi symmetric; it is skipped without curvature', () => {
    const q = createQnWork(3);
    const P = q.P;
    for (let i = 0; i < P; i++) q.Hi[i * P + i] = 1 + i / 10;
    for (let i = 0; i < P; i++) { q.s[i] = Math.sin(i + 1); q.y[i] = Math.cos(i) + 2 * q.s[i]; }
    bfgsUpdate(q);
    for (let i = 0; i < P; i++) {
      let hy = 0;
      for (let j = 0; j < P; j++) { hy += q.Hi[i * P + j] * q.y[j]; expect(q.Hi[i * P + j]).toBeCloseTo(q.Hi[j * P + i], 12); }
      expect(hy).toBeCloseTo(q.s[i], 10);
    }
    const before = q.Hi.slice();
    for (let i = 0; i < P; i++) q.y[i] = -q.s[i];
    bfgsUpdate(q);
    expect(Array.from(q.Hi)).toEqual(Array.from(before));
  });
});
