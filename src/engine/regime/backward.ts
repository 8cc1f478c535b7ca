import { checkSeries } from '../filters/series';
import { checkHmmParams, type HmmParams } from './hmm-model';
import { createForwardWork, forwardInto, type ForwardWork } from './forward';

/**
 * Sufficient statistics of one E-step: state occupancies Σγ, Σγx, Σγx², the first-step posterior
 * and the expected transition counts Σξ (Rabiner 1989, eqs. 37–40 and 24–27).
 */
export interface EStats {
  occ: Float64Array;
  sumX: Float64Array;
  sumX2: Float64Array;
  first: Float64Array;
  /** Σ_t ξ_t(i, j), K×K row-major. */
  trans: Float64Array;
}

/** A class, not an object literal, for the same reason as hmm-model.ts's Params (no deoptimisation of the kernels). */
class StatsBuffers implements EStats {
  declare occ: Float64Array;
  declare sumX: Float64Array;
  declare sumX2: Float64Array;
  declare first: Float64Array;
  declare trans: Float64Array;

  constructor(K: number) {
    this.occ = new Float64Array(K);
    this.sumX = new Float64Array(K);
    this.sumX2 = new Float64Array(K);
    this.first = new Float64Array(K);
    this.trans = new Float64Array(K * K);
  }
}

export function createEStats(K: number): EStats {
  return new StatsBuffers(K);
}

/**
 * Backward recursion (Rabiner 1989, eq. 25) run after forwardInto, accumulating the E-step statistics
 * without storing β. β is rescaled to max 1 at every step, so it can neither overflow nor vanish as a
 * whole, and every quantity is normalised by its own sum rather than by the forward scales:
 * with u_j = b_j(x_t)·β_t(j) and z = Σ_i α̂_{t−1}(i)·Σ_j a_ij·u_j,
 * ξ_{t−1}(i,j) = α̂_{t−1}(i)·a_ij·u_j / z and γ_t(k) = α̂_t(k)·β_t(k) / Σ_k α̂_t(k)·β_t(k) (eqs. 37–38).
 * The a_ij factor of ξ is applied once at the end.
 */
export function backwardStats(x: ArrayLike<number>, m: HmmParams, w: ForwardWork, st: EStats, beta: Float64Array, betaNext: Float64Array, wv: Float64Array): void {
  const n = x.length;
  const K = m.means.length;
  const { emis, alpha } = w;
  const A = m.trans;
  const { occ, sumX, sumX2, trans: S } = st;
  occ.fill(0); sumX.fill(0); sumX2.fill(0); S.fill(0);
  beta.fill(1);
  let gs = 1; // Σ_k α̂_t(k)·β_t(k) at t = n − 1 (β = 1, α̂ normalised)
  for (let t = n - 1; t >= 0; t--) {
    const o = t * K;
    const xt = x[t];
    if (!(gs > 0) || !Number.isFinite(gs)) { beta.fill(1); gs = 1; } // degenerate: fall back to the filtered law
    const ig = 1 / gs;
    for (let k = 0; k < K; k++) {
      const g = alpha[o + k] * beta[k] * ig;
      occ[k] += g;
      const gx = g * xt;
      sumX[k] += gx;
      sumX2[k] += gx * xt;
      if (t === 0) st.first[k] = g;
    }
    if (t === 0) break;
    for (let j = 0; j < K; j++) wv[j] = emis[o + j] * beta[j];
    const p = o - K;
    let z = 0;
    let mx = 0;
    for (let i = 0; i < K; i++) {
      let s = 0;
      for (let j = 0; j < K; j++) s += A[i * K + j] * wv[j];
      betaNext[i] = s;
      z += alpha[p + i] * s;
      if (s > mx) mx = s;
    }
    if (z > 0 && Number.isFinite(z)) {
      const iz = 1 / z;
      for (let i = 0; i < K; i++) {
        const ai = alpha[p + i] * iz;
        if (ai === 0) continue;
        for (let j = 0; j < K; j++) S[i * K + j] += ai * wv[j];
      }
    }
    const im = mx > 0 ? 1 / mx : 1;
    for (let k = 0; k < K; k++) beta[k] = betaNext[k] * im;
    gs = z * im;
  }
  for (let i = 0; i < K * K; i++) S[i] *= A[i];
}

/** Smoothed posteriors P(s_t = k | x_1..x_n), n×K row-major; each row sums to 1 (same recursion as backwardStats). */
export function posteriors(x: Float64Array, model: HmmParams): Float64Array {
  checkSeries('x', x);
  const K = checkHmmParams(model);
  const n = x.length;
  const w: ForwardWork = createForwardWork(n, K);
  forwardInto(x, model, w);
  const { emis, alpha } = w;
  const A = model.trans;
  const out = new Float64Array(n * K);
  const beta = new Float64Array(K).fill(1);
  const next = new Float64Array(K);
  const wv = new Float64Array(K);
  for (let t = n - 1; t >= 0; t--) {
    const o = t * K;
    let gs = 0;
    for (let k = 0; k < K; k++) gs += alpha[o + k] * beta[k];
    if (!(gs > 0) || !Number.isFinite(gs)) { beta.fill(1); gs = 1; }
    for (let k = 0; k < K; k++) out[o + k] = (alpha[o + k] * beta[k]) / gs;
    if (t === 0) break;
    for (let j = 0; j < K; j++) wv[j] = emis[o + j] * beta[j];
    let mx = 0;
    for (let i = 0; i < K; i++) {
      let s = 0;
      for (let j = 0; j < K; j++) s += A[i * K + j] * wv[j];
      next[i] = s;
      if (s > mx) mx = s;
    }
    const im = mx > 0 ? 1 / mx : 1;
    for (let k = 0; k < K; k++) beta[k] = next[k] * im;
  }
  return out;
}
