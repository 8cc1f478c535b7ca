import type { PnlHistogram } from './types';

/** PnL per consecutive bucket of `bucketSec` seconds from the first tick (equity at each bucket's end minus its start); times non-decreasing, as a backtest's. */
export function bucketPnl(time: Float64Array, equity: Float64Array, bucketSec: number): Float64Array {
  const n = time.length;
  if (n === 0) return new Float64Array(0);
  const t0 = time[0];
  const nb = Math.max(1, Math.floor((time[n - 1] - t0) / bucketSec) + 1);
  const out = new Float64Array(nb);
  let start = equity[0];
  let b = 0;
  // Below `next` the quotient cannot reach b + 1 (a margin of 1e-9 against rounding errors of ~1e-16),
  // so the bucket index is only computed near bucket ends: the same indices, with few divisions.
  let next = bucketSec * (1 - 1e-9);
  for (let i = 0; i < n; i++) {
    const d = time[i] - t0;
    if (d < next) continue;
    const bi = Math.min(nb - 1, Math.floor(d / bucketSec));
    next = (bi + 1) * bucketSec * (1 - 1e-9);
    if (bi !== b) {
      const last = equity[i - 1];
      out[b] = last - start;
      start = last;
      b = bi;
    }
  }
  out[b] = equity[n - 1] - start;
  return out;
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

export function pnlHistogram(time: Float64Array, equity: Float64Array, bucketSec: number): PnlHistogram {
  const b = bucketPnl(time, equity, bucketSec);
  const h = histogram(b);
  return { bucketSec, bucketPnl: b, edges: h.edges, counts: h.counts };
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
