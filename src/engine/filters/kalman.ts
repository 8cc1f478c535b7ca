import { finite, nonNegative, positive } from '../util/validate';
import { checkSeries } from './series';
import type { SeriesBlocks } from './ljung-box';

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
 * only updates the mean (same numbers, several times faster). `variance`, `gain` and `innovationVar`
 * are then a short prefix plus a constant, so they are materialised on first access (enumerable
 * getters, cached): callers that only read the mean do not pay for writing three more n-length arrays.
 * Non-finite input is detected from the sums afterwards (NaN and ±∞ propagate into them) and reported
 * with its index, at no cost per tick.
 */
export function runKalman(y: Float64Array, ss: ScalarStateSpace): KalmanResult {
  if (!(y instanceof Float64Array)) checkSeries('y', y);
  const n = y.length;
  if (n === 0) checkSeries('y', y, 1);
  const mean = new Float64Array(n);
  const innovation = new Float64Array(n);
  const st: FilterState = { a: ss.x0, P: ss.p0, sumLogF: 0, sumV2F: 0, pre: new Float64Array(3 * Math.min(n, 256)) };
  const t0 = transientSteps(y, ss, mean, innovation, st);
  const F = st.P + ss.r;
  const K = st.P / F;
  if (t0 < n) steadySteps(y, ss, mean, innovation, st, t0, K, F);
  if (!Number.isFinite(st.sumV2F)) checkSeries('y', y);
  const out = { mean, innovation, logLik: -n * HALF_LOG_2PI - 0.5 * (st.sumLogF + st.sumV2F) } as KalmanResult;
  const pre = st.pre;
  lazyColumn(out, 'variance', n, t0, pre, 0, K * ss.r);
  lazyColumn(out, 'gain', n, t0, pre, 1, K);
  lazyColumn(out, 'innovationVar', n, t0, pre, 2, F);
  return out;
}

/**
 * runKalman(y, ss) for a local-level filter (φ = 1, c = 0) whose filtered means are already known —
 * e.g. a backtest's fair-value column, which is kalmanMeansInto(y, ss): the predicted state is then
 * the previous mean (a_t = m_{t−1}, a_0 = x0), so the innovations y_t − a_t, the likelihood and the
 * lazy columns follow without running the filter again or holding a second n-length mean. Bitwise
 * runKalman's result when `mean` is its mean; other models run runKalman.
 */
export function kalmanFromMeans(y: Float64Array, ss: ScalarStateSpace, mean: Float64Array): KalmanResult {
  if (ss.phi !== 1 || ss.c !== 0 || mean.length !== y.length) return runKalman(y, ss);
  if (!(y instanceof Float64Array)) checkSeries('y', y);
  const n = y.length;
  if (n === 0) checkSeries('y', y, 1);
  const st: FilterState = { a: ss.x0, P: ss.p0, sumLogF: 0, sumV2F: 0, pre: new Float64Array(3 * Math.min(n, 256)) };
  // The transient as runKalman runs it, reading the means; then the steady state's innovations,
  // summed but not stored: the innovation column is made from the means only if read.
  const t0 = transientSteps(y, ss, mean, null, st, true);
  let { a, sumLogF, sumV2F } = st;
  const { P, pre } = st;
  const r = ss.r;
  let t = t0;
  const F = P + r;
  const K = P / F;
  let sv = 0;
  for (; t < n; t++) {
    const v = y[t] - a;
    sv += v * v;
    a = mean[t];
  }
  if (t0 < n) { sumLogF += (n - t0) * Math.log(F); sumV2F += sv / F; }
  if (!Number.isFinite(sumV2F)) checkSeries('y', y);
  const out = { mean, logLik: -n * HALF_LOG_2PI - 0.5 * (sumLogF + sumV2F) } as KalmanResult;
  const source = { y, ss, t0 };
  fromMeans.set(out, source);
  let innovation: Float64Array | null = null;
  Object.defineProperty(out, 'innovation', {
    enumerable: true,
    configurable: true,
    get: () => {
      if (innovation === null) { innovation = new Float64Array(n); innovationsInto(out.mean, source, 0, n, innovation); }
      return innovation;
    },
  });
  lazyColumn(out, 'variance', n, t0, pre, 0, K * r);
  lazyColumn(out, 'gain', n, t0, pre, 1, K);
  lazyColumn(out, 'innovationVar', n, t0, pre, 2, F);
  return out;
}

/** What a kalmanFromMeans result's innovations are made of: the observations, the model and where its transient ended. */
interface MeansSource {
  y: Float64Array;
  ss: ScalarStateSpace;
  t0: number;
}

const fromMeans = new WeakMap<KalmanResult, MeansSource>();

/**
 * The innovation v_t = y_t − a_t with the predicted state as the filter formed it: a_0 = x0,
 * a_t = φ·m_{t−1} + c through the transient (t ≤ t0), m_{t−1} after it (kalmanFromMeans' loops), so
 * the values are the filter's own, bit for bit.
 */
function innovationAt(mean: Float64Array, src: MeansSource, t: number): number {
  const { ss } = src;
  const a = t === 0 ? ss.x0 : t <= src.t0 ? ss.phi * mean[t - 1] + ss.c : mean[t - 1];
  return src.y[t] - a;
}

/** Innovations of ticks [from, to) into out[0 .. to − from) (innovationAt). */
function innovationsInto(mean: Float64Array, src: MeansSource, from: number, to: number, out: Float64Array): void {
  for (let t = from; t < to; t++) out[t - from] = innovationAt(mean, src, t);
}

/**
 * A filter result's innovations as seriesMoments reads them: its column, or for kalmanFromMeans
 * blocks computed from its means (no n-length column, and none made if it was not read yet).
 */
export function kalmanInnovations(k: KalmanResult): Float64Array | SeriesBlocks {
  const src = fromMeans.get(k);
  if (src === undefined) return k.innovation;
  const mean = k.mean;
  return (from, to, out) => innovationsInto(mean, src, from, to, out);
}

type LazyField = 'variance' | 'gain' | 'innovationVar';

/** What a lazy column is made of, so single values can be read without materialising it. */
const lazyParts = new WeakMap<KalmanResult, Partial<Record<LazyField, { t0: number; pre: Float64Array; col: number; tail: number }>>>();

/**
 * out[field] at the indices `idx` (e.g. a chart's downsampled points), without materialising the
 * n-length column: the same values as gather(out[field], idx).
 */
export function kalmanColumnAt(out: KalmanResult, field: LazyField | 'innovation', idx: ArrayLike<number>): Float64Array {
  const res = new Float64Array(idx.length);
  if (field === 'innovation') {
    const src = fromMeans.get(out);
    if (src === undefined) for (let k = 0; k < idx.length; k++) res[k] = out.innovation[idx[k]];
    else for (let k = 0; k < idx.length; k++) res[k] = innovationAt(out.mean, src, idx[k]);
    return res;
  }
  const parts = lazyParts.get(out)?.[field];
  if (parts === undefined) {
    const col = out[field];
    for (let k = 0; k < idx.length; k++) res[k] = col[idx[k]];
    return res;
  }
  for (let k = 0; k < idx.length; k++) { const i = idx[k]; res[k] = i < parts.t0 ? parts.pre[3 * i + parts.col] : parts.tail; }
  return res;
}

/** Defines out[field] as a cached getter: pre[3i + col] for i < t0, then `tail`. */
function lazyColumn(out: KalmanResult, field: LazyField, n: number, t0: number, pre: Float64Array, col: number, tail: number): void {
  const parts = lazyParts.get(out) ?? {};
  parts[field] = { t0, pre, col, tail };
  lazyParts.set(out, parts);
  let arr: Float64Array | null = null;
  Object.defineProperty(out, field, {
    enumerable: true,
    configurable: true,
    get() {
      if (arr === null) {
        arr = new Float64Array(n);
        for (let i = 0; i < t0; i++) arr[i] = pre[3 * i + col];
        if (t0 < n) arr.fill(tail, t0);
      }
      return arr;
    },
  });
}

interface FilterState {
  a: number;
  P: number;
  sumLogF: number;
  sumV2F: number;
  /** Transient (variance, gain, F) triples, grown by doubling. */
  pre: Float64Array;
}

/** Full recursion until the predicted variance stops changing; returns the index reached. */
/** With `known`, the means are read from `mean` (already filtered: kalmanFromMeans) instead of computed into it. */
function transientSteps(y: Float64Array, ss: ScalarStateSpace, mean: Float64Array, innovation: Float64Array | null, st: FilterState, known = false): number {
  const { phi, c, qState, r } = ss;
  const n = y.length;
  let pre = st.pre;
  let a = st.a, P = st.P, sumLogF = 0, sumV2F = 0;
  let t = 0;
  for (; t < n; t++) {
    const F = P + r;
    const K = P / F;
    const v = y[t] - a;
    const m = known ? mean[t] : a + K * v;
    const vf = K * r; // = P·r/F, free of the cancellation in P − K·P
    if (!known) mean[t] = m;
    if (innovation !== null) innovation[t] = v;
    if (3 * t + 3 > pre.length) {
      const grown = new Float64Array(Math.min(3 * n, 2 * pre.length));
      grown.set(pre);
      pre = grown;
    }
    pre[3 * t] = vf;
    pre[3 * t + 1] = K;
    pre[3 * t + 2] = F;
    sumLogF += Math.log(F);
    sumV2F += (v * v) / F;
    a = phi * m + c;
    const Pn = phi * phi * vf + qState;
    if (Pn === P) { t++; break; }
    P = Pn;
  }
  st.a = a; st.P = P; st.sumLogF = sumLogF; st.sumV2F = sumV2F; st.pre = pre;
  return t;
}

/** Steady state from index t0 on: P, F, K and the filtered variance are constants. */
function steadySteps(y: Float64Array, ss: ScalarStateSpace, mean: Float64Array, innovation: Float64Array, st: FilterState, t0: number, K: number, F: number): void {
  const { phi, c } = ss;
  const n = y.length;
  let a = st.a;
  let s = 0;
  // Written so the loop-carried chain is one multiply-add: m = (1 − K)·a + K·y, a' = φ(1 − K)·a + (φK·y + c).
  const k1 = 1 - K;
  if (phi === 1 && c === 0) {
    for (let t = t0; t < n; t++) {
      const yt = y[t];
      const v = yt - a;
      a = k1 * a + K * yt;
      mean[t] = a;
      innovation[t] = v;
      s += v * v;
    }
  } else {
    const alpha = phi * k1;
    const beta = phi * K;
    for (let t = t0; t < n; t++) {
      const yt = y[t];
      const v = yt - a;
      mean[t] = k1 * a + K * yt;
      innovation[t] = v;
      s += v * v;
      a = alpha * a + (beta * yt + c);
    }
  }
  st.a = a;
  st.sumLogF += (n - t0) * Math.log(F);
  st.sumV2F += s / F;
}

/** steadySteps' means alone (same arithmetic, so the same numbers); returns the last predicted state. */
function steadyMeans(y: Float64Array, mean: Float64Array, t0: number, a: number, k1: number, K: number, phi: number, c: number): number {
  const n = y.length;
  if (phi === 1 && c === 0) {
    for (let t = t0; t < n; t++) { a = k1 * a + K * y[t]; mean[t] = a; }
    return a;
  }
  const alpha = phi * k1;
  const beta = phi * K;
  for (let t = t0; t < n; t++) {
    const yt = y[t];
    mean[t] = k1 * a + K * yt;
    a = alpha * a + (beta * yt + c);
  }
  return a;
}

/**
 * The filtered means of runKalman(y, ss), bitwise the same, written into `mean` (length ≥ y.length)
 * and nothing else: e.g. a backtest's fair-value column, filled before its event loop because the
 * filter sees only the market. y must be finite (not checked here: the backtest's data checks did).
 */
export function kalmanMeansInto(y: Float64Array, ss: ScalarStateSpace, mean: Float64Array): void {
  const n = y.length;
  if (n === 0) return;
  const st: FilterState = { a: ss.x0, P: ss.p0, sumLogF: 0, sumV2F: 0, pre: new Float64Array(3 * Math.min(n, 256)) };
  const t0 = transientSteps(y, ss, mean, null, st);
  // steadySteps without the innovations, in a function of its own: runKalman's loop stays monomorphic.
  const K = st.P / (st.P + ss.r);
  if (t0 < n) steadyMeans(y, mean, t0, st.a, 1 - K, K, ss.phi, ss.c);
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
