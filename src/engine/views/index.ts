// Chart-ready views of engine results (src/engine/views): one definition of every number a panel shows.
export { CHART_BUCKETS, PARTIAL_BUCKETS, buildSeriesView, buyAndHoldOf } from './series';
export type { BuyHoldSpec, InventoryView, PnlView, PriceView, RunSeriesView } from './series';
export { buildSummaryView } from './summary';
export type { RunSummaryView } from './summary';
export { buildKalmanView } from './kalman';
export type { KalmanView } from './kalman';
export { buildRegimeView } from './regime';
export type { RegimeRow, RegimeView } from './regime';
