import { createKalman } from '../filters';

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

/** A streaming Kalman fair value (local-level model) starting at the first mid. */
export function kalmanFair(fit: LocalLevelFit, mid0: number): (mid: number) => number {
  const k = createKalman({ q: fit.q, r: fit.r, x0: mid0, p0: fit.r });
  return (mid: number) => k.update(mid);
}
