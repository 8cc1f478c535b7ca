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
