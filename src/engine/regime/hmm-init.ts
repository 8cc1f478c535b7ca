import type { Rng } from '../data/rng';
import { hmmParams, type HmmParams } from './hmm-model';

/**
 * Starting points for Baum-Welch on a standardised series z, computed on its sorted copy with prefix
 * sums, so each start costs O(K log n) after one O(n) pass. Quantile start: K equal-count groups of
 * the sorted data. k-means start: 1-D k-means++ seeding (Arthur & Vassilvitskii 2007) and Lloyd
 * iterations to convergence; in 1-D every cluster is a contiguous run of the sorted data between
 * midpoints of neighbouring centres, so a cluster's count, sum and sum of squares are prefix-sum
 * differences. Both give sticky transitions (0.9 on the diagonal) and a uniform initial law; states
 * come sorted by mean, each with its own cluster's variance.
 */
export interface SortedSums {
  sorted: Float64Array;
  /** s1[i] = Σ_{j<i} sorted[j], s2[i] = Σ_{j<i} sorted[j]²  (n + 1 entries). */
  s1: Float64Array;
  s2: Float64Array;
}

/** `into`, if given, provides the 3n + 2 doubles of storage (views of it are returned). */
export function sortedSums(z: Float64Array, into?: Float64Array): SortedSums {
  const n = z.length;
  const buf = into ?? new Float64Array(3 * n + 2);
  const sorted = buf.subarray(0, n);
  sorted.set(z);
  sorted.sort();
  const s1 = buf.subarray(n, 2 * n + 1);
  const s2 = buf.subarray(2 * n + 1, 3 * n + 2);
  s1[0] = 0;
  s2[0] = 0;
  for (let i = 0; i < n; i++) {
    const v = sorted[i];
    s1[i + 1] = s1[i] + v;
    s2[i + 1] = s2[i] + v * v;
  }
  return { sorted, s1, s2 };
}

/** Σ_{lo ≤ i < hi} (sorted[i] − c)², clamped at 0 against rounding. */
function sqDev(ss: SortedSums, lo: number, hi: number, c: number): number {
  const v = ss.s2[hi] - ss.s2[lo] - 2 * c * (ss.s1[hi] - ss.s1[lo]) + c * c * (hi - lo);
  return v > 0 ? v : 0;
}

/** First index i in [lo, hi) with sorted[i] ≥ v (hi if none). */
function lowerBound(a: Float64Array, v: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function quantileStart(ss: SortedSums, K: number, varFloor: number): HmmParams {
  const n = ss.sorted.length;
  const means = new Float64Array(K);
  const variances = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    const lo = Math.floor((k * n) / K);
    const hi = Math.floor(((k + 1) * n) / K);
    const m = (ss.s1[hi] - ss.s1[lo]) / (hi - lo);
    means[k] = m;
    variances[k] = Math.max(sqDev(ss, lo, hi, m) / (hi - lo), varFloor, 0.01);
  }
  return withStickyChain(means, variances);
}

/** Cluster boundaries for sorted centres c: cluster k is [bounds[k], bounds[k + 1]). */
function segments(ss: SortedSums, c: Float64Array, K: number, bounds: Int32Array): void {
  const n = ss.sorted.length;
  bounds[0] = 0;
  bounds[K] = n;
  for (let k = 1; k < K; k++) bounds[k] = lowerBound(ss.sorted, (c[k - 1] + c[k]) / 2, bounds[k - 1], n);
}

export function kmeansStart(ss: SortedSums, K: number, varFloor: number, rng: Rng): HmmParams {
  const { sorted } = ss;
  const n = sorted.length;
  const centers = new Float64Array(K);
  const bounds = new Int32Array(K + 1);
  centers[0] = sorted[rng.int(n)];
  for (let k = 1; k < K; k++) {
    // D² sampling: pick a point with probability ∝ its squared distance to the nearest centre so far.
    sortPrefix(centers, k);
    const c = centers;
    segments(ss, c, k, bounds);
    let total = 0;
    for (let j = 0; j < k; j++) total += sqDev(ss, bounds[j], bounds[j + 1], c[j]);
    let u = rng.uniform() * total;
    let pick = n - 1;
    for (let j = 0; j < k; j++) {
      const lo = bounds[j], hi = bounds[j + 1];
      const w = sqDev(ss, lo, hi, c[j]);
      if (u < w) {
        // Smallest i in the cluster whose cumulative squared deviation exceeds u.
        let a = lo, b = hi - 1;
        while (a < b) {
          const mid = (a + b) >>> 1;
          if (sqDev(ss, lo, mid + 1, c[j]) > u) b = mid;
          else a = mid + 1;
        }
        pick = a;
        break;
      }
      u -= w;
    }
    centers[k] = sorted[pick];
  }
  const counts = new Float64Array(K);
  for (let it = 0; it < 100; it++) {
    centers.sort(); // an empty cluster keeps its centre, which may then be out of order
    segments(ss, centers, K, bounds);
    let moved = false;
    for (let k = 0; k < K; k++) {
      const cnt = bounds[k + 1] - bounds[k];
      counts[k] = cnt;
      if (cnt > 0) {
        const m = (ss.s1[bounds[k + 1]] - ss.s1[bounds[k]]) / cnt;
        if (m !== centers[k]) moved = true;
        centers[k] = m;
      }
    }
    if (!moved) break;
  }
  const variances = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    const v = counts[k] > 1 ? sqDev(ss, bounds[k], bounds[k + 1], centers[k]) / counts[k] : 1;
    variances[k] = Math.max(v, varFloor, 0.01);
  }
  return withStickyChain(centers, variances);
}

/**
 * The fit's starting points: the quantile start, then `count − 1` k-means++ starts drawn from rng,
 * without repeats (k-means converges to the same centres from many seeds, and an identical start
 * would only repeat an identical EM run).
 */
export function startingPoints(ss: SortedSums, K: number, count: number, varFloor: number, rng: Rng): HmmParams[] {
  const starts = [quantileStart(ss, K, varFloor)];
  for (let r = 1; r < count; r++) {
    const s = kmeansStart(ss, K, varFloor, rng);
    if (!isRepeat(s, starts)) starts.push(s);
  }
  return starts;
}

/**
 * Whether s equals one of `starts` in every parameter. Plain loops rather than some/every with arrow
 * functions: those closures were created anew in every fit (and, through tsx, each named by a
 * defineProperty call), allocation and unoptimised calls in the fits before V8 had compiled them.
 */
function isRepeat(s: HmmParams, starts: HmmParams[]): boolean {
  for (let i = 0; i < starts.length; i++) if (sameParams(s, starts[i])) return true;
  return false;
}

function sameParams(a: HmmParams, b: HmmParams): boolean {
  return sameValues(a.means, b.means) && sameValues(a.variances, b.variances) && sameValues(a.trans, b.trans) && sameValues(a.init, b.init);
}

function sameValues(u: Float64Array, v: Float64Array): boolean {
  for (let i = 0; i < u.length; i++) if (u[i] !== v[i]) return false;
  return true;
}

/**
 * Sorts a[0..k) in place into the order of Float64Array.prototype.sort (ascending, −0 before +0; no
 * NaN here), by insertion: k ≤ 5, and a subarray view to sort would be an allocation per call.
 */
function sortPrefix(a: Float64Array, k: number): void {
  for (let i = 1; i < k; i++) {
    const v = a[i];
    let j = i - 1;
    while (j >= 0 && (a[j] > v || (a[j] === 0 && v === 0 && 1 / a[j] > 0 && 1 / v < 0))) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = v;
  }
}

function withStickyChain(means: Float64Array, variances: Float64Array): HmmParams {
  const K = means.length;
  const trans = new Float64Array(K * K);
  const off = 0.1 / (K - 1);
  for (let i = 0; i < K; i++) for (let j = 0; j < K; j++) trans[i * K + j] = i === j ? 0.9 : off;
  return hmmParams(means, variances, trans, new Float64Array(K).fill(1 / K));
}
