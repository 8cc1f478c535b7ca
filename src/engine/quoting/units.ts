import { finite, positive } from '../util/validate';

/**
 * Unit conversions in one place. The engine's time unit is the second; prices are in
 * quote currency; σ is in price units per √second unless a name says otherwise.
 */

/** Seconds in a year of continuous trading (crypto: 365 days × 24 h). */
export const YEAR_SECONDS_24_7 = 365 * 24 * 3600;
/** Seconds in a year of exchange trading (252 sessions × 6.5 h). */
export const YEAR_SECONDS_EXCHANGE = 252 * 6.5 * 3600;
/** Seconds in a year of the currency market's week (260 days × 24 h: Sunday to Friday evening, New York). */
export const YEAR_SECONDS_24_5 = 260 * 24 * 3600;
/** A regular equity trading day, in hours. */
export const TRADING_DAY_HOURS = 6.5;

/** The year figures are annualised on: continuous (crypto), 24 h on weekdays (FX), or exchange sessions (equities). */
export const YEAR_BASES = ['24/7', '24/5', 'exchange'] as const;
export type YearBasis = (typeof YEAR_BASES)[number];

export function yearSeconds(basis: YearBasis): number {
  return basis === 'exchange' ? YEAR_SECONDS_EXCHANGE : basis === '24/5' ? YEAR_SECONDS_24_5 : YEAR_SECONDS_24_7;
}

/** Trading days in a year of the basis: 365, 260 or 252. */
export function tradingDaysPerYear(basis: YearBasis): number {
  return basis === 'exchange' ? 252 : basis === '24/5' ? 260 : 365;
}

/** The basis's year in words, e.g. "260 × 24 h". */
export function yearBasisLabel(basis: YearBasis): string {
  return basis === 'exchange' ? `252 × ${TRADING_DAY_HOURS} h` : `${tradingDaysPerYear(basis)} × 24 h`;
}

/**
 * Whether the basis's market closes (weekends; nights and weekends for exchange sessions): a PnL bucket
 * without a single tick is then closed time, which the year of the basis does not count either.
 */
export function basisHasClosedTime(basis: YearBasis): boolean {
  return basis !== '24/7';
}

/** Annualised volatility in % of price → σ in price units per √second at price `mid`. */
export function annualPctToSigmaPerSqrtSec(sigmaAnnualPct: number, mid: number, basis: YearBasis = '24/7'): number {
  finite('sigmaAnnualPct', sigmaAnnualPct);
  positive('mid', mid);
  return (mid * sigmaAnnualPct) / 100 / Math.sqrt(yearSeconds(basis));
}

/** σ in price units per √second at `mid` → annualised volatility in %. */
export function sigmaPerSqrtSecToAnnualPct(sigmaPerSqrtSec: number, mid: number, basis: YearBasis = '24/7'): number {
  return ((sigmaPerSqrtSec * Math.sqrt(yearSeconds(basis))) / mid) * 100;
}

export function hoursToSeconds(hours: number): number {
  return hours * 3600;
}

/** A price distance as basis points of `mid`. */
export function toBps(priceDistance: number, mid: number): number {
  return (priceDistance / mid) * 1e4;
}

/** Basis points of `mid` as a price distance. */
export function fromBps(bps: number, mid: number): number {
  return (bps * mid) / 1e4;
}
