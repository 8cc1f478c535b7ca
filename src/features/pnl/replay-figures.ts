/**
 * The PnL panel's figures at the replay cursor, read off the engine's own series and buckets (no new
 * quantity: the value at the last point at or before the cursor, the deepest drawdown point up to it,
 * and the engine's bucket PnLs of the buckets already complete, counted into the engine's own bins).
 */

/** Index of the last of `time` (sorted) at or before `t`, or −1. */
export function lastAtOrBefore(time: ArrayLike<number>, t: number): number {
  let lo = 0, hi = time.length;
  while (lo < hi) { const m = (lo + hi) >> 1; if (time[m] <= t) lo = m + 1; else hi = m; }
  return lo - 1;
}

export interface PnlAtCursor {
  /** Time of the point read (s since epoch). */
  time: number;
  pnl: number;
  buyHold: number;
  /** The deepest drawdown point up to the cursor (≤ 0, quote ccy), as the engine's drawdown series has it. */
  drawdown: number;
}

export function pnlAtCursor(p: { time: ArrayLike<number>; pnl: ArrayLike<number>; buyHold: ArrayLike<number>; drawdown: ArrayLike<number> }, t: number): PnlAtCursor | null {
  const i = lastAtOrBefore(p.time, t);
  if (i < 0) return null;
  let dd = 0;
  for (let k = 0; k <= i; k++) if (p.drawdown[k] < dd) dd = p.drawdown[k];
  return { time: p.time[i], pnl: p.pnl[i], buyHold: p.buyHold[i], drawdown: dd };
}

/**
 * Counts of the buckets complete `elapsedSec` after the first tick (bucketPnl[j] spans
 * [k, k+1)·bucketSec with k = bucketIndex[j], the engine's PnlHistogram), in the engine's histogram
 * bins `edges` (last bin closed).
 */
export function bucketCountsUpTo(bucketPnl: ArrayLike<number>, bucketIndex: ArrayLike<number>, edges: ArrayLike<number>, bucketSec: number, elapsedSec: number): Float64Array {
  const nb = edges.length - 1;
  const counts = new Float64Array(Math.max(0, nb));
  if (nb <= 0 || !(bucketSec > 0)) return counts;
  const done = Math.floor(elapsedSec / bucketSec + 1e-9); // buckets 0 .. done − 1 are complete
  for (let k = 0; k < bucketPnl.length && bucketIndex[k] < done; k++) {
    const v = bucketPnl[k];
    if (!Number.isFinite(v)) continue;
    let b = 0;
    while (b < nb - 1 && v >= edges[b + 1]) b++;
    counts[b]++;
  }
  return counts;
}
