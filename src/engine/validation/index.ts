// Public surface of engine/validation; re-exported from src/engine/index.ts.
export { walkForward, walkForwardRanges, MIN_PART_TICKS } from './walk-forward';
export type { WalkForwardOptions, WalkForwardFold, WalkForwardPooled, WalkForwardResult } from './walk-forward';
export { freezeCalibration } from './calibrate';
export type { FrozenCalibration } from './calibrate';
export { sliceMarketData, rangeOfTimes } from './slice';
export type { DataRange } from './slice';
