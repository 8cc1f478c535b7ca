import { logGamma } from '../filters/gamma';
import { normalCdf } from './normal';
import { ParamError } from '../util/validate';

/** Simpson panels at least, over the scaled-chi variable's bulk: the density is smooth, so 400 give ~1e-9. */
const MIN_PANELS = 400;
/** Panels per unit of |t|·(s range): Φ(t·s − δ) turns from 0 to 1 over Δs ≈ 1/|t|, which needs resolving too. */
const PANELS_PER_T = 40;
/** At most this many (a Sharpe ratio of hundreds per bucket, t ≈ 10^3, still has ~20 points across the turn of Φ). */
const MAX_PANELS = 10_000;

/**
 * P(T ≤ t) for T noncentral t with ν degrees of freedom and noncentrality δ: T = (Z + δ)/S with
 * S = √(V/ν), V ~ χ²_ν, so P(T ≤ t) = E[Φ(t·S − δ)] (Johnson, Kotz & Balakrishnan 1995, Continuous
 * Univariate Distributions vol. 2, ch. 31, eq. 31.3), the expectation by Simpson's rule over the density
 * of S, f(s) = 2 (ν/2)^{ν/2} / Γ(ν/2) · s^{ν−1} e^{−ν s²/2}, on the range of V = νS² outside which a χ²_ν
 * has under 1e-15.
 */
export function noncentralTCdf(t: number, nu: number, delta: number): number {
  if (!(nu > 0) || !Number.isFinite(nu)) throw new ParamError('degrees of freedom ν', 'a finite number above 0', nu);
  if (!Number.isFinite(t) || !Number.isFinite(delta)) return t === Infinity ? 1 : t === -Infinity ? 0 : NaN;
  // V within ν ± 14√(2ν) (+60 above, for small ν's long right tail): 14 standard deviations either side.
  const spread = 14 * Math.sqrt(2 * nu);
  const sMin = Math.sqrt(Math.max(0, nu - spread) / nu);
  const sMax = Math.sqrt((nu + spread + 60) / nu);
  const panels = 2 * Math.ceil(Math.min(MAX_PANELS, Math.max(MIN_PANELS, PANELS_PER_T * Math.abs(t) * (sMax - sMin))) / 2);
  const h = (sMax - sMin) / panels;
  const logNorm = Math.log(2) + (nu / 2) * Math.log(nu / 2) - logGamma(nu / 2);
  let sum = 0;
  for (let k = 0; k <= panels; k++) {
    const s = sMin + k * h;
    const w = k === 0 || k === panels ? 1 : k % 2 === 1 ? 4 : 2;
    const density = s > 0 ? Math.exp(logNorm + (nu - 1) * Math.log(s) - 0.5 * nu * s * s) : nu === 1 ? Math.exp(logNorm) : 0;
    sum += w * density * normalCdf(t * s - delta);
  }
  return Math.min(1, Math.max(0, (sum * h) / 3));
}

/**
 * The noncentrality δ at which P(T ≤ t) = p for T noncentral t with ν degrees of freedom: the CDF falls
 * as δ rises, so a bracket grown from t, then the Illinois variant of regula falsi (Dowell & Jarratt
 * 1971, BIT 11), which converges superlinearly: ~8 CDF evaluations instead of bisection's ~35.
 */
export function noncentralityFor(t: number, nu: number, p: number): number {
  if (!(p > 0 && p < 1)) throw new ParamError('probability p', 'a number strictly between 0 and 1', p);
  // f(δ) = CDF − p: positive below the root, negative above.
  let a = t - 1, b = t + 1;
  let fa = noncentralTCdf(t, nu, a) - p, fb = noncentralTCdf(t, nu, b) - p;
  while (fa < 0) { a -= 2 * (b - a); fa = noncentralTCdf(t, nu, a) - p; }
  while (fb > 0) { b += 2 * (b - a); fb = noncentralTCdf(t, nu, b) - p; }
  let side = 0;
  for (let i = 0; i < 100; i++) {
    const c = fa === fb ? 0.5 * (a + b) : (a * fb - b * fa) / (fb - fa);
    const fc = noncentralTCdf(t, nu, c) - p;
    if (fc === 0 || Math.abs(b - a) < 1e-12 * Math.max(1, Math.abs(c)) || Math.abs(fc) < 1e-13) return c;
    if (fc > 0) { a = c; fa = fc; if (side === 1) fb /= 2; side = 1; }
    else { b = c; fb = fc; if (side === -1) fa /= 2; side = -1; }
  }
  return 0.5 * (a + b);
}
