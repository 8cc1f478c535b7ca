import type { Rng } from '../data/rng';
import type { HmmParams } from './hmm-model';

/**
 * Starting points for Baum-Welch on a standardised series z. Quantile start: K equal-count groups
 * of the sorted data. k-means start: 1-D k-means++ seeding (Arthur & Vassilvitskii 2007) and a few
 * Lloyd iterations. Both give sticky transitions (0.9 on the diagonal) and a uniform initial law.
 */
export function quantileStart(sorted: Float64Array, K: number, varFloor: number): HmmParams {
  const n = sorted.length;
  const means = new Float64Array(K);
  const variances = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    const lo = Math.floor((k * n) / K);
    const hi = Math.floor(((k + 1) * n) / K);
    let s = 0;
    for (let i = lo; i < hi; i++) s += sorted[i];
    const m = s / (hi - lo);
    let v = 0;
    for (let i = lo; i < hi; i++) v += (sorted[i] - m) * (sorted[i] - m);
    means[k] = m;
    variances[k] = Math.max(v / (hi - lo), varFloor, 0.01);
  }
  return withStickyChain(means, variances);
}

export function kmeansStart(z: Float64Array, K: number, varFloor: number, rng: Rng): HmmParams {
  const n = z.length;
  const centers = new Float64Array(K);
  centers[0] = z[rng.int(n)];
  const d2 = new Float64Array(n);
  for (let k = 1; k < K; k++) {
    let total = 0;
    for (let i = 0; i < n; i++) {
      let best = Infinity;
      for (let c = 0; c < k; c++) { const d = z[i] - centers[c]; if (d * d < best) best = d * d; }
      d2[i] = best;
      total += best;
    }
    let u = rng.uniform() * total;
    let pick = n - 1;
    for (let i = 0; i < n; i++) { u -= d2[i]; if (u < 0) { pick = i; break; } }
    centers[k] = z[pick];
  }
  const assign = new Int32Array(n);
  const sum = new Float64Array(K);
  const sum2 = new Float64Array(K);
  const cnt = new Float64Array(K);
  for (let it = 0; it < 8; it++) {
    sum.fill(0); sum2.fill(0); cnt.fill(0);
    for (let i = 0; i < n; i++) {
      let best = Infinity, arg = 0;
      for (let c = 0; c < K; c++) { const d = z[i] - centers[c]; if (d * d < best) { best = d * d; arg = c; } }
      assign[i] = arg;
      sum[arg] += z[i]; sum2[arg] += z[i] * z[i]; cnt[arg]++;
    }
    for (let c = 0; c < K; c++) if (cnt[c] > 0) centers[c] = sum[c] / cnt[c];
  }
  const variances = new Float64Array(K);
  for (let c = 0; c < K; c++) {
    const v = cnt[c] > 1 ? sum2[c] / cnt[c] - centers[c] * centers[c] : 1;
    variances[c] = Math.max(v, varFloor, 0.01);
  }
  centers.sort();
  return withStickyChain(centers, variances);
}

function withStickyChain(means: Float64Array, variances: Float64Array): HmmParams {
  const K = means.length;
  const trans = new Float64Array(K * K);
  const off = 0.1 / (K - 1);
  for (let i = 0; i < K; i++) for (let j = 0; j < K; j++) trans[i * K + j] = i === j ? 0.9 : off;
  return { means, variances, trans, init: new Float64Array(K).fill(1 / K) };
}
