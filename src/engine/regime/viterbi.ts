import { checkSeries } from '../filters/series';
import { checkHmmParams, type HmmParams } from './hmm-model';

const LOG_2PI = Math.log(2 * Math.PI);

/**
 * Most probable state path argmax_s P(s | x) by the Viterbi recursion in log space
 * (Rabiner 1989, eqs. 32–35). Ties go to the lower state id. Zero probabilities are −∞, never NaN.
 */
export function viterbi(x: Float64Array, model: HmmParams): Int32Array {
  checkSeries('x', x);
  const K = checkHmmParams(model);
  const n = x.length;
  const logA = new Float64Array(K * K);
  for (let i = 0; i < K * K; i++) logA[i] = Math.log(model.trans[i]);
  const lnorm = new Float64Array(K);
  const halfInv = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    lnorm[k] = -0.5 * (LOG_2PI + Math.log(model.variances[k]));
    halfInv[k] = 0.5 / model.variances[k];
  }
  const back = new Int32Array(n * K);
  let delta = new Float64Array(K);
  let next = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    const d = x[0] - model.means[k];
    delta[k] = Math.log(model.init[k]) + lnorm[k] - d * d * halfInv[k];
  }
  for (let t = 1; t < n; t++) {
    const xt = x[t];
    for (let j = 0; j < K; j++) {
      let best = -Infinity;
      let arg = 0;
      for (let i = 0; i < K; i++) {
        const v = delta[i] + logA[i * K + j];
        if (v > best) { best = v; arg = i; }
      }
      const d = xt - model.means[j];
      next[j] = best + lnorm[j] - d * d * halfInv[j];
      back[t * K + j] = arg;
    }
    // Re-centre so the scores never drift to −∞ on long series (argmax is shift-invariant).
    let mx = -Infinity;
    for (let k = 0; k < K; k++) if (next[k] > mx) mx = next[k];
    if (mx > -Infinity) for (let k = 0; k < K; k++) next[k] -= mx;
    const tmp = delta; delta = next; next = tmp;
  }
  const path = new Int32Array(n);
  let s = 0;
  for (let k = 1; k < K; k++) if (delta[k] > delta[s]) s = k;
  path[n - 1] = s;
  for (let t = n - 1; t > 0; t--) {
    s = back[t * K + s];
    path[t - 1] = s;
  }
  return path;
}
