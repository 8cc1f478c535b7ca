// Public surface of engine/validation; re-exported from src/engine/index.ts.
export { walkForward, walkForwardRanges, MIN_PART_TICKS } from './walk-forward';
export type { WalkForwardOptions, WalkForwardFold, WalkForwardPooled, WalkForwardResult } from './walk-forward';
export { freezeCalibration } from './calibrate';
export type { FrozenCalibration } from './calibrate';
export { sliceMarketData, rangeOfTimes } from './slice';
export type { DataRange } from './slice';
// The grid's overfitting control lives with the grid (backtest/grid.ts); exported here with the rest of validation.
export {
  gridOverfitting, bestGridCell, gridOutOfSample, outOfSampleBest, trainTestSplit, gridPboSplits, overfitBucketSec, gridOverfitBucketSec, GRID_PBO_MIN_BUCKETS, GRID_OVERFIT_MIN_BUCKETS, GRID_LOWER_IS_BETTER,
} from '../backtest/grid';
export type { GridBest, GridEdge, GridOverfitting, GridOutOfSample } from '../backtest/grid';
