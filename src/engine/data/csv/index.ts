// Public surface of engine/data/csv; re-exported from src/engine/index.ts.
export { parseTicksCsv } from './parse';
export { CsvError } from './csv-error';
export { tooLargeMessage } from './text';
export type { CsvErrorCode } from './csv-error';
export type { TicksInput } from './input';
export { KIND_COLUMNS, DISPLAY_NAME, kindSpec } from './schema';
export { parseIsoSeconds, epochUnitOf } from './time';
export type { TickKind, TickColumn, TimeUnit, CsvProblem, ProblemKind, ParseTicksOptions, ParsedTicks, DetectedFormat } from './types';
export { alignQuotesTrades } from './align';
export type { AlignedTicks, AlignOptions } from './align';
export { summarizeTicks, referencePrice, median, closedTimeHint, CLOSED_GAP_SEC } from '../summary';
export type { DatasetSummary } from '../summary';
export { parseLobster, lobsterPair } from '../vendors/lobster';
export type { LobsterOptions } from '../vendors/lobster';
export { detectProfile, FORMATS } from '../vendors/profiles';
export type { FormatProfile, SideMeaning } from '../vendors/profiles';
export { zoneFor } from './zones';
