import { createKalman, fitLocalLevel, kalmanMeansInto, toStateSpace } from '../filters';
import { ParamError, positive } from '../util/validate';

/** Local-level Kalman parameters (per tick, price units²). */
export interface LocalLevelFit {
  q: number;
  r: number;
}

/**
 * Moment estimates of the local-level model from mid changes: for y = x + v, x a random walk,
 * Var(Δy) = q + 2r and Cov(Δy_t, Δy_{t−1}) = −r (Harvey 1989, §2.5). Used on the warm-up when the
 * caller gives no q and r; falls back to r = (half-spread)² / 3 when the lag-1 autocovariance is not negative.
 */
export function localLevelMoments(mid: Float64Array, end: number, halfSpread: number): LocalLevelFit {
  const m = Math.min(end, mid.length);
  let s = 0, ss = 0, sc = 0, c = 0;
  for (let i = 1; i < m; i++) {
    const d = mid[i] - mid[i - 1];
    s += d;
    ss += d * d;
    if (i > 1) { sc += d * (mid[i - 1] - mid[i - 2]); c++; }
  }
  const nd = Math.max(1, m - 1);
  const mean = s / nd;
  const v = ss / nd - mean * mean;
  const cov1 = c > 0 ? sc / c - mean * mean : 0;
  let r = cov1 < 0 ? -cov1 : (halfSpread * halfSpread) / 3;
  let q = v - 2 * r;
  if (!(q > 0)) { q = Math.max(v * 0.1, 1e-12 * halfSpread * halfSpread, 1e-24); r = Math.max(r, q); }
  if (!(r > 0)) r = Math.max(q, 1e-24);
  return { q, r };
}

/** The q and r a Kalman fair value runs with, and where they came from. */
export interface FairValueParams extends LocalLevelFit {
  /** 'ml': maximum likelihood on the first `fitTicks` ticks (fitLocalLevel); 'moments': the moment
   * estimates (the likelihood could not be fitted, e.g. a flat prefix); 'given': both set by the caller. */
  source: 'ml' | 'moments' | 'given';
  /** Ticks the estimate was made on (0 when given). */
  fitTicks: number;
}

/**
 * q and r of the Kalman fair value: given, or fitted by maximum likelihood (fitLocalLevel, the same
 * estimator as the Kalman panel) on the first `fitTicks` ticks; a parameter given alone overrides
 * its fitted value. Falls back to the moment estimates when the likelihood cannot be fitted.
 */
export function fairValueParams(mid: Float64Array, fitTicks: number, halfSpread: number, given: { q?: number; r?: number } = {}): FairValueParams {
  const q0 = given.q === undefined ? undefined : positive('config.kalman.q', given.q);
  const r0 = given.r === undefined ? undefined : positive('config.kalman.r', given.r);
  if (q0 !== undefined && r0 !== undefined) return { q: q0, r: r0, source: 'given', fitTicks: 0 };
  const n = Math.max(2, Math.min(mid.length, fitTicks));
  let fit: LocalLevelFit;
  let source: FairValueParams['source'] = 'ml';
  try {
    const ml = fitLocalLevel(mid.subarray(0, n));
    fit = { q: ml.q, r: ml.r };
    if (!(fit.q > 0) || !(fit.r > 0)) throw new ParamError('mid', 'a prefix with both a level and a noise to fit', `q ${fit.q}, r ${fit.r}`);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e; // ParamError or fitLocalLevel's "y must vary": nothing to fit
    fit = localLevelMoments(mid, n, halfSpread);
    source = 'moments';
  }
  return { q: q0 ?? fit.q, r: r0 ?? fit.r, source, fitTicks: n };
}

/** A streaming Kalman fair value (local-level model) starting at the first mid. */
export function kalmanFair(fit: LocalLevelFit, mid0: number): (mid: number) => number {
  const k = createKalman(fairKalmanParams(fit, mid0));
  return (mid: number) => k.update(mid);
}

/**
 * kalmanFair over the whole mid series at once, written into `into` (e.g. the backtest's fair-value
 * column): the same numbers, since the filter sees only the market, for a tenth of the cost per tick.
 */
export function kalmanFairInto(fit: LocalLevelFit, mid: Float64Array, into: Float64Array): Float64Array {
  kalmanMeansInto(mid, toStateSpace(fairKalmanParams(fit, mid[0])), into);
  return into;
}

/** The fair value's filter: local level from the first mid, its variance r (one observation's worth). */
export function fairKalmanParams(fit: LocalLevelFit, mid0: number): { q: number; r: number; x0: number; p0: number } {
  return { q: fit.q, r: fit.r, x0: mid0, p0: fit.r };
}
