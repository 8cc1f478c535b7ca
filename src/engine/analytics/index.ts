// Public surface of engine/analytics; re-exported from src/engine/index.ts.
export type { Attribution, Metrics, RegimeShare, PnlHistogram, BuyAndHold } from './types';
export { markoutMids, attributePnl } from './attribution';
export { markoutCurve, markoutHorizonsFor, DEFAULT_MARKOUT_HORIZONS_SEC } from './markout';
export type { MarkoutPoint, MarkoutInput } from './markout';
export { maxDrawdown } from './drawdown';
export { bucketCount, bucketPnl, histogram, pnlHistogram, sharpeSortino } from './buckets';
export { computeMetrics, buyAndHold, buyAndHoldAt, buyAndHoldSeries, regimeShares, METRICS_SHARPE_RESAMPLES } from './metrics';
export type { MetricsInput } from './metrics';
export { periodFigures, annualisationBlocked, basisDaySeconds, bucketsPerYear, tradingSeconds, describeDuration, MIN_ANNUALISE_DAYS, MIN_ANNUALISE_BUCKETS, MIN_PERIOD_SEC } from './periods';
export type { PeriodFigures, AnnualisedFigures } from './periods';
export { rankByNetPnl, RANKING_STATISTIC } from './ranking';
