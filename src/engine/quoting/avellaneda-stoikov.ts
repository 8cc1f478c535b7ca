import { finite, nonNegative, positive } from '../util/validate';
import { log1pOverX } from '../util/math';
import { quotedSides } from './inventory-bound';

/**
 * Inputs of the Avellaneda-Stoikov quote. Units: `sigma` in price units per √(time unit),
 * `tau` (T − t) in the same time unit, `kappa` per price unit, `gamma` per price unit
 * (risk aversion of an exponential utility, per price unit × asset unit), `q` signed inventory
 * in asset units (the quote is for one unit). `maxInventory` Q, optional, bounds |q|: the side whose
 * fill would take |q| above Q is not quoted (its price is NaN).
 */
export interface AsQuoteParams {
  mid: number;
  q: number;
  gamma: number;
  sigma: number;
  kappa: number;
  tau: number;
  maxInventory?: number;
}

/** Prices in the units of `mid`. `halfSpread` is half of the optimal total spread δᵃ + δᵇ; a side not quoted under Q is NaN. */
export interface AsQuote {
  reservation: number;
  halfSpread: number;
  bid: number;
  ask: number;
}

/** Checks the AS inputs and throws a ParamError naming the first bad one. */
export function validateAsParams(p: AsQuoteParams): void {
  finite('mid', p.mid);
  finite('q', p.q);
  nonNegative('gamma', p.gamma);
  nonNegative('sigma', p.sigma);
  positive('kappa', p.kappa);
  nonNegative('tau', p.tau);
  if (p.maxInventory !== undefined) nonNegative('maxInventory', p.maxInventory);
}

/**
 * Reservation price r = s − q·γ·σ²·(T − t). Avellaneda & Stoikov (2008), eq. (29).
 */
export function asReservation(mid: number, q: number, gamma: number, sigma: number, tau: number): number {
  return mid - q * gamma * sigma * sigma * tau;
}

/**
 * Optimal total spread δᵃ + δᵇ = γσ²(T − t) + (2/γ)·ln(1 + γ/κ). Avellaneda & Stoikov (2008), eq. (30).
 * Written as γσ²τ + (2/κ)·[ln(1+x)/x] with x = γ/κ so that γ → 0 gives 2/κ without 0/0.
 */
export function asTotalSpread(gamma: number, sigma: number, kappa: number, tau: number): number {
  return gamma * sigma * sigma * tau + (2 / kappa) * log1pOverX(gamma / kappa);
}

/** Avellaneda-Stoikov (2008) bid and ask: reservation ∓ half the optimal spread. */
export function asQuote(p: AsQuoteParams): AsQuote {
  validateAsParams(p);
  const reservation = asReservation(p.mid, p.q, p.gamma, p.sigma, p.tau);
  const halfSpread = 0.5 * asTotalSpread(p.gamma, p.sigma, p.kappa, p.tau);
  const sides = quotedSides(p.q, 1, p.maxInventory);
  return { reservation, halfSpread, bid: sides.bid ? reservation - halfSpread : NaN, ask: sides.ask ? reservation + halfSpread : NaN };
}
