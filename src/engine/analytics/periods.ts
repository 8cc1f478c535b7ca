import { describeDuration } from '../util/duration';
import { basisHasClosedTime, tradingDaysPerYear, yearSeconds, YEAR_SECONDS_24_7, type YearBasis } from '../quoting/units';

/** Annualised figures are given only for samples at least this many days long (days of the year basis: 24 h, or a 6.5 h session)… */
export const MIN_ANNUALISE_DAYS = 30;
/** …and with at least this many PnL buckets behind the Sharpe ratio. */
export const MIN_ANNUALISE_BUCKETS = 30;

/** A PnL per hour (or day) is given only for samples at least this long, s: below it the figure multiplies the sample by more than 60. */
export const MIN_PERIOD_SEC = 60;

/** PnL per hour or per day, whichever the data spans. */
export interface PeriodFigures {
  /** 'day' when the data span at least one day (86 400 s), else 'hour'. */
  unit: 'hour' | 'day';
  /** Length of the unit, seconds. */
  seconds: number;
  /** Net PnL per unit: totalPnl · seconds / overSec, quote currency. */
  pnl: number;
  /** How many units the sample spans (below 1: pnl extrapolates the sample to a whole unit). */
  periods: number;
  /** The time pnl is spread over, seconds: the sample's span, or its open-market time (tradingSeconds) on a basis with closed time. */
  overSec: number;
  /** Whether overSec is open-market time (closed time left out) rather than the span. */
  openMarket: boolean;
  /** Why pnl is not a figure to read (the sample spans under MIN_PERIOD_SEC), in a few words; null when it is. */
  reason: string | null;
}

/** Figures scaled to a year, given only when the sample is long enough (annualisationRule). */
export interface AnnualisedFigures {
  /** totalPnl · year / trading time (tradingSeconds: the span on 24/7), quote currency per year. */
  pnl: number;
  /** Per-bucket Sharpe × √(buckets per year). */
  sharpe: number;
  /** Sortino × √(buckets per year); 0 when undefined (Metrics.sortinoDefined, sortinoReason). */
  sortino: number;
  /** pnl / max drawdown (0 without a drawdown). */
  calmar: number;
  yearBasis: YearBasis;
  /** The √ factor's buckets per year (bucketsPerYear). */
  bucketsPerYear: number;
}

/**
 * Per-hour figures below one day of data, per-day figures from one day on. With `tradingSec` (a basis
 * with closed time: tradingSeconds) the PnL is spread over the open-market time instead of the span,
 * so an FX month's weekends do not dilute its PnL per day.
 */
export function periodFigures(totalPnl: number, durationSec: number, tradingSec?: number): PeriodFigures {
  const over = tradingSec ?? durationSec;
  const unit = over >= 86_400 ? 'day' : 'hour';
  const seconds = unit === 'day' ? 86_400 : 3600;
  const reason = durationSec >= MIN_PERIOD_SEC ? null : `under ${describeDuration(MIN_PERIOD_SEC)} of data`;
  return { unit, seconds, pnl: over > 0 ? (totalPnl * seconds) / over : 0, periods: over / seconds, reason, overSec: over, openMarket: tradingSec !== undefined };
}

/** Seconds of trading in one day of the year basis: 24 h (24/7, 24/5) or a 6.5 h session (exchange). */
export function basisDaySeconds(basis: YearBasis): number {
  return basis === 'exchange' ? 6.5 * 3600 : 86_400;
}

/**
 * PnL buckets of bucketSec in a year of the basis, the √ factor of annualised Sharpe and Sortino:
 * year/bucketSec for buckets up to a trading day; one per trading day for buckets longer than a
 * session and up to a calendar day (exchange: the day bucket holds one session, so 252 a year, not
 * 252 × 6.5 h / 24 h); per 365-day year for longer ones, each of which spans its closed time too.
 */
export function bucketsPerYear(basis: YearBasis, bucketSec: number): number {
  if (bucketSec <= basisDaySeconds(basis)) return yearSeconds(basis) / bucketSec;
  if (bucketSec <= 86_400) return tradingDaysPerYear(basis);
  return YEAR_SECONDS_24_7 / bucketSec;
}

/** The engine's one duration formatter, where the period figures' messages have always found it. */
export { describeDuration };

/**
 * The sample's trading time, seconds, which annualised PnL scales to a year: its span on the 24/7
 * basis; on a basis with closed time, its open buckets (those with a tick) at yearSeconds/bucketsPerYear
 * each, and never more than its span (a 12 ms sample is not a bucket long).
 */
export function tradingSeconds(durationSec: number, openBuckets: number, bucketSec: number, basis: YearBasis): number {
  if (!basisHasClosedTime(basis)) return durationSec;
  return Math.min(durationSec, (openBuckets * yearSeconds(basis)) / bucketsPerYear(basis, bucketSec));
}

/**
 * The rule for annualised figures: the sample's trading time (tradingSeconds) is at least
 * MIN_ANNUALISE_DAYS days of the year basis and it has at least MIN_ANNUALISE_BUCKETS buckets. Returns
 * null when it may annualise, else the reason in one sentence.
 */
export function annualisationBlocked(durationSec: number, buckets: number, basis: YearBasis): string | null {
  const day = basisDaySeconds(basis);
  const factor = durationSec > 0 ? yearSeconds(basis) / durationSec : Infinity;
  const dayName = basis === 'exchange' ? '6.5 h sessions' : basis === '24/5' ? '24 h weekdays' : '24 h days';
  const spans = `the sample spans ${describeDuration(durationSec)}${basisHasClosedTime(basis) ? ' of open market' : ''}`;
  if (durationSec < MIN_PERIOD_SEC) {
    return `Not annualised: ${spans}, too short to scale to an hour, let alone a year.`;
  }
  if (durationSec < MIN_ANNUALISE_DAYS * day) {
    return `Not annualised: ${spans}, under ${MIN_ANNUALISE_DAYS} ${dayName}; a yearly figure would multiply it by ${Number.isFinite(factor) ? Math.round(factor).toLocaleString('en-US') : '∞'}.`;
  }
  if (buckets < MIN_ANNUALISE_BUCKETS) return `Not annualised: ${buckets} PnL buckets, under ${MIN_ANNUALISE_BUCKETS}.`;
  return null;
}
