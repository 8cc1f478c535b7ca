/**
 * The engine's public surface. Pure TypeScript: runs in Node and in Web Workers,
 * never imports the DOM, React or the store. Names here are a contract: other code
 * and outside checks call them.
 */
export { asQuote, asReservation, asTotalSpread, validateAsParams } from './quoting/avellaneda-stoikov';
export type { AsQuote, AsQuoteParams } from './quoting/avellaneda-stoikov';
export { glftQuote, glftCoefficients } from './quoting/glft';
export type { GlftQuote, GlftQuoteParams } from './quoting/glft';
export {
  YEAR_SECONDS_24_7,
  YEAR_SECONDS_EXCHANGE,
  YEAR_SECONDS_24_5,
  YEAR_BASES,
  TRADING_DAY_HOURS,
  yearSeconds,
  tradingDaysPerYear,
  yearBasisLabel,
  basisHasClosedTime,
  annualPctToSigmaPerSqrtSec,
  sigmaPerSqrtSecToAnnualPct,
  hoursToSeconds,
  toBps,
  fromBps,
} from './quoting/units';
export type { YearBasis } from './quoting/units';
export { ParamError } from './util/validate';
export { createRng } from './data/rng';
export type { Rng } from './data/rng';

// Each area keeps its own barrel; add exports there, not here.
export * from './filters';
export * from './regime';
export * from './calibration';
export * from './paper';
export * from './backtest';
export * from './strategy';
export * from './analytics';
export * from './data/csv';
export * from './series';
export * from './stats';
export * from './validation';
