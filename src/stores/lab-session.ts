import { datasetStore, type DatasetStore } from './dataset-store';
import { createDatasetLoader, installDatasetLoader, type DatasetLoader } from './dataset-loader';
import { createGridRunner, installGridRunner, type GridRunOptions } from './grid-runner';
import type { GridOutOfSample, GridResult, StrategyId, WalkForwardOptions } from '../engine';
import { labStore, type LabStore } from './lab-store';
import { startLabRunner, type LabRunner } from './lab-runner';
import { paramsStore, type ParamsStore } from './params-store';
import { createWalkForwardRunner } from './walk-forward-runner';

/**
 * The lab session: the page's one flow from data to numbers, started once by main.tsx.
 *
 *   load  → the URL's sample, else the dataset saved in this browser, else the default sample, parsed
 *           in the dataset worker (which keeps the columns) into datasetStore (dataset-loader.ts);
 *   run   → every change of the lab settings or the dataset re-runs the backtest in the lab worker,
 *           which takes its columns from the dataset worker through a MessagePort (lab-runner.ts);
 *   views → the run's series and summary stream into labStore, then its Kalman and regime views; a
 *           failed run or a worker that died marks the results stale and shows the error.
 *
 * Panels act through `labSession()`: run, cancel, compare, grid, export, and the loads.
 */
export interface LabSession {
  run(): void;
  cancel(): void;
  compare(): Promise<void>;
  grid(opts?: GridRunOptions): Promise<{ result: GridResult; strategy: StrategyId; oos: GridOutOfSample | null }>;
  exportSeries: LabRunner['exportSeries'];
  /** Loads another page of the last run's blotter into labStore.fills. */
  fillsPage: LabRunner['fillsPage'];
  /** The last run's whole blotter as CSV text. */
  blotterCsv: LabRunner['blotterCsv'];
  /** λ(δ) of the dataset's trades with its fits into labStore.intensity. */
  intensity: LabRunner['intensity'];
  /** Runs the current settings under every applicable fill model into labStore.modelBand. */
  modelBand: LabRunner['modelBand'];
  /** Walk-forward of the lab settings (k folds, rolling or anchored) into labStore.walkForward, in a worker of its own. */
  walkForward(options: WalkForwardOptions): Promise<void>;
  cancelWalkForward(): void;
  loadSample: DatasetLoader['loadSample'];
  loadFiles: DatasetLoader['loadFiles'];
  retryWithMapping: DatasetLoader['retryWithMapping'];
  cancelLoad: DatasetLoader['cancelLoad'];
  clearSaved: DatasetLoader['clearSaved'];
  stop(): void;
}

let session: LabSession | null = null;

export function startLabSession(stores: { params?: ParamsStore; lab?: LabStore; dataset?: DatasetStore } = {}): LabSession {
  if (session) return session;
  const params = stores.params ?? paramsStore;
  const lab = stores.lab ?? labStore;
  const dataset = stores.dataset ?? datasetStore;
  // The session owns the loader, the runner and the grid; the panels' module-level entry points reach these.
  const loader = createDatasetLoader(dataset, params);
  installDatasetLoader(loader);
  const served = (d: Parameters<DatasetLoader['servedPort']>[0]) => loader.servedPort(d);
  const runner = startLabRunner(lab, dataset, { yearBasis: () => params.getState().params.yearBasis, served });
  const grid = createGridRunner({ dataset, lab, params, served });
  const walkForward = createWalkForwardRunner(lab, dataset, { yearBasis: () => params.getState().params.yearBasis, served });
  installGridRunner(grid);
  // The year basis annualises the run's figures and decides which buckets are closed market: a new one re-runs.
  const unsubBasis = params.subscribe((s, prev) => { if (s.params.yearBasis !== prev.params.yearBasis && dataset.getState().dataset) runner.runNow(); });
  void loader.start();
  session = {
    run: () => runner.runNow(),
    cancel: () => runner.cancel(),
    compare: () => runner.compare(),
    grid: (opts) => grid(opts),
    exportSeries: (names) => runner.exportSeries(names),
    fillsPage: (offset, pageSize) => runner.fillsPage(offset, pageSize),
    blotterCsv: () => runner.blotterCsv(),
    intensity: (minDepth, maxDepth) => runner.intensity(minDepth, maxDepth),
    modelBand: () => runner.modelBand(),
    walkForward: (options) => walkForward.run(options),
    cancelWalkForward: () => walkForward.cancel(),
    loadSample: (id, into) => loader.loadSample(id, into),
    loadFiles: (files, options, into) => loader.loadFiles(files, options, into),
    retryWithMapping: (options) => loader.retryWithMapping(options),
    cancelLoad: () => loader.cancelLoad(),
    clearSaved: () => loader.clearSaved(),
    stop: () => { unsubBasis(); runner.stop(); walkForward.stop(); session = null; },
  };
  return session;
}

/** The running session (main.tsx starts it before the first render). */
export function labSession(): LabSession {
  if (!session) throw new Error('The lab session has not started (main.tsx starts it).');
  return session;
}

/** The session if it has started, else null (for components rendered on their own, e.g. in tests). */
export function maybeLabSession(): LabSession | null {
  return session;
}
