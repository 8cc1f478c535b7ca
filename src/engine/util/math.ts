/**
 * (1/x)·ln(1 + x), continuous at x = 0 where it equals 1. Used by the AS and GLFT
 * spread terms, whose γ → 0 and ξ → 0 limits are otherwise 0/0.
 */
export function log1pOverX(x: number): number {
  if (x === 0) return 1;
  if (Math.abs(x) < 1e-8) return 1 - x / 2 + (x * x) / 3;
  return Math.log1p(x) / x;
}
