import { finite, nonNegative, positive } from '../util/validate';
import { log1pOverX } from '../util/math';
import { quotedSides } from './inventory-bound';

/**
 * Inputs of the Guéant–Lehalle–Fernandez-Tapia closed-form approximation. Units:
 * `sigma` price units per √(time unit); `kappa` per price unit; `A` fills per time unit
 * at zero depth; `gamma` risk aversion per price unit; `xi` the utility parameter ξ
 * (ξ = γ for the CARA model, ξ = 0 for the mean-variance model); `delta` Δ the order size, asset units,
 * like `q`. `maxInventory` Q, optional: the side whose fill of Δ would take |q| above Q is not quoted (NaN).
 */
export interface GlftQuoteParams {
  mid: number;
  q: number;
  gamma: number;
  sigma: number;
  kappa: number;
  A: number;
  xi?: number;
  delta?: number;
  maxInventory?: number;
}

/** `halfSpread` is the quote distance at q = 0; `skew` is the price shift per unit of inventory; a side not quoted under Q is NaN. */
export interface GlftQuote {
  halfSpread: number;
  skew: number;
  bid: number;
  ask: number;
}

/**
 * c1 = (1/(ξΔ))·ln(1 + ξΔ/κ), c2 = √(γ/(2AΔκ) · (1 + ξΔ/κ)^(κ/(ξΔ) + 1)). Guéant (2017), eqs. (4.6)–(4.7).
 * Both are written through ln(1+x)/x with x = ξΔ/κ so the ξ → 0 limit (c1 → 1/κ, the power → e) is exact.
 */
export function glftCoefficients(gamma: number, kappa: number, A: number, xi: number, delta: number): { c1: number; c2: number } {
  const x = (xi * delta) / kappa;
  const l = log1pOverX(x); // ln(1+x)/x
  const c1 = l / kappa;
  // (1+x)^(1/x + 1) = exp(ln(1+x)/x + ln(1+x))
  const power = Math.exp(l + Math.log1p(x));
  const c2 = Math.sqrt((gamma / (2 * A * delta * kappa)) * power);
  return { c1, c2 };
}

/** GLFT infinite-horizon quotes around the mid (Guéant 2017, eqs. 4.6–4.7). */
export function glftQuote(p: GlftQuoteParams): GlftQuote {
  const mid = finite('mid', p.mid);
  const q = finite('q', p.q);
  const gamma = nonNegative('gamma', p.gamma);
  const sigma = nonNegative('sigma', p.sigma);
  const kappa = positive('kappa', p.kappa);
  const A = positive('A', p.A);
  const xi = nonNegative('xi', p.xi ?? gamma);
  const delta = positive('delta', p.delta ?? 1);
  const { c1, c2 } = glftCoefficients(gamma, kappa, A, xi, delta);
  const halfSpread = c1 + (delta / 2) * sigma * c2;
  const skew = sigma * c2;
  const sides = quotedSides(q, delta, p.maxInventory === undefined ? undefined : nonNegative('maxInventory', p.maxInventory));
  return { halfSpread, skew, bid: sides.bid ? mid - (halfSpread + skew * q) : NaN, ask: sides.ask ? mid + (halfSpread - skew * q) : NaN };
}
