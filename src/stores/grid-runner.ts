import type { GridProgress, GridResult, GridSpec, MarketData, StrategyId } from '../engine';
import { GridPool } from '../workers/grid-pool';
import { datasetStore } from './dataset-store';
import { sigmaBasisOf, toBacktestConfig, toMarketData } from './lab-config';
import { paramsStore } from './params-store';
import { servedPort } from './dataset-loader';
import { labStore } from './lab-store';

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

let pool: GridPool | null = null;
// The pool keeps each worker's copy of the data by identity: reuse one MarketData per dataset.
let market: { from: object; data: MarketData } | null = null;

/**
 * Runs the γ × κ grid search over the worker pool on the loaded dataset with the lab's current
 * settings, centred on the γ and κ of the last run. Rejects with an AbortError when `signal` aborts.
 */
export async function runGammaKappaGrid(opts: { n?: number; signal?: AbortSignal; onProgress?: (p: GridProgress) => void; pool?: GridPool } = {}): Promise<{ result: GridResult; strategy: StrategyId }> {
  const d = datasetStore.getState().dataset;
  if (!d) throw new Error('Load a dataset before running the grid search.');
  const lab = labStore.getState();
  const resolved = lab.summary?.resolved;
  if (!resolved) throw new Error('Run a backtest first: the grid is centred on the γ and κ it used.');
  const base = toBacktestConfig(lab.settings, sigmaBasisOf(d, paramsStore.getState().params.yearBasis));
  const strategy = GAMMA_KAPPA_STRATEGIES.includes(lab.settings.strategy) ? lab.settings.strategy : 'as-kalman';
  const runner = opts.pool ?? (pool ??= new GridPool());
  if (market?.from !== d) market = { from: d, data: toMarketData(d) };
  const served = servedPort(d) ?? undefined;
  const result = await runner.run(market.data, { ...base, strategy }, gammaKappaSpec(resolved.gamma, resolved.kappa, opts.n), { signal: opts.signal, onProgress: opts.onProgress, served });
  return { result, strategy };
}
