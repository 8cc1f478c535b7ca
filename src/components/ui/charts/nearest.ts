/**
 * Index of the point among from..n-1 of ascending `x` nearest to `at` (the earlier one on a tie),
 * by bisection; -1 when there is none. Non-finite x values are not expected (times are finite).
 */
export function nearestIndex(x: ArrayLike<number>, n: number, at: number, from = 0): number {
  if (n <= from || !Number.isFinite(at)) return -1;
  let lo = from, hi = n; // first index with x >= at
  while (lo < hi) { const m = (lo + hi) >> 1; if (x[m] < at) lo = m + 1; else hi = m; }
  if (lo === from) return from;
  if (lo === n) return n - 1;
  return at - x[lo - 1] <= x[lo] - at ? lo - 1 : lo;
}

/** Index of the band (0..count-1) holding pixel `at` when `count` equal bands share [left, left + width); -1 outside. */
export function bandIndex(count: number, left: number, width: number, at: number): number {
  if (count <= 0 || !(width > 0)) return -1;
  const i = Math.floor(((at - left) / width) * count);
  return i >= 0 && i < count ? i : -1;
}

/** How many of the ascending `x` values are at or before `cut` (a replay cursor on a chart's own x), by bisection. */
export function countAtOrBefore(x: ArrayLike<number>, cut: number): number {
  let lo = 0, hi = x.length;
  while (lo < hi) { const m = (lo + hi) >> 1; if (x[m] <= cut) lo = m + 1; else hi = m; }
  return lo;
}
