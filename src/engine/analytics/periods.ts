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
  /** Net PnL per unit: totalPnl · seconds / duration, quote currency. */
  pnl: number;
  /** How many units the sample spans (below 1: pnl extrapolates the sample to a whole unit). */
  periods: number;
  /** Why pnl is not a figure to read (the sample spans under MIN_PERIOD_SEC), in a few words; null when it is. */
  reason: string | null;
}

/** Figures scaled to a year, given only when the sample is long enough (annualisationRule). */
export interface AnnualisedFigures {
  /** totalPnl · year / duration, quote currency per year. */
  pnl: number;
  /** Per-bucket Sharpe × √(buckets per year). */
  sharpe: number;
  /** Sortino × √(buckets per year); 0 when undefined (Metrics.sortinoDefined, sortinoReason). */
  sortino: number;
  /** pnl / max drawdown (0 without a drawdown). */
  calmar: number;
  yearBasis: YearBasis;
  bucketsPerYear: number;
}

/** Per-hour figures below one day of data, per-day figures from one day on. */
export function periodFigures(totalPnl: number, durationSec: number): PeriodFigures {
  const unit = durationSec >= 86_400 ? 'day' : 'hour';
  const seconds = unit === 'day' ? 86_400 : 3600;
  const reason = durationSec >= MIN_PERIOD_SEC ? null : `under ${describeDuration(MIN_PERIOD_SEC)} of data`;
  return { unit, seconds, pnl: durationSec > 0 ? (totalPnl * seconds) / durationSec : 0, periods: durationSec / seconds, reason };
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

/** "12 ms", "4.2 s", "5 min 44 s", "2 h 5 min", "3 days 4 h": a duration in words for messages. */
export function describeDuration(sec: number): string {
  if (!(sec >= 0)) return `${sec} s`;
  if (sec === 0) return '0 s';
  // Below a second in ms or µs (three digits), below 10 s to a tenth: a 12 ms sample is not "0 s".
  if (sec < 1e-3) return `${Number((sec * 1e6).toPrecision(3))} µs`;
  if (sec < 1 && Number((sec * 1e3).toPrecision(3)) < 1000) return `${Number((sec * 1e3).toPrecision(3))} ms`;
  if (sec < 9.95) return `${Number(Math.max(1, sec).toFixed(1))} s`;
  const s = Math.round(sec);
  if (s < 60) return `${s} s`;
  if (s < 3600) { const m = Math.floor(s / 60); const r = s % 60; return r > 0 ? `${m} min ${r} s` : `${m} min`; }
  if (sec < 86_400) { const h = Math.floor(s / 3600); const m = Math.floor((s % 3600) / 60); return m > 0 ? `${h} h ${m} min` : `${h} h`; }
  // Days and hours, carried like the shorter units: "1 day", "2 days 4 h", never "1.0 days".
  const hours = Math.round(sec / 3600);
  const d = Math.floor(hours / 24), h = hours % 24;
  return `${d} ${d === 1 ? 'day' : 'days'}${h > 0 ? ` ${h} h` : ''}`;
}

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
