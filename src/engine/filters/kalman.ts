import { finite, nonNegative, positive } from '../util/validate';
import { checkSeries } from './series';

/**
 * Scalar Kalman filters on the mid price. Convention (both models): `x0` and `p0` are the
 * predicted mean and variance of the state at the first observation, so step 1 is an update.
 * Update: v = y − a, F = P + r, K = P/F, mean = a + K·v, variance = P·r/F = K·r (Durbin & Koopman 2012, eq. 4.13).
 * Predict: a' = φ·mean + c, P' = φ²·variance + Q (Durbin & Koopman 2012, eq. 4.24).
 */

/** Random walk plus noise: x_t = x_{t−1} + w_t (Var q), y_t = x_t + v_t (Var r). Prices², prices. */
export interface LocalLevelParams {
  q: number;
  r: number;
  x0: number;
  p0: number;
}

/**
 * Mean-reverting state (the seed notebook's model): x_t = x_{t−1} + κ(μ − x_{t−1})·dt + w_t,
 * Var w = σ²·dt, so φ = 1 − κ·dt, c = κ·μ·dt. `kappa` per time unit of `dt`, `sigma` price per √time unit.
 */
export interface OUKalmanParams {
  kappa: number;
  mu: number;
  sigma: number;
  r: number;
  dt: number;
  x0: number;
  p0: number;
}

export type KalmanParams = LocalLevelParams | OUKalmanParams;

/** Per-observation outputs (length n) and the exact Gaussian log-likelihood summed over all n. */
export interface KalmanResult {
  /** Filtered mean E[x_t | y_1..y_t]. */
  mean: Float64Array;
  /** Filtered variance Var[x_t | y_1..y_t]. */
  variance: Float64Array;
  /** y_t minus the predicted mean. */
  innovation: Float64Array;
  /** Variance of the innovation F_t = P_t + r. */
  innovationVar: Float64Array;
  /** Kalman gain K_t = P_t / F_t. */
  gain: Float64Array;
  logLik: number;
}

/** The linear-Gaussian system both models reduce to: state x' = phi·x + c + w (Var qState), y = x + v (Var r). */
export interface ScalarStateSpace {
  phi: number;
  c: number;
  qState: number;
  r: number;
  x0: number;
  p0: number;
}

const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

export function isOUParams(p: KalmanParams): p is OUKalmanParams {
  return typeof p === 'object' && p !== null && 'kappa' in p;
}

/** Validates either parameter set and maps it to the common state space. */
export function toStateSpace(p: KalmanParams): ScalarStateSpace {
  if (typeof p !== 'object' || p === null) throw new TypeError('Kalman params must be an object');
  const r = positive('r', p.r);
  const x0 = finite('x0', p.x0);
  const p0 = nonNegative('p0', p.p0);
  if (isOUParams(p)) {
    const kappa = nonNegative('kappa', p.kappa);
    const mu = finite('mu', p.mu);
    const sigma = nonNegative('sigma', p.sigma);
    const dt = positive('dt', p.dt);
    return { phi: 1 - kappa * dt, c: kappa * mu * dt, qState: sigma * sigma * dt, r, x0, p0 };
  }
  return { phi: 1, c: 0, qState: nonNegative('q', p.q), r, x0, p0 };
}

/**
 * Runs the filter over `y`. The predicted variance does not depend on the data, so once it reaches a
 * floating-point fixed point every later variance, gain and F is bitwise the same: the loop then
 * only updates the mean (same numbers, several times faster).
 */
export function runKalman(y: Float64Array, ss: ScalarStateSpace): KalmanResult {
  checkSeries('y', y);
  const n = y.length;
  const mean = new Float64Array(n);
  const variance = new Float64Array(n);
  const innovation = new Float64Array(n);
  const innovationVar = new Float64Array(n);
  const gain = new Float64Array(n);
  const { phi, c, qState, r } = ss;
  let a = ss.x0;
  let P = ss.p0;
  let sumLogF = 0;
  let sumV2F = 0;
  let t = 0;
  for (; t < n; t++) {
    const F = P + r;
    const K = P / F;
    const v = y[t] - a;
    const m = a + K * v;
    const vf = K * r; // = P·r/F, free of the cancellation in P − K·P
    mean[t] = m;
    variance[t] = vf;
    innovation[t] = v;
    innovationVar[t] = F;
    gain[t] = K;
    sumLogF += Math.log(F);
    sumV2F += (v * v) / F;
    a = phi * m + c;
    const Pn = phi * phi * vf + qState;
    if (Pn === P) { t++; break; }
    P = Pn;
  }
  if (t < n) {
    // Steady state: P, F, K and the filtered variance are constants from here on.
    const F = P + r;
    const K = P / F;
    const vf = K * r; // = P·r/F, free of the cancellation in P − K·P
    const invF = 1 / F;
    variance.fill(vf, t);
    innovationVar.fill(F, t);
    gain.fill(K, t);
    sumLogF += (n - t) * Math.log(F);
    let s = 0;
    for (; t < n; t++) {
      const v = y[t] - a;
      const m = a + K * v;
      mean[t] = m;
      innovation[t] = v;
      s += v * v;
      a = phi * m + c;
    }
    sumV2F += s * invF;
  }
  const logLik = -n * HALF_LOG_2PI - 0.5 * (sumLogF + sumV2F);
  return { mean, variance, innovation, innovationVar, gain, logLik };
}

/** Local-level (random walk plus noise) Kalman filter over `y`; see LocalLevelParams. */
export function kalmanLocalLevel(y: Float64Array, p: LocalLevelParams): KalmanResult {
  return runKalman(y, toStateSpace({ q: p?.q, r: p?.r, x0: p?.x0, p0: p?.p0 }));
}

/** Mean-reverting (discretised OU) Kalman filter over `y`; see OUKalmanParams. */
export function kalmanOU(y: Float64Array, p: OUKalmanParams): KalmanResult {
  if (typeof p !== 'object' || p === null || !('kappa' in p)) throw new TypeError('kalmanOU needs { kappa, mu, sigma, r, dt, x0, p0 }');
  return runKalman(y, toStateSpace(p));
}
