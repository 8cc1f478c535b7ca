import { checkSeries } from '../filters/series';
import { forwardK3 } from './em-k3';
import { checkHmmParams, type HmmParams } from './hmm-model';

/**
 * Scaled forward recursion of a Gaussian HMM (Rabiner 1989, eqs. 19–20 with the scaling of §V.A).
 * Emissions are computed in log space and shifted by their per-step maximum before exp, so no
 * observation underflows however far it lies from every mean; the shift is added back to the
 * log-likelihood. Work arrays can be reused across calls (EM) to avoid allocation.
 */
export interface ForwardWork {
  n: number;
  K: number;
  /** Shifted emissions b_k(x_t)·e^(−shift_t), n×K row-major. */
  emis: Float64Array;
  /** Normalised forward probabilities P(s_t = k | x_1..x_t), n×K row-major. */
  alpha: Float64Array;
  /** Scale factors c_t (sum of the unnormalised alpha at t). */
  scale: Float64Array;
  logLik: number;
}

/**
 * ForwardWork made by a constructor rather than an object literal: V8 builds a literal's boilerplate
 * when the literal is evaluated the second time and generalises its field types then, which
 * deoptimised the K = 3 E-step kernels (optimised during the first fit against typed-array fields) at
 * the start of the second fit; in some processes the forward pass was then not reoptimised and every
 * later fit took ≈ 1.5× as long.
 */
class ForwardBuffers implements ForwardWork {
  declare n: number;
  declare K: number;
  declare emis: Float64Array;
  declare alpha: Float64Array;
  declare scale: Float64Array;
  declare logLik: number;

  constructor(n: number, K: number, emis: Float64Array, alpha: Float64Array, scale: Float64Array) {
    this.n = n;
    this.K = K;
    this.emis = emis;
    this.alpha = alpha;
    this.scale = scale;
    this.logLik = NaN;
  }
}

export function createForwardWork(n: number, K: number): ForwardWork {
  return new ForwardBuffers(n, K, new Float64Array(n * K), new Float64Array(n * K), new Float64Array(n));
}

/** A ForwardWork whose three arrays are views of one new buffer (one allocation; for internal scratch). */
export function createForwardWorkPooled(n: number, K: number): ForwardWork {
  const buf = new Float64Array(n * (2 * K + 1));
  return new ForwardBuffers(n, K, buf.subarray(0, n * K), buf.subarray(n * K, 2 * n * K), buf.subarray(2 * n * K));
}

const LOG_2PI = Math.log(2 * Math.PI);
const TINY = 1e-280;

/** Fills w.emis, w.alpha, w.scale and w.logLik for x under model m (parameters assumed valid). */
export function forwardInto(x: ArrayLike<number>, m: HmmParams, w: ForwardWork): number {
  const n = x.length;
  const K = m.means.length;
  const { emis, alpha, scale } = w;
  const mu = m.means;
  const A = m.trans;
  const lnorm = new Float64Array(K);
  const halfInv = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    lnorm[k] = -0.5 * (LOG_2PI + Math.log(m.variances[k]));
    halfInv[k] = 0.5 / m.variances[k];
  }
  let sumLog = 0;
  let prod = 1;
  for (let t = 0; t < n; t++) {
    const xt = x[t];
    const o = t * K;
    let mx = -Infinity;
    for (let k = 0; k < K; k++) {
      const d = xt - mu[k];
      const le = lnorm[k] - d * d * halfInv[k];
      emis[o + k] = le;
      if (le > mx) mx = le;
    }
    for (let k = 0; k < K; k++) emis[o + k] = Math.exp(emis[o + k] - mx);
    let c = 0;
    if (t === 0) {
      for (let k = 0; k < K; k++) { const a = m.init[k] * emis[k]; alpha[k] = a; c += a; }
    } else {
      const p = o - K;
      for (let j = 0; j < K; j++) {
        let s = 0;
        for (let i = 0; i < K; i++) s += alpha[p + i] * A[i * K + j];
        const a = s * emis[o + j];
        alpha[o + j] = a;
        c += a;
      }
    }
    if (!(c > TINY)) {
      mx = rescueStep(xt, m, alpha, emis, o, t, lnorm, halfInv);
      c = 0;
      for (let k = 0; k < K; k++) c += alpha[o + k];
    }
    const ic = 1 / c;
    for (let k = 0; k < K; k++) alpha[o + k] *= ic;
    scale[t] = c;
    sumLog += mx;
    prod *= c;
    if (prod < TINY) { sumLog += Math.log(prod); prod = 1; }
  }
  w.logLik = sumLog + Math.log(prod);
  return w.logLik;
}

/**
 * The rare step where the shifted likelihood of x_t is below ~1e-280 (every state the chain can reach
 * explains x_t far worse than some other state, or the reachable states are themselves nearly
 * impossible): redo it in log space with scores ln P(s_t = k | x_1..x_{t−1}) + ln b_k(x_t), shifted by
 * their maximum. Rewrites emis/alpha (unnormalised) at step t and returns the shift; the new scale
 * Σ alpha lies in [1, K]. Emissions of unreachable states are 0 and others are capped at 1e250, so
 * the backward pass stays finite.
 */
function rescueStep(xt: number, m: HmmParams, alpha: Float64Array, emis: Float64Array, o: number, t: number, lnorm: Float64Array, halfInv: Float64Array): number {
  const K = m.means.length;
  let best = -Infinity;
  for (let j = 0; j < K; j++) {
    let p = 0;
    if (t === 0) p = m.init[j];
    else for (let i = 0; i < K; i++) p += alpha[o - K + i] * m.trans[i * K + j];
    const d = xt - m.means[j];
    const le = lnorm[j] - d * d * halfInv[j];
    alpha[o + j] = p; // predicted probability, temporarily
    emis[o + j] = le; // log emission, temporarily
    const score = p > 0 ? Math.log(p) + le : -Infinity;
    if (score > best) best = score;
  }
  for (let k = 0; k < K; k++) {
    const p = alpha[o + k];
    if (p > 0) {
      const le = emis[o + k];
      alpha[o + k] = Math.exp(Math.log(p) + le - best);
      emis[o + k] = Math.min(Math.exp(le - best), 1e250);
    } else {
      alpha[o + k] = 0;
      emis[o + k] = 0;
    }
  }
  return best;
}

/**
 * Log-likelihood of x under m (parameters assumed valid) using w as scratch: the K = 3 fast path
 * (em-k3.ts, same recursion, ≤ 1e-15 relative difference) when it applies, else forwardInto.
 */
export function hmmLogLikInto(x: ArrayLike<number>, m: HmmParams, w: ForwardWork): number {
  if (m.means.length === 3 && forwardK3(x, m, w)) return w.logLik;
  return forwardInto(x, m, w);
}

/** Log-likelihood log p(x_1..x_n) of the series under a Gaussian HMM. */
export function hmmLogLik(x: Float64Array, model: HmmParams): number {
  checkSeries('x', x);
  const K = checkHmmParams(model);
  return hmmLogLikInto(x, model, createForwardWork(x.length, K));
}

/** Causal filtered probabilities P(s_t = k | x_1..x_t), n×K row-major (forward pass only, no look-ahead). */
export function filterProbabilities(x: Float64Array, model: HmmParams): Float64Array {
  checkSeries('x', x);
  const K = checkHmmParams(model);
  const w = createForwardWork(x.length, K);
  forwardInto(x, model, w);
  return w.alpha;
}
