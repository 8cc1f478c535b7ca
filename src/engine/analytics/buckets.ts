import type { PnlHistogram } from './types';

/** Buckets of `bucketSec` seconds from the first tick to the last (at least one); times non-decreasing. */
export function bucketCount(time: Float64Array, bucketSec: number): number {
  const n = time.length;
  return n === 0 ? 0 : Math.max(1, Math.floor((time[n - 1] - time[0]) / bucketSec) + 1);
}

/**
 * PnL per consecutive bucket of `bucketSec` seconds from the first tick (equity at each bucket's end
 * minus its start); times finite and non-decreasing, as a backtest's. A bucket without a tick has PnL 0
 * (nothing was marked); with `dropEmpty` (a year basis with closed time: basisHasClosedTime) it is left
 * out instead, as closed market, and a move across the closure counts in the first bucket after it.
 */
export function bucketPnl(time: Float64Array, equity: Float64Array, bucketSec: number, dropEmpty = false): Float64Array {
  return bucketWalk(time, (i) => equity[i], bucketSec, dropEmpty, null);
}

/**
 * bucketPnl of the series whose value at tick i is valueAt(i), read only at bucket ends (so a series
 * computed from another, as buy-and-hold's from the mid, needs no column of its own), with each
 * returned bucket's index from the first tick (k: [k·bucketSec, (k + 1)·bucketSec)) into `index` when
 * given (bucketCount long).
 */
export function bucketWalk(time: Float64Array, valueAt: (i: number) => number, bucketSec: number, dropEmpty: boolean, index: Float64Array | null): Float64Array {
  const n = time.length;
  if (n === 0) return new Float64Array(0);
  const t0 = time[0];
  const nb = bucketCount(time, bucketSec);
  const out = new Float64Array(nb);
  let k = 0; // the next slot of out when empty buckets are dropped
  let start = valueAt(0);
  let b = 0;
  // Below `next` the quotient cannot reach b + 1 (a margin of 1e-9 against rounding errors of ~1e-16), so
  // the bucket index is only computed at the first tick at or past `next`, found by a galloping search
  // (times are non-decreasing): the same ticks as a scan tick by tick, in O(log) per bucket.
  let next = bucketSec * (1 - 1e-9);
  let i = firstAtOrPast(time, t0, next, 0);
  while (i < n) {
    const bi = Math.min(nb - 1, Math.floor((time[i] - t0) / bucketSec));
    next = (bi + 1) * bucketSec * (1 - 1e-9);
    if (bi !== b) {
      const last = valueAt(i - 1);
      if (index !== null && dropEmpty) index[k] = b;
      out[dropEmpty ? k++ : b] = last - start;
      start = last;
      b = bi;
    }
    i = firstAtOrPast(time, t0, next, i + 1);
  }
  if (index !== null && dropEmpty) index[k] = b;
  out[dropEmpty ? k++ : b] = valueAt(n - 1) - start;
  if (index !== null && !dropEmpty) for (let j = 0; j < nb; j++) index[j] = j; // every bucket kept, in place
  return dropEmpty && k < nb ? out.slice(0, k) : out;
}

/** The first index j ≥ from with time[j] − t0 ≥ d (time non-decreasing), or time.length: doubling steps, then bisection. */
function firstAtOrPast(time: Float64Array, t0: number, d: number, from: number): number {
  const n = time.length;
  if (from >= n || time[from] - t0 >= d) return from;
  // time[lo] − t0 < d; the answer is in (lo, hi].
  let lo = from, step = 1, hi = from + 1;
  while (hi < n && time[hi] - t0 < d) {
    lo = hi;
    step += step;
    hi = lo + step;
  }
  if (hi > n) hi = n;
  while (hi - lo > 1) {
    const m = (lo + hi) >>> 1;
    if (time[m] - t0 < d) lo = m;
    else hi = m;
  }
  return hi;
}

/** Histogram of values in `bins` equal-width bins (one bin when all values are equal). */
export function histogram(values: Float64Array, bins = 20): { edges: Float64Array; counts: Float64Array } {
  let lo = Infinity, hi = -Infinity;
  for (const v of values) { if (v < lo) lo = v; if (v > hi) hi = v; }
  if (values.length === 0) return { edges: Float64Array.of(0, 0), counts: Float64Array.of(0) };
  const nb = hi > lo ? bins : 1;
  const w = hi > lo ? (hi - lo) / nb : 1;
  const edges = Float64Array.from({ length: nb + 1 }, (_, k) => (hi > lo ? lo + k * w : lo - 0.5 + k));
  const counts = new Float64Array(nb);
  for (const v of values) counts[Math.min(nb - 1, Math.floor((v - lo) / w))]++;
  return { edges, counts };
}

/** bucketPnl and its histogram; `dropEmpty` as bucketPnl's. */
export function pnlHistogram(time: Float64Array, equity: Float64Array, bucketSec: number, dropEmpty = false): PnlHistogram {
  const nb = bucketCount(time, bucketSec);
  const index = new Float64Array(nb);
  const b = bucketWalk(time, (i) => equity[i], bucketSec, dropEmpty, index);
  const h = histogram(b);
  return { bucketSec, bucketPnl: b, bucketIndex: b.length < nb ? index.slice(0, b.length) : index, closedBuckets: nb - b.length, edges: h.edges, counts: h.counts };
}

/**
 * Annualised Sharpe and Sortino of per-bucket PnL: mean/sd × √(buckets per year) (Sharpe 1994;
 * Sortino & Price 1994 with a zero target, downside deviation √mean(min(x,0)²)). 0 when undefined:
 * a Sortino with no losing bucket has no downside deviation, so it is 0 with `sortinoDefined: false`
 * (the same convention as Calmar without a drawdown), never +∞.
 */
export function sharpeSortino(bucket: Float64Array, bucketsPerYear: number): { sharpe: number; sortino: number; sortinoDefined: boolean } {
  const n = bucket.length;
  if (n < 2) return { sharpe: 0, sortino: 0, sortinoDefined: false };
  let s = 0;
  for (const v of bucket) s += v;
  const mean = s / n;
  let ss = 0, dd = 0;
  for (const v of bucket) { ss += (v - mean) * (v - mean); if (v < 0) dd += v * v; }
  const sd = Math.sqrt(ss / (n - 1));
  const down = Math.sqrt(dd / n);
  const ann = Math.sqrt(bucketsPerYear);
  // No losing bucket: the downside deviation is 0 and the ratio is undefined (unbounded for a positive mean).
  const sortinoDefined = down > 0;
  return { sharpe: sd > 0 ? (mean / sd) * ann : 0, sortino: sortinoDefined ? (mean / down) * ann : 0, sortinoDefined };
}
