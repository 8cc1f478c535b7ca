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

export function createEStats(K: number): EStats {
  return { occ: new Float64Array(K), sumX: new Float64Array(K), sumX2: new Float64Array(K), first: new Float64Array(K), trans: new Float64Array(K * K) };
}

/**
 * Scaled backward recursion (Rabiner 1989, eq. 25 with the §V.A scaling) run after forwardInto,
 * accumulating the E-step statistics without storing β: γ_t = α̂_t·β̂_t, and the transition counts
 * through S_ij = Σ_t α̂_{t−1}(i)·b_j(x_t)·β̂_t(j)/c_t, multiplied by a_ij once at the end.
 */
export function backwardStats(x: ArrayLike<number>, m: HmmParams, w: ForwardWork, st: EStats, beta: Float64Array, betaNext: Float64Array, wv: Float64Array): void {
  const n = x.length;
  const K = m.means.length;
  const { emis, alpha, scale } = w;
  const A = m.trans;
  const { occ, sumX, sumX2, trans: S } = st;
  occ.fill(0); sumX.fill(0); sumX2.fill(0); S.fill(0);
  beta.fill(1);
  for (let t = n - 1; t >= 0; t--) {
    const o = t * K;
    const xt = x[t];
    let gs = 0;
    for (let k = 0; k < K; k++) gs += alpha[o + k] * beta[k];
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
    const ic = 1 / scale[t];
    for (let j = 0; j < K; j++) wv[j] = emis[o + j] * beta[j] * ic;
    const p = o - K;
    for (let i = 0; i < K; i++) {
      const ai = alpha[p + i];
      let s = 0;
      for (let j = 0; j < K; j++) {
        const wj = wv[j];
        s += A[i * K + j] * wj;
        S[i * K + j] += ai * wj;
      }
      betaNext[i] = s;
    }
    for (let k = 0; k < K; k++) beta[k] = betaNext[k];
  }
  for (let i = 0; i < K * K; i++) S[i] *= A[i];
}

/** Smoothed posteriors P(s_t = k | x_1..x_n), n×K row-major; each row sums to 1. */
export function posteriors(x: Float64Array, model: HmmParams): Float64Array {
  checkSeries('x', x);
  const K = checkHmmParams(model);
  const n = x.length;
  const w: ForwardWork = createForwardWork(n, K);
  forwardInto(x, model, w);
  const { emis, alpha, scale } = w;
  const A = model.trans;
  const out = new Float64Array(n * K);
  let beta = new Float64Array(K).fill(1);
  let next = new Float64Array(K);
  const wv = new Float64Array(K);
  for (let t = n - 1; t >= 0; t--) {
    const o = t * K;
    let gs = 0;
    for (let k = 0; k < K; k++) gs += alpha[o + k] * beta[k];
    for (let k = 0; k < K; k++) out[o + k] = (alpha[o + k] * beta[k]) / gs;
    if (t === 0) break;
    const ic = 1 / scale[t];
    for (let j = 0; j < K; j++) wv[j] = emis[o + j] * beta[j] * ic;
    for (let i = 0; i < K; i++) {
      let s = 0;
      for (let j = 0; j < K; j++) s += A[i * K + j] * wv[j];
      next[i] = s;
    }
    const tmp = beta; beta = next; next = tmp;
  }
  return out;
}
