import { sharpePerObservation } from './moments';
import { loSharpeSe } from './lo-se';
import { sharpeBootstrapInterval, type SharpeBootstrapOptions } from './bootstrap';

/** A per-observation Sharpe ratio with what it rests on. */
export interface SharpeConfidence {
  /** mean / sd of the series (n − 1 divisor), per observation (bucket), not annualised. */
  sharpe: number;
  /** Number of observations (buckets) behind it. */
  buckets: number;
  /** Stationary block bootstrap percentile interval (null under 3 buckets or for a constant series). */
  ci: { lo: number; hi: number; level: number; meanBlock: number; resamples: number } | null;
  /** Lo (2002) standard errors: iid and Newey–West (HAC); null under 3 buckets or for a constant series. */
  loSe: { iid: number; hac: number; lags: number } | null;
}

/** Sharpe per bucket with its bootstrap interval and Lo's standard errors (the analytic cross-check). */
export function sharpeConfidence(x: ArrayLike<number>, options: SharpeBootstrapOptions = {}): SharpeConfidence {
  const n = x.length;
  const sharpe = sharpePerObservation(x);
  if (n < 3 || !Number.isFinite(sharpe)) return { sharpe, buckets: n, ci: null, loSe: null };
  const se = loSharpeSe(x);
  if (!Number.isFinite(se.iid)) return { sharpe, buckets: n, ci: null, loSe: null };
  const b = sharpeBootstrapInterval(x, options);
  return {
    sharpe,
    buckets: n,
    ci: Number.isFinite(b.lo) && Number.isFinite(b.hi) ? { lo: b.lo, hi: b.hi, level: b.level, meanBlock: b.meanBlock, resamples: b.resamples } : null,
    loSe: se,
  };
}
