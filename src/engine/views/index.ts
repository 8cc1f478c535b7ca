// Chart-ready views of engine results (src/engine/views): one definition of every number a panel shows.
export { CHART_BUCKETS, PARTIAL_BUCKETS, buildSeriesView, buyAndHoldOf } from './series';
export type { BuyHoldSpec, InventoryView, PnlView, PriceView, RunSeriesView } from './series';
export { buildSummaryView } from './summary';
export type { InventoryHistogram, RunSummaryView } from './summary';
export { HIST_CHECKPOINTS, inventoryHistogram } from './summary';
export { quoteSkewByInventory, SKEW_NOISE_BPS } from './quote-skew';
export type { QuoteSkewByInventory } from './quote-skew';
export { buildKalmanView } from './kalman';
export type { KalmanView } from './kalman';
export { buildRegimeView, decodeRegimes } from './regime';
export type { RegimeDecodeOptions, RegimeDecoding, RegimeRow, RegimeView } from './regime';
export { buildIntensityView, buildIntensityByRegimeView } from './intensity';
export type { IntensityByRegimeView, IntensityViewOptions, RegimeIntensityRow } from './intensity';
export { createPartialSeriesView } from './partial-series';
