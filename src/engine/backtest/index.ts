// Public surface of engine/backtest; re-exported from src/engine/index.ts.
export { runBacktest, runBacktestInto } from './run';
export type {
  MarketData, BacktestConfig, BacktestResult, BacktestSeries, BacktestProgress, FillsTable, RiskEvent, ResolvedParams,
  FillConfig, FillModelId, BuiltInFillModelId, FeeConfig, LimitsConfig, GuardConfig, RegimeConfig, KalmanConfig,
} from './types';
export { prepareData } from './data';
export type { PreparedData } from './data';
export { resolveConfig, warmupStats, CALIBRATED_RANGES } from './config';
export { inferStep, inferInstrument, defaultOrderSize, DEFAULT_ORDER_NOTIONAL } from './instrument';
export type { InstrumentGrid } from './instrument';
export type { WarmupStats } from './config';
export {
  poissonFillModel, tradeThroughFillModel, quoteCrossFillModel, queueFillModel, barFillModel,
  registerFillModel, fillModelSpecs, fillModelSpec, applicableFillModels, defaultFillModel,
} from './fill-models';
export type { FillModel, FillModelSpec, FillModelContext, QueueModelKind } from './fill-models';
export { FILL_SOURCE_TRADE, FILL_SOURCE_QUOTE, FILL_SOURCE_INTERVAL, FILL_SOURCE_FLATTEN } from './types';
export { takeFill } from './fill-desk';
export { fillModelBand } from './model-band';
export { buildFillsView, blotterCsv, BLOTTER_COLUMNS } from './fills-view';
export type { FillsView } from './fills-view';
export type { ModelBand, ModelBandRow } from './model-band';
export type { FillDesk } from './fill-desk';
export { constantLatency, bpsFees, roundBid, roundAsk, roundLot, gridScale, gridLevel, priceTolerance, minTradeSize } from './costs';
export type { LatencyModel, FeeModel } from './costs';
export { registerLatencyModel, latencyModelSpecs, latencyModelSpec, buildLatencyModel, DEFAULT_LATENCY_MODEL } from './latency-registry';
export type { LatencyModelSpec } from './latency-registry';
export { registerFeeModel, feeModelSpecs, feeModelSpec, buildFeeModel, DEFAULT_FEE_MODEL } from './fee-registry';
export type { FeeModelSpec } from './fee-registry';
export { createAccount, applyFill, markMid } from './account';
export { cashOf, createOutputs, prefaultedColumn, prefaultedOutputs, createSeries, hasRegimeColumn, outputsOf, sliceSeries, viewOutputs, viewSeries, withInput, type RunOutputs } from './recorder';
export type { Account } from './account';
export { roomToTrade } from './risk';
export {
  gridSearch, evaluateGridCells, assembleGrid, prepareGridConfig, checkGridSpec, setConfigParam, cellMetrics, GRID_METRICS,
} from './grid';
export type { GridSpec, GridAxis, GridResult, GridProgress, GridMetric } from './grid';
export { generateSyntheticMarket, DEFAULT_SYNTHETIC_REGIMES } from '../data/synthetic';
export type { SyntheticMarket, SyntheticMarketOptions, SyntheticRegimeSpec, SyntheticTruth } from '../data/synthetic';
