// Public surface of engine/analytics; re-exported from src/engine/index.ts.
export type { Attribution, Metrics, RegimeShare, PnlHistogram, BuyAndHold } from './types';
export { markoutMids, attributePnl } from './attribution';
export { maxDrawdown } from './drawdown';
export { bucketPnl, histogram, pnlHistogram, sharpeSortino } from './buckets';
export { computeMetrics, buyAndHold, regimeShares } from './metrics';
export type { MetricsInput } from './metrics';
