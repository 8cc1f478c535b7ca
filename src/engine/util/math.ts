/**
 * (1/x)·ln(1 + x), continuous at x = 0 where it equals 1. Used by the AS and GLFT
 * spread terms, whose γ → 0 and ξ → 0 limits are otherwise 0/0.
 */
export function log1pOverX(x: number): number {
  if (x === 0) return 1;
  if (Math.abs(x) < 1e-8) return 1 - x / 2 + (x * x) / 3;
  return Math.log1p(x) / x;
}

/** The q-quantile of ascending `sorted`, linear between order statistics (Hyndman & Fan 1996, type 7); NaN when empty. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * q, lo = Math.floor(h), hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Greatest common divisor of two non-negative integers (Euclid); gcd(a, 0) = a. */
export function gcd(a: number, b: number): number {
  while (b > 0) { const t = a % b; a = b; b = t; }
  return a;
}

/**
 * The k-th smallest of `x` (0-based), as x sorted ascending would have at index k, found by
 * partitioning in place (Hoare's FIND, 1961): O(n) on average instead of a sort's O(n log n).
 * Reorders `x`; its values must not be NaN (the caller checks).
 */
export function kthSmallest(x: Float64Array, k: number): number {
  let lo = 0, hi = x.length - 1;
  while (lo < hi) {
    // Median of three as the pivot: sorted or constant input stays O(n).
    const mid = (lo + hi) >>> 1;
    const a = x[lo], b = x[mid], c = x[hi];
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : (a < c ? a : b < c ? c : b);
    let i = lo, j = hi;
    while (i <= j) {
      while (x[i] < pivot) i++;
      while (x[j] > pivot) j--;
      if (i <= j) { const t = x[i]; x[i] = x[j]; x[j] = t; i++; j--; }
    }
    // Now x[lo..j] ≤ pivot ≤ x[i..hi], and everything between j and i equals the pivot.
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return x[k];
  }
  return x[k];
}
