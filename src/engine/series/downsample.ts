/**
 * Chart downsampling: charts get a few thousand points, never a million. Min-max per bucket
 * keeps every spike of the primary series (what LTTB can smooth away), and gathering other
 * series at the same indices keeps them aligned on one time axis.
 */

/**
 * Indices of the min and the max of `primary` within each of `buckets` equal index ranges,
 * in increasing order, always including the first and last index. At most 2·buckets + 2 indices;
 * every index when n ≤ 2·buckets. NaN values are passed over.
 */
export function minMaxIndices(primary: Float64Array, buckets: number): Int32Array {
  const n = primary.length;
  if (n === 0) return new Int32Array(0);
  if (n <= 2 * buckets + 2) return Int32Array.from({ length: n }, (_, i) => i);
  const iMin = new Int32Array(buckets).fill(-1), iMax = new Int32Array(buckets).fill(-1);
  const size = n / buckets;
  for (let b = 0; b < buckets; b++) {
    const lo = Math.max(1, Math.floor(b * size));
    const hi = Math.min(n - 1, Math.floor((b + 1) * size));
    let vMin = Infinity, vMax = -Infinity;
    for (let i = lo; i < hi; i++) {
      const v = primary[i];
      if (v < vMin) { vMin = v; iMin[b] = i; }
      if (v > vMax) { vMax = v; iMax[b] = i; }
    }
  }
  return keptIndices(iMin, iMax, n);
}

/**
 * Index 0, then each bucket's min and max index in time order (a bucket with none, −1, is passed
 * over; an index not above the last kept one is dropped, so the result increases), then n − 1: the
 * kept indices of minMaxIndices and of the series views' min-max buckets (views/minmax-scan.ts).
 */
export function keptIndices(iMin: Int32Array, iMax: Int32Array, n: number): Int32Array {
  const out = new Int32Array(2 * iMin.length + 2);
  let m = 1;
  for (let k = 0; k < iMin.length; k++) {
    const lo = iMin[k], hi = iMax[k];
    if (lo < 0) continue;
    const a = Math.min(lo, hi), c = Math.max(lo, hi);
    if (a > out[m - 1]) out[m++] = a;
    if (c > out[m - 1]) out[m++] = c;
  }
  if (out[m - 1] !== n - 1) out[m++] = n - 1;
  return out.slice(0, m);
}

/** `series[idx[k]]` for each k, as a new Float64Array. */
export function gather(series: ArrayLike<number>, idx: Int32Array): Float64Array {
  const out = new Float64Array(idx.length);
  for (let k = 0; k < idx.length; k++) out[k] = series[idx[k]];
  return out;
}

/** Evenly spaced indices (for series where every point matters equally, e.g. probabilities). */
export function strideIndices(n: number, maxPoints: number): Int32Array {
  if (n <= maxPoints) return Int32Array.from({ length: n }, (_, i) => i);
  const out = new Int32Array(maxPoints);
  for (let k = 0; k < maxPoints; k++) out[k] = Math.round((k * (n - 1)) / (maxPoints - 1));
  return out;
}
