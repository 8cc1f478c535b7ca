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
  const d = new Float64Array(n);
  let c0 = 0;
  for (let i = 0; i < n; i++) { d[i] = x[i] - m; c0 += d[i] * d[i]; }
  const rho = new Float64Array(lags);
  for (let k = 1; k <= lags; k++) {
    let s = 0;
    for (let t = k; t < n; t++) s += d[t] * d[t - k];
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
  const rho = autocorrelations(x, lags);
  if (rho.some((r) => Number.isNaN(r))) throw new ParamError('x', 'a series that varies (it is constant)', 'a constant series');
  let s = 0;
  for (let k = 1; k <= lags; k++) s += (rho[k - 1] * rho[k - 1]) / (n - k);
  const q = n * (n + 2) * s;
  return { q, pValue: chiSquareSf(q, lags - modelDof) };
}
