import type { GridOutOfSample, GridProgress, GridResult, GridSpec, MarketData, StrategyId } from '../engine';
import { GridPool } from '../workers/grid-pool';
import { datasetStore, type DatasetStore } from './dataset-store';
import type { LoadedDataset } from '../workers/csv-client';
import { sigmaBasisOf, toBacktestConfig, toMarketData } from './lab-config';
import { paramsStore, type ParamsStore } from './params-store';
import { servedPort } from './dataset-loader';
import { labStore, type LabStore } from './lab-store';

/** Strategies whose quotes depend on γ and κ; others are mapped with AS on the Kalman fair value. */
const GAMMA_KAPPA_STRATEGIES: readonly StrategyId[] = ['as', 'as-kalman', 'as-regime', 'glft'];

/** `n` log-spaced values from centre/span to centre·span (centre in the middle when n is odd). */
export function logAround(centre: number, n: number, span = 10): number[] {
  if (!(centre > 0) || !Number.isFinite(centre)) throw new Error(`The grid centre must be a positive number, got ${centre}.`);
  if (n === 1) return [centre];
  return Array.from({ length: n }, (_, i) => Number((centre * span ** (-1 + (2 * i) / (n - 1))).toPrecision(4)));
}

/** The γ × κ grid (Sharpe) around the values the last run resolved. */
export function gammaKappaSpec(gamma: number, kappa: number, n = 5): GridSpec {
  return { x: { param: 'gamma', values: logAround(gamma, n) }, y: { param: 'kappa', values: logAround(kappa, n) }, metric: 'sharpe' };
}

export interface GridRunOptions { n?: number; signal?: AbortSignal; onProgress?: (p: GridProgress) => void; pool?: GridPool }

/**
 * The γ × κ grid search over a worker pool, on a dataset store's dataset with a lab store's current
 * settings, centred on the γ and κ of the last run. The pool and the per-dataset market live in the
 * object; the lab session owns the app's one. Grid workers take their columns from the dataset worker
 * when it holds the dataset (`served`). Rejects with an AbortError when `signal` aborts.
 */
export function createGridRunner(deps: { dataset?: DatasetStore; lab?: LabStore; params?: ParamsStore; served?: (d: LoadedDataset) => (() => Promise<MessagePort>) | null } = {}) {
  const dataset = deps.dataset ?? datasetStore;
  const labs = deps.lab ?? labStore;
  const params = deps.params ?? paramsStore;
  const served = deps.served ?? servedPort;
  let pool: GridPool | null = null;
  // The pool keeps each worker's copy of the data by identity: reuse one MarketData per dataset.
  let market: { from: object; data: MarketData } | null = null;
  return async function runGrid(opts: GridRunOptions = {}): Promise<{ result: GridResult; strategy: StrategyId; oos: GridOutOfSample | null }> {
    const d = dataset.getState().dataset;
    if (!d) throw new Error('Load a dataset before running the grid search.');
    const lab = labs.getState();
    const resolved = lab.summary?.resolved;
    if (!resolved) throw new Error('Run a backtest first: the grid is centred on the γ and κ it used.');
    const base = toBacktestConfig(lab.settings, sigmaBasisOf(d, params.getState().params.yearBasis));
    const strategy = GAMMA_KAPPA_STRATEGIES.includes(lab.settings.strategy) ? lab.settings.strategy : 'as-kalman';
    const runner = opts.pool ?? (pool ??= new GridPool());
    if (market?.from !== d) market = { from: d, data: toMarketData(d) };
    const spec = gammaKappaSpec(resolved.gamma, resolved.kappa, opts.n);
    const result = await runner.run(market.data, { ...base, strategy }, spec, { signal: opts.signal, onProgress: opts.onProgress, served: served(d) ?? undefined });
    // Issue 14: the same grid on the first half of the data, its best cell re-run on the second half (one worker).
    let oos: GridOutOfSample | null;
    try {
      oos = await runner.outOfSample(market.data, { ...base, strategy }, spec, { signal: opts.signal, trainFraction: 0.5, served: served(d) ?? undefined });
    } catch (e) {
      if (e instanceof Error && e.name === 'AbortError') throw e;
      oos = null; // e.g. too little data for two halves: the grid stands without it
    }
    return { result, strategy, oos };
  };
}

/** The app's grid runner: the lab session's (installGridRunner), else one made on first use on the app's stores. */
let appRunner: ReturnType<typeof createGridRunner> | null = null;
export function installGridRunner(r: ReturnType<typeof createGridRunner>): void {
  appRunner = r;
}

export function runGammaKappaGrid(opts: GridRunOptions = {}): Promise<{ result: GridResult; strategy: StrategyId; oos: GridOutOfSample | null }> {
  appRunner ??= createGridRunner();
  return appRunner(opts);
}
