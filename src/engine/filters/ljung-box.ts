import { ParamError, integerIn } from '../util/validate';
import { checkSeries } from './series';
import { chiSquareSf } from './gamma';

export interface LjungBoxResult {
  /** Ljung-Box statistic Q. */
  q: number;
  /** P(χ²_{lags − modelDof} > Q). */
  pValue: number;
}

/**
 * Sample autocorrelations ρ_1..ρ_lags around the sample mean, each over the full-sample
 * variance (Box, Jenkins & Reinsel 2008, eq. 2.1.12).
 */
export function autocorrelations(x: Float64Array, lags: number): Float64Array {
  const n = x.length;
  let m = 0;
  for (let i = 0; i < n; i++) m += x[i];
  m /= n;
  // The deviations are recomputed, not stored: same products, no n-length copy (a day of ticks is 10^7).
  let c0 = 0;
  for (let i = 0; i < n; i++) { const d = x[i] - m; c0 += d * d; }
  const rho = new Float64Array(lags);
  // Four lags per pass, each summed over t in the same order as one lag per pass (so the same
  // numbers): four independent sums keep the adder busy where one sum waits on itself.
  let k = 1;
  for (; k + 3 <= lags; k += 4) {
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    const start = Math.min(k + 3, n);
    for (let t = k; t < start; t++) {
      const d = x[t] - m;
      s0 += d * (x[t - k] - m);
      if (t >= k + 1) s1 += d * (x[t - k - 1] - m);
      if (t >= k + 2) s2 += d * (x[t - k - 2] - m);
    }
    for (let t = start; t < n; t++) {
      const d = x[t] - m;
      s0 += d * (x[t - k] - m);
      s1 += d * (x[t - k - 1] - m);
      s2 += d * (x[t - k - 2] - m);
      s3 += d * (x[t - k - 3] - m);
    }
    rho[k - 1] = s0 / c0; rho[k] = s1 / c0; rho[k + 1] = s2 / c0; rho[k + 2] = s3 / c0;
  }
  for (; k <= lags; k++) {
    let s = 0;
    for (let t = k; t < n; t++) s += (x[t] - m) * (x[t - k] - m);
    rho[k - 1] = s / c0;
  }
  return rho;
}

/**
 * Ljung-Box whiteness test: Q = n(n+2)·Σ_{k=1..lags} ρ_k²/(n−k), χ² with lags − modelDof degrees of
 * freedom under the null of no autocorrelation (Ljung & Box 1978, eq. 2.1).
 */
export function ljungBox(x: Float64Array, lags: number, modelDof = 0): LjungBoxResult {
  checkSeries('x', x, 2);
  const n = x.length;
  integerIn('lags', lags, 1, n - 1);
  integerIn('modelDof', modelDof, 0, lags - 1);
  return ljungBoxOf(autocorrelations(x, lags), n, modelDof);
}

/** ljungBox from autocorrelations ρ_1..ρ_lags already computed over n points (same Q and p-value). */
export function ljungBoxOf(rho: Float64Array, n: number, modelDof = 0): LjungBoxResult {
  const lags = rho.length;
  if (rho.some((r) => Number.isNaN(r))) throw new ParamError('x', 'a series that varies (it is constant)', 'a constant series');
  let s = 0;
  for (let k = 1; k <= lags; k++) s += (rho[k - 1] * rho[k - 1]) / (n - k);
  const q = n * (n + 2) * s;
  return { q, pValue: chiSquareSf(q, lags - modelDof) };
}
