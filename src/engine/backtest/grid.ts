import { ParamError } from '../util/validate';
import { runBacktestInto } from './run';
import { createOutputs, type RunOutputs } from './recorder';
import { prepareData } from './data';
import { resolveConfig } from './config';
import { fairValueParams } from '../strategy/fair-value';
import { regimeSetup } from '../strategy/regime-model';
import { runBacktest } from './run';
import { deflatedSharpeDetail } from '../stats/deflated-sharpe';
import { pbo as cscvPbo } from '../stats/pbo';
import { sampleMoments, sharpePerObservation } from '../stats/moments';
import { bucketPnl } from '../analytics/buckets';
import { basisHasClosedTime } from '../quoting/units';
import { sharpeConfidence, type SharpeConfidence } from '../stats/sharpe-confidence';
import { freezeCalibration } from '../validation/calibrate';
import { sliceMarketData, type DataRange } from '../validation/slice';
import { walkForwardRanges } from '../validation/walk-forward';
import type { BacktestConfig, BacktestResult, BacktestSeries, MarketData } from './types';

/** Metrics a grid can map: every numeric field of result.metrics plus the attribution parts. */
export const GRID_METRICS = [
  'totalPnl', 'annualisedPnl', 'sharpe', 'sharpePerBucket', 'sortino', 'maxDrawdown', 'maxDrawdownPct', 'calmar', 'winRate', 'profitFactor',
  'fills', 'quoteUpdates', 'fillRate', 'avgSpreadCapturedBps', 'avgAbsInventory', 'maxAbsInventory', 'inventoryTurnover',
  'timeAtLimit', 'volume', 'feesPaid', 'timeKilled',
  'spreadCapture', 'adverseSelection', 'inventoryCarry', 'fees', 'net',
] as const;
export type GridMetric = (typeof GRID_METRICS)[number];

export interface GridAxis {
  /** A config path: 'gamma', 'kappa', 'halfSpreadBps', 'fill.queueHaircut', 'limits.maxInventory', … */
  param: string;
  values: number[];
}

export interface GridSpec {
  x: GridAxis;
  y: GridAxis;
  /** The metric of `values`; every metric is also in `matrices`. Default 'sharpe'. */
  metric?: GridMetric;
}

/** Metrics where a smaller value is the better cell (every other metric: larger is better). */
export const GRID_LOWER_IS_BETTER: readonly GridMetric[] = ['maxDrawdown', 'maxDrawdownPct', 'feesPaid', 'timeAtLimit', 'timeKilled', 'avgAbsInventory', 'maxAbsInventory'];

/** Sides of the grid a cell lies on: 'x-low' = the first x value, 'x-high' = the last (only for axes of 2+ values). */
export type GridEdge = 'x-low' | 'x-high' | 'y-low' | 'y-high';

/** The best cell by some statistic and whether it sits on the grid's boundary. */
export interface GridBest {
  /** The statistic that picked it. */
  metric: GridMetric;
  cell: number;
  ix: number;
  iy: number;
  value: number;
  edges: GridEdge[];
  /** The best cell lies on the boundary: the optimum may lie outside the grid. */
  onEdge: boolean;
}

/**
 * Overfitting control over the cells, taking per-bucket Sharpe as the selection statistic (the cell a
 * user would pick). Trials are the cells; they share data and differ by two parameters, so they are not
 * independent and trials = cells over-counts them: the DSR is conservative (lower) for it.
 */
export interface GridOverfitting {
  /** The best cell by Sharpe per overfitting bucket, with its edge flag. */
  best: GridBest;
  /** Bucket of these statistics, seconds (overfitBucketSec: often shorter than the runs' PnL bucket, so PBO has enough rows). */
  bucketSec: number;
  /** Every cell's Sharpe per bucket of `bucketSec` (the trials). */
  cellSharpes: Float64Array;
  /** Its Sharpe per bucket (not annualised). */
  sharpe: number;
  /** Cells with a finite Sharpe (the trials N). */
  trials: number;
  /** Variance (n − 1) of the cells' Sharpe ratios per bucket. */
  trialSharpeVariance: number;
  /** Skewness and NON-excess kurtosis of the best cell's bucket PnL; its number of buckets T. */
  skew: number;
  kurtosis: number;
  observations: number;
  /** Deflated Sharpe ratio of the best cell (Bailey & López de Prado 2014): P(true Sharpe > SR0). Null with `dsrNote` when it cannot be computed. */
  dsr: number | null;
  /** SR0, the expected best Sharpe of `trials` zero-skill cells, per bucket. */
  sr0: number | null;
  dsrNote: string;
  /** Probability of backtest overfitting (CSCV over the cells' per-bucket PnL, Sharpe statistic); null with `pboNote` under 8 buckets or 2 cells. */
  pbo: number | null;
  pboSplits: number | null;
  /** λ per CSCV combination (for a histogram). */
  pboLogits: Float64Array | null;
  pboNote: string;
}

/** Cell (ix, iy) is at index iy·nx + ix of every matrix (rows are y values). */
export interface GridResult {
  x: GridAxis;
  y: GridAxis;
  metric: GridMetric;
  values: Float64Array;
  matrices: Record<GridMetric, Float64Array>;
  cells: number;
  /** The best cell of `values` (direction by GRID_LOWER_IS_BETTER) and its edge flag; null when no cell is finite. */
  best: GridBest | null;
  /** DSR, PBO and the edge flag of the best cell by Sharpe; null when the cells' bucket PnL was not collected. */
  overfitting: GridOverfitting | null;
}

export interface GridProgress {
  done: number;
  total: number;
}

/** The metrics of one cell, in GRID_METRICS order. */
export function cellMetrics(r: BacktestResult): Float64Array {
  const out = new Float64Array(GRID_METRICS.length);
  GRID_METRICS.forEach((name, k) => {
    const v = name in r.attribution ? r.attribution[name as keyof BacktestResult['attribution']] : r.metrics[name as keyof BacktestResult['metrics']];
    out[k] = typeof v === 'number' ? v : NaN;
  });
  return out;
}

/** A copy of `config` with the (dotted) path set to value; throws on a path through a non-object. */
export function setConfigParam(config: BacktestConfig, path: string, value: number): BacktestConfig {
  const keys = path.split('.');
  if (keys.some((k) => k.length === 0)) throw new ParamError('grid param', 'a config path like "gamma" or "fill.kappa"', path);
  const root: Record<string, unknown> = { ...config };
  let node = root;
  for (let i = 0; i < keys.length - 1; i++) {
    const child = node[keys[i]];
    if (child !== undefined && (typeof child !== 'object' || child === null)) throw new ParamError(`grid param ${path}`, 'a path through config objects', keys[i]);
    const copy = { ...((child as Record<string, unknown> | undefined) ?? {}) };
    node[keys[i]] = copy;
    node = copy;
  }
  node[keys[keys.length - 1]] = value;
  return root as BacktestConfig;
}

export function checkGridSpec(spec: GridSpec): GridMetric {
  for (const axis of ['x', 'y'] as const) {
    const a = spec?.[axis];
    if (!a || typeof a.param !== 'string') throw new ParamError(`grid.${axis}.param`, 'a config path', a?.param);
    if (!Array.isArray(a.values) || a.values.length === 0) throw new ParamError(`grid.${axis}.values`, 'a non-empty array of numbers', a?.values);
    a.values.forEach((v, k) => { if (!Number.isFinite(v)) throw new ParamError(`grid.${axis}.values[${k}]`, 'a finite number', v); });
  }
  const metric = spec.metric ?? 'sharpe';
  if (!GRID_METRICS.includes(metric)) throw new ParamError('grid.metric', `one of ${GRID_METRICS.join(', ')}`, metric);
  return metric;
}

/**
 * Work shared by every cell, done once: the Kalman fair value's q and r are fitted once for
 * 'as-kalman' and 'as-regime', and for 'as-regime' the HMM too (unless an axis changes what they
 * depend on), so cells differ only by their two parameters.
 */
export function prepareGridConfig(data: MarketData, base: BacktestConfig, spec: GridSpec): BacktestConfig {
  const strategy = base.strategy ?? 'as-kalman';
  const axes = [spec.x.param, spec.y.param];
  const touches = (...prefixes: string[]) => axes.some((p) => p === 'strategy' || prefixes.some((x) => p === x || p.startsWith(`${x}.`)));
  const fitKalman = (strategy === 'as-kalman' || strategy === 'as-regime') && (base.kalman?.q === undefined || base.kalman?.r === undefined) && !touches('kalman', 'warmupTicks');
  const fitRegime = strategy === 'as-regime' && base.regime?.model === undefined && !touches('regime', 'seed');
  if (!fitKalman && !fitRegime) return base;
  const d = prepareData(data);
  const rp = resolveConfig(d, data, base);
  let out = base;
  if (fitKalman) {
    const k = fairValueParams(d.mid, Math.max(rp.warmupTicks, 50), rp.marketHalfSpread, base.kalman);
    out = { ...out, kalman: { q: k.q, r: k.r } };
  }
  if (fitRegime) {
    const reg = regimeSetup(d.time, d.mid, { ...base.regime, bucketSec: rp.regimeBucketSec, seed: base.regime?.seed ?? base.seed }, rp.sigma);
    out = { ...out, regime: { ...base.regime, model: reg.model, bucketSec: reg.bucketSec } };
  }
  return out;
}

/**
 * Runs the cells with the given flat indices; returns their metrics, GRID_METRICS.length per cell.
 * With `bucketsOut`, also pushes each cell's PnL per overfitting bucket (overfitBucketSec: for the grid's DSR and PBO).
 */
export function evaluateGridCells(data: MarketData, base: BacktestConfig, spec: GridSpec, cells: ArrayLike<number>, scratch?: BacktestSeries | RunOutputs, bucketsOut?: Float64Array[]): Float64Array {
  const nx = spec.x.values.length;
  const width = GRID_METRICS.length;
  const out = new Float64Array(cells.length * width);
  const buffers = scratch ?? (cells.length > 1 ? createOutputs(data.time.length) : undefined); // reused: cells keep only metrics
  for (let c = 0; c < cells.length; c++) {
    const idx = cells[c];
    const ix = idx % nx;
    const iy = Math.floor(idx / nx);
    const cfg = setConfigParam(setConfigParam(base, spec.x.param, spec.x.values[ix]), spec.y.param, spec.y.values[iy]);
    const r = runBacktestInto(data, cfg, undefined, buffers);
    out.set(cellMetrics(r), c * width);
    if (bucketsOut !== undefined) {
      const n = r.time.length;
      bucketsOut.push(bucketPnl(r.time, r.equity, overfitBucketSec(r.time[n - 1] - r.time[0], r.resolved.bucketSec), basisHasClosedTime(r.resolved.yearBasis)));
    }
  }
  return out;
}

/** The best finite cell of `values` (larger is better unless `lowerIsBetter`), first on ties; null when none is finite. */
export function bestGridCell(spec: GridSpec, metric: GridMetric, values: Float64Array, lowerIsBetter = GRID_LOWER_IS_BETTER.includes(metric)): GridBest | null {
  const nx = spec.x.values.length, ny = spec.y.values.length;
  let cell = -1;
  for (let c = 0; c < values.length; c++) {
    const v = values[c];
    if (Number.isNaN(v)) continue;
    if (cell < 0 || (lowerIsBetter ? v < values[cell] : v > values[cell])) cell = c;
  }
  if (cell < 0) return null;
  const ix = cell % nx, iy = Math.floor(cell / nx);
  const edges: GridEdge[] = [];
  if (nx > 1 && ix === 0) edges.push('x-low');
  if (nx > 1 && ix === nx - 1) edges.push('x-high');
  if (ny > 1 && iy === 0) edges.push('y-low');
  if (ny > 1 && iy === ny - 1) edges.push('y-high');
  return { metric, cell, ix, iy, value: values[cell], edges, onEdge: edges.length > 0 };
}

/** The overfitting control wants at least this many buckets: S = 16 blocks of 2. */
export const GRID_OVERFIT_MIN_BUCKETS = 32;
const NICE_BUCKETS_SEC = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14_400, 21_600, 43_200, 86_400];

/**
 * Bucket of the grid's DSR and PBO, seconds: the run's PnL bucket when the data hold at least
 * GRID_OVERFIT_MIN_BUCKETS of it, else the longest round length (1, 2, 5, 10, 15, 30 s, 1, 2, 5, … min,
 * … 1 day) that does, else span / 32 (e.g. 10 s on the 5 min 44 s default sample: 35 buckets, not 6).
 */
export function overfitBucketSec(spanSec: number, runBucketSec: number): number {
  const want = spanSec / GRID_OVERFIT_MIN_BUCKETS;
  if (runBucketSec <= want || !(want > 0)) return runBucketSec;
  for (let k = NICE_BUCKETS_SEC.length - 1; k >= 0; k--) if (NICE_BUCKETS_SEC[k] <= want) return NICE_BUCKETS_SEC[k];
  return want;
}

/** overfitBucketSec for a grid over `data` with `base` (the cells' PnL bucket as the base config resolves it). */
export function gridOverfitBucketSec(data: MarketData, base: BacktestConfig): number {
  const d = prepareData(data);
  return overfitBucketSec(d.time[d.n - 1] - d.time[0], resolveConfig(d, data, base).bucketSec);
}

/** PBO needs at least this many buckets (4 splits of 2 buckets each). */
export const GRID_PBO_MIN_BUCKETS = 8;

/** CSCV splits for T buckets: the largest even S ≤ 16 with at least 2 buckets per block. */
export function gridPboSplits(buckets: number): number {
  return Math.min(16, 2 * Math.floor(buckets / 4));
}

/**
 * DSR, PBO and the edge flag for the best cell by per-bucket Sharpe, all from every cell's bucket PnL
 * (index = cell; buckets of `bucketSec`). Cells whose bucket series differ in length get no PBO.
 */
export function gridOverfitting(spec: GridSpec, buckets: Float64Array[], bucketSec: number): GridOverfitting | null {
  // A cell whose PnL never moved (no fill, no inventory) has no Sharpe ratio (0/0), not 0: it is no
  // candidate, so it can neither be the best cell nor count as a trial (DSR) or a configuration (PBO).
  const flat = buckets.map((b) => b !== undefined && b.every((v) => v === 0));
  const sharpePerBucket = Float64Array.from(buckets, (b, c) => (b !== undefined && b.length >= 2 && !flat[c] ? sharpePerObservation(b) : NaN));
  const idle = flat.filter(Boolean).length;
  const best = bestGridCell(spec, 'sharpePerBucket', sharpePerBucket, false);
  if (best === null) return null;
  const finite: number[] = [];
  for (const v of sharpePerBucket) if (Number.isFinite(v)) finite.push(v);
  const trials = finite.length;
  const mean = finite.reduce((a, b) => a + b, 0) / Math.max(1, trials);
  const V = trials > 1 ? finite.reduce((a, b) => a + (b - mean) ** 2, 0) / (trials - 1) : 0;
  const x = buckets[best.cell];
  const T = x?.length ?? 0;
  const m = T >= 2 ? sampleMoments(x) : { skew: 0, kurtosis: 3 };
  let dsr: number | null = null, sr0: number | null = null;
  let dsrNote: string;
  if (T < 3) dsrNote = `No deflated Sharpe: the best cell has ${T} PnL buckets (needs 3).`;
  else if (!Number.isFinite(best.value)) dsrNote = 'No deflated Sharpe: the best cell\'s PnL does not vary (its Sharpe is infinite).';
  else {
    const d = deflatedSharpeDetail({ sharpe: best.value, trials: Math.max(1, trials), trialSharpeVariance: V, skew: m.skew, kurtosis: m.kurtosis, observations: T });
    dsr = d.dsr; sr0 = d.sr0;
    dsrNote = `Probability that the best cell's true Sharpe exceeds ${d.sr0.toPrecision(3)} per bucket, the best expected from ${trials} zero-skill cells (${T} buckets; cells are correlated, so this is conservative).`;
  }
  let pboValue: number | null = null, pboSplits: number | null = null, pboLogits: Float64Array | null = null;
  let pboNote: string;
  const sameLength = buckets.length === sharpePerBucket.length && buckets.every((b) => b !== undefined && b.length === T);
  const active = buckets.filter((_, c) => !flat[c]);
  const idleNote = idle > 0 ? ` ${idle} cell${idle === 1 ? '' : 's'} that never traded left out.` : '';
  if (active.length < 2) pboNote = `No PBO: it needs at least 2 cells that traded.${idleNote}`;
  else if (!sameLength) pboNote = 'No PBO: the cells have different bucket series (an axis changes the PnL bucket).';
  else if (T < GRID_PBO_MIN_BUCKETS) pboNote = `No PBO: ${T} PnL buckets, under ${GRID_PBO_MIN_BUCKETS}; use a shorter PnL bucket or more data.`;
  else {
    const S = gridPboSplits(T);
    const r = cscvPbo(active, { splits: S });
    pboValue = r.pbo; pboSplits = S; pboLogits = r.logits;
    pboNote = `Share of ${r.combinations} in-sample/out-of-sample splits (S = ${S} blocks of ${Math.floor(T / S)} buckets) where the in-sample best cell ranks in the bottom half out of sample.${idleNote}`;
  }
  return { best, bucketSec, cellSharpes: sharpePerBucket, sharpe: best.value, trials, trialSharpeVariance: V, skew: m.skew, kurtosis: m.kurtosis, observations: T, dsr, sr0, dsrNote, pbo: pboValue, pboSplits, pboLogits, pboNote };
}

/** Assembles per-cell metrics (GRID_METRICS.length per cell, for cells 0..nx·ny−1) into matrices; with every cell's bucket PnL, adds the overfitting control. */
export function assembleGrid(spec: GridSpec, metric: GridMetric, perCell: Float64Array, buckets?: Float64Array[], bucketSec?: number): GridResult {
  const cells = spec.x.values.length * spec.y.values.length;
  const width = GRID_METRICS.length;
  const matrices = {} as Record<GridMetric, Float64Array>;
  GRID_METRICS.forEach((name, k) => {
    const m = new Float64Array(cells);
    for (let c = 0; c < cells; c++) m[c] = perCell[c * width + k];
    matrices[name] = m;
  });
  const overfitting = buckets !== undefined && bucketSec !== undefined ? gridOverfitting(spec, buckets, bucketSec) : null;
  return { x: spec.x, y: spec.y, metric, values: matrices[metric], matrices, cells, best: bestGridCell(spec, metric, matrices[metric]), overfitting };
}

function abortError(): Error {
  const e = new Error('grid search aborted');
  e.name = 'AbortError';
  return e;
}

/**
 * Two-parameter grid over runBacktest, single-threaded (the worker pool in src/workers/grid-pool.ts
 * spreads the same cells over workers). Checks `signal` between cells and throws an AbortError.
 */
export function gridSearch(
  data: MarketData,
  baseConfig: BacktestConfig,
  spec: GridSpec,
  onProgress?: (p: GridProgress) => void,
  signal?: { readonly aborted: boolean },
): GridResult {
  const metric = checkGridSpec(spec);
  const base = prepareGridConfig(data, baseConfig, spec);
  const total = spec.x.values.length * spec.y.values.length;
  const width = GRID_METRICS.length;
  const perCell = new Float64Array(total * width);
  const one = [0];
  const scratch = createOutputs(data.time.length);
  const buckets: Float64Array[] = [];
  for (let c = 0; c < total; c++) {
    if (signal?.aborted) throw abortError();
    one[0] = c;
    perCell.set(evaluateGridCells(data, base, spec, one, scratch, buckets), c * width);
    onProgress?.({ done: c + 1, total });
  }
  return assembleGrid(spec, metric, perCell, buckets, gridOverfitBucketSec(data, baseConfig));
}

/** The in-sample grid and how its best cell did on the data after it. */
export interface GridOutOfSample {
  /** The grid over the train part (calibrated on the train part). */
  train: GridResult;
  /** The train grid's best cell by Sharpe per bucket of `bucketSec` (train.overfitting.best). */
  best: GridBest;
  /** Its Sharpe per bucket in sample. */
  inSampleSharpe: number;
  /** The same cell re-run on the test part with the train part's calibration: Sharpe per bucket of `bucketSec`, with bucket count and interval. */
  outOfSample: SharpeConfidence;
  /** The bucket of both Sharpe ratios, seconds (the train grid's overfitting bucket). */
  bucketSec: number;
  outOfSampleTotalPnl: number;
  trainFraction: number;
}

/** The first `trainFraction` of the data (by time) and the rest, as data a grid or a run can take. */
export function trainTestSplit(data: MarketData, trainFraction: number): { train: MarketData; test: MarketData; trainRange: DataRange; testRange: DataRange } {
  const [{ train, test }] = walkForwardRanges(prepareData(data).time, { folds: 1, trainFraction });
  return { train: sliceMarketData(data, train), test: sliceMarketData(data, test), trainRange: train, testRange: test };
}

/**
 * The out-of-sample half of gridOutOfSample for a grid already run on trainTestSplit(data, f).train
 * (e.g. by the worker pool): its best cell by Sharpe per overfitting bucket, re-run on the test part
 * with every calibration frozen on the train part.
 */
export function outOfSampleBest(data: MarketData, baseConfig: BacktestConfig, spec: GridSpec, trainGrid: GridResult, trainFraction: number): GridOutOfSample {
  const split = trainTestSplit(data, trainFraction);
  const best = trainGrid.overfitting?.best;
  if (best === undefined) throw new ParamError('grid', 'a train-part grid with overfitting figures (every cell\'s bucket PnL) and a finite Sharpe ratio', 'none');
  const bucketSec = trainGrid.overfitting!.bucketSec;
  const frozen = freezeCalibration(split.train, baseConfig);
  const cfg = setConfigParam(setConfigParam(frozen.config, spec.x.param, spec.x.values[best.ix]), spec.y.param, spec.y.values[best.iy]);
  const r = runBacktest(split.test, cfg);
  return {
    train: trainGrid,
    best,
    inSampleSharpe: best.value,
    outOfSample: sharpeConfidence(bucketPnl(r.time, r.equity, bucketSec, basisHasClosedTime(r.resolved.yearBasis)), { seed: baseConfig.seed ?? 1 }),
    outOfSampleTotalPnl: r.metrics.totalPnl,
    bucketSec,
    trainFraction,
  };
}

/**
 * Grid search on the first `trainFraction` of the data (by time), then its best cell by per-bucket
 * Sharpe re-run on the rest with every calibration frozen on the train part (freezeCalibration): the
 * out-of-sample Sharpe of the in-sample optimum.
 */
export function gridOutOfSample(data: MarketData, baseConfig: BacktestConfig, spec: GridSpec, trainFraction = 0.5, signal?: { readonly aborted: boolean }): GridOutOfSample {
  const grid = gridSearch(trainTestSplit(data, trainFraction).train, baseConfig, spec, undefined, signal);
  return outOfSampleBest(data, baseConfig, spec, grid, trainFraction);
}
