import { ParamError } from '../util/validate';
import { runBacktestInto } from './run';
import { createSeries } from './recorder';
import { prepareData } from './data';
import { resolveConfig } from './config';
import { fairValueParams } from '../strategy/fair-value';
import { regimeSetup } from '../strategy/regime-model';
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

/** Cell (ix, iy) is at index iy·nx + ix of every matrix (rows are y values). */
export interface GridResult {
  x: GridAxis;
  y: GridAxis;
  metric: GridMetric;
  values: Float64Array;
  matrices: Record<GridMetric, Float64Array>;
  cells: number;
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

/** Runs the cells with the given flat indices; returns their metrics, GRID_METRICS.length per cell. */
export function evaluateGridCells(data: MarketData, base: BacktestConfig, spec: GridSpec, cells: ArrayLike<number>, scratch?: BacktestSeries): Float64Array {
  const nx = spec.x.values.length;
  const width = GRID_METRICS.length;
  const out = new Float64Array(cells.length * width);
  const buffers = scratch ?? (cells.length > 1 ? createSeries(data.time.length) : undefined); // reused: cells keep only metrics
  for (let c = 0; c < cells.length; c++) {
    const idx = cells[c];
    const ix = idx % nx;
    const iy = Math.floor(idx / nx);
    const cfg = setConfigParam(setConfigParam(base, spec.x.param, spec.x.values[ix]), spec.y.param, spec.y.values[iy]);
    out.set(cellMetrics(runBacktestInto(data, cfg, undefined, buffers)), c * width);
  }
  return out;
}

/** Assembles per-cell metrics (GRID_METRICS.length per cell, for cells 0..nx·ny−1) into matrices. */
export function assembleGrid(spec: GridSpec, metric: GridMetric, perCell: Float64Array): GridResult {
  const cells = spec.x.values.length * spec.y.values.length;
  const width = GRID_METRICS.length;
  const matrices = {} as Record<GridMetric, Float64Array>;
  GRID_METRICS.forEach((name, k) => {
    const m = new Float64Array(cells);
    for (let c = 0; c < cells; c++) m[c] = perCell[c * width + k];
    matrices[name] = m;
  });
  return { x: spec.x, y: spec.y, metric, values: matrices[metric], matrices, cells };
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
  const scratch = createSeries(data.time.length);
  for (let c = 0; c < total; c++) {
    if (signal?.aborted) throw abortError();
    one[0] = c;
    perCell.set(evaluateGridCells(data, base, spec, one, scratch), c * width);
    onProgress?.({ done: c + 1, total });
  }
  return assembleGrid(spec, metric, perCell);
}
