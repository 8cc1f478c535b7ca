import { sharpePerObservation } from './moments';
import { loSharpeSe } from './lo-se';
import { sharpeBootstrapInterval, type SharpeBootstrapOptions } from './bootstrap';
import { normalQuantile } from './normal';

/** Above this many observations the interval is the normal one from Lo's HAC standard error (the bootstrap would cost B·n for what the asymptotics already give). */
export const BOOTSTRAP_MAX_OBSERVATIONS = 20_000;

/** A per-observation Sharpe ratio with what it rests on. */
export interface SharpeConfidence {
  /** mean / sd of the series (n − 1 divisor), per observation (bucket), not annualised. */
  sharpe: number;
  /** Number of observations (buckets) behind it. */
  buckets: number;
  /**
   * 95 % interval (or options.level): stationary block bootstrap percentile interval up to
   * BOOTSTRAP_MAX_OBSERVATIONS buckets, beyond that sharpe ± z·(Lo's HAC standard error) (meanBlock and
   * resamples 0). Null under 3 buckets or for a constant series.
   */
  ci: { lo: number; hi: number; level: number; meanBlock: number; resamples: number; method: 'stationary-bootstrap' | 'normal-hac' } | null;
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
  if (n > BOOTSTRAP_MAX_OBSERVATIONS) {
    const level = options.level ?? 0.95;
    const z = normalQuantile(0.5 + level / 2);
    const ok = Number.isFinite(se.hac);
    return { sharpe, buckets: n, ci: ok ? { lo: sharpe - z * se.hac, hi: sharpe + z * se.hac, level, meanBlock: 0, resamples: 0, method: 'normal-hac' } : null, loSe: se };
  }
  const b = sharpeBootstrapInterval(x, options);
  return {
    sharpe,
    buckets: n,
    ci: Number.isFinite(b.lo) && Number.isFinite(b.hi) ? { lo: b.lo, hi: b.hi, level: b.level, meanBlock: b.meanBlock, resamples: b.resamples, method: 'stationary-bootstrap' } : null,
    loSe: se,
  };
}
