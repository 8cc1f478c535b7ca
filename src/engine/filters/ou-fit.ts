import { ParamError, positive } from '../util/validate';
import { checkSeries } from './series';

export interface OUFit {
  /** Mean-reversion speed κ, per time unit of dt. */
  kappa: number;
  /** Long-run mean μ, units of x. */
  mu: number;
  /** Diffusion σ, units of x per √(time unit). */
  sigma: number;
  /** ln 2 / κ, in the time unit of dt. */
  halfLife: number;
  /** AR(1) coefficient φ = e^(−κ·dt). */
  phi: number;
  /**
   * Dickey–Fuller test of φ = 1 (a random walk) on the same regression with its constant: tau = (φ̂ − 1)/se(φ̂),
   * critical5 its 5 % critical value for the sample; rejected (tau < critical5) is evidence of mean reversion.
   */
  dickeyFuller: { tau: number; critical5: number; rejected: boolean };
}

/** 5 % Dickey–Fuller critical value with a constant for T observations: MacKinnon (2010), Queen's Economics WP 1227, Table 2 (N = 1, "c"). */
export function dickeyFullerCritical5(T: number): number {
  return -2.86154 - 2.8903 / T - 4.234 / (T * T) - 40.04 / (T * T * T);
}

/**
 * Ornstein-Uhlenbeck fit by AR(1) least squares x_{t+1} = a + φ·x_t + ε with the exact discretisation
 * φ = e^(−κdt), a = μ(1 − φ), Var ε = σ²(1 − φ²)/(2κ) (e.g. Tang & Chen 2009, eq. 2.3). The residual
 * variance is the conditional MLE (sum of squares over the n − 1 transitions).
 */
export function fitOU(x: Float64Array, dt: number): OUFit {
  checkSeries('x', x, 3);
  positive('dt', dt);
  const m = x.length - 1;
  let mx = 0, my = 0;
  for (let t = 0; t < m; t++) { mx += x[t]; my += x[t + 1]; }
  mx /= m; my /= m;
  let sxx = 0, sxy = 0;
  for (let t = 0; t < m; t++) { const a = x[t] - mx; sxx += a * a; sxy += a * (x[t + 1] - my); }
  if (!(sxx > 0)) throw new ParamError('x', 'a series that varies (it is constant)', 'a constant series');
  const phi = sxy / sxx;
  const a = my - phi * mx;
  let sse = 0;
  for (let t = 0; t < m; t++) { const e = x[t + 1] - a - phi * x[t]; sse += e * e; }
  const s2 = sse / m;
  if (!(phi > 0)) throw new ParamError('x', `mean-reverting without overshoot: its AR(1) coefficient φ = ${phi.toPrecision(4)} ≤ 0 has no OU equivalent`, phi);
  if (!(phi < 1)) throw new ParamError('x', `mean-reverting: its AR(1) coefficient φ = ${phi.toPrecision(6)} ≥ 1 (random walk or explosive)`, phi);
  const kappa = -Math.log(phi) / dt;
  const sigma = Math.sqrt((2 * kappa * s2) / (1 - phi * phi));
  // OLS standard error of φ̂ (two coefficients fitted): the Dickey–Fuller τ of the same regression (Dickey & Fuller 1979).
  const tau = (phi - 1) / Math.sqrt(sse / (m - 2) / sxx);
  const critical5 = dickeyFullerCritical5(m);
  return { kappa, mu: a / (1 - phi), sigma, halfLife: Math.LN2 / kappa, phi, dickeyFuller: { tau, critical5, rejected: tau < critical5 } };
}
