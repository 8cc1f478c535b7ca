import { ParamError } from '../util/validate';

/** Sample moments of a series. */
export interface SampleMoments {
  n: number;
  mean: number;
  /** Standard deviation with the n − 1 divisor. */
  sd: number;
  /** Skewness m3 / m2^{3/2} (population moments; 0 for a normal law). */
  skew: number;
  /** Non-excess kurtosis m4 / m2² (population moments; 3 for a normal law). */
  kurtosis: number;
}

/** Mean, sd, skewness and non-excess kurtosis; skew 0 and kurtosis 3 when the series is constant. */
export function sampleMoments(x: ArrayLike<number>): SampleMoments {
  const n = x.length;
  if (n < 2) throw new ParamError('series length', 'at least 2 observations', n);
  let s = 0;
  for (let i = 0; i < n; i++) {
    const v = x[i];
    if (!Number.isFinite(v)) throw new ParamError(`series[${i}]`, 'a finite number', v);
    s += v;
  }
  const mean = s / n;
  let m2 = 0, m3 = 0, m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i] - mean;
    const d2 = d * d;
    m2 += d2; m3 += d2 * d; m4 += d2 * d2;
  }
  const sd = Math.sqrt(m2 / (n - 1));
  m2 /= n; m3 /= n; m4 /= n;
  if (!(m2 > 0)) return { n, mean, sd: 0, skew: 0, kurtosis: 3 };
  return { n, mean, sd, skew: m3 / m2 ** 1.5, kurtosis: m4 / (m2 * m2) };
}

/**
 * Sharpe ratio per observation, mean / sd (n − 1 divisor), not annualised (Sharpe 1994 with a zero
 * benchmark: the series is already an excess PnL). 0 for a constant zero series, ±Infinity for a constant non-zero one.
 */
export function sharpePerObservation(x: ArrayLike<number>, from = 0, to = x.length): number {
  const n = to - from;
  if (n < 2) return 0;
  let s = 0;
  for (let i = from; i < to; i++) s += x[i];
  const mean = s / n;
  let ss = 0;
  for (let i = from; i < to; i++) { const d = x[i] - mean; ss += d * d; }
  const sd = Math.sqrt(ss / (n - 1));
  // Rounding leaves a constant series a spread of a few ulps: that is no risk to divide by.
  if (sd > 1e-13 * Math.abs(mean)) return mean / sd;
  return mean > 0 ? Infinity : mean < 0 ? -Infinity : 0;
}
