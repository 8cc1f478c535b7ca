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

/** n points simulated from m, their E-step statistics under m, and a QnWork with m's references and gradient. */
function atModel(m: HmmParams, n: number, seed: number) {
  const K = m.means.length;
  const { x } = simulateHmm(m, n, seed);
  const st = createEStats(K);
  eStep(x, m, createEmWork(x.length, K), st);
  const q = createQnWork(K);
  chooseReferences(m, q);
  gradient(m, st, q, q.g);
  return { x, st, q };
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
        const { x, q } = atModel(m, 200, seed);
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
        const { st, q } = atModel(m, 150, seed);
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

  it('the first update after a reset rescales Hi (Shanno–Phua): a Hessian 4× flatter than Hi is then exact', () => {
    // −ℓ quadratic with Hessian B = Hi0⁻¹ / 4 (Hi0 too small by 4, as the inverse complete-data
    // information is when most information is missing): y = B·s. Scaled by sᵀy / yᵀHi0·y = 4, Hi is
    // already B⁻¹, which BFGS keeps (Hi·y = s), so after one update Hi = 4·Hi0 everywhere.
    const q = createQnWork(2);
    const P = q.P;
    const Hi0 = new Float64Array(P * P);
    for (let i = 0; i < P; i++) Hi0[i * P + i] = 0.5 + i / 4;
    Hi0[1] = Hi0[P] = 0.1;
    const fresh = () => { q.Hi.set(Hi0); q.updates = 0; for (let i = 0; i < P; i++) q.s[i] = Math.sin(2 * i + 1); };
    const setY = () => {
      // y = B·s = Hi0⁻¹·s / 4, solved by conjugate gradients on the SPD Hi0 (P steps are exact).
      const x = new Float64Array(P), r = Float64Array.from(q.s), d = Float64Array.from(q.s), Ad = new Float64Array(P);
      for (let it = 0; it < P; it++) {
        let rr = 0, dAd = 0;
        for (let i = 0; i < P; i++) { let v = 0; for (let j = 0; j < P; j++) v += Hi0[i * P + j] * d[j]; Ad[i] = v; rr += r[i] * r[i]; dAd += d[i] * v; }
        if (rr < 1e-30) break;
        const a = rr / dAd;
        let rr2 = 0;
        for (let i = 0; i < P; i++) { x[i] += a * d[i]; r[i] -= a * Ad[i]; rr2 += r[i] * r[i]; }
        for (let i = 0; i < P; i++) d[i] = r[i] + (rr2 / rr) * d[i];
      }
      for (let i = 0; i < P; i++) q.y[i] = x[i] / 4;
    };
    fresh();
    setY();
    bfgsUpdate(q);
    for (let i = 0; i < P * P; i++) expect(q.Hi[i]).toBeCloseTo(4 * Hi0[i], 10);
    // A second update is not rescaled: from Hi0 with updates already counted, Hi moves only along s and y.
    fresh();
    q.updates = 1;
    setY();
    bfgsUpdate(q);
    let far = 0;
    for (let i = 0; i < P * P; i++) far = Math.max(far, Math.abs(q.Hi[i] - 4 * Hi0[i]));
    expect(far).toBeGreaterThan(0.5);
    // resetInverseHessian re-arms the rescaling.
    const m = params([-1, 1], [1, 1], [0.9, 0.1, 0.2, 0.8], [0.5, 0.5]);
    const { st } = atModel(m, 200, 3);
    chooseReferences(m, q);
    resetInverseHessian(m, st, q);
    expect(q.updates).toBe(0);
  });
});
