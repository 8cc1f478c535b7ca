import type { GridProgress } from '../engine';
import { datasetStore, type DatasetStore } from './dataset-store';
import { cancelLoad, clearSavedData, loadFiles, loadSample, retryWithMapping, servedPort, startDatasetSession } from './dataset-loader';
import { runGammaKappaGrid } from './grid-runner';
import { labStore, type LabStore } from './lab-store';
import { startLabRunner, type LabRunner } from './lab-runner';
import { paramsStore, type ParamsStore } from './params-store';

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
  grid: typeof runGammaKappaGrid;
  exportSeries: LabRunner['exportSeries'];
  loadSample: typeof loadSample;
  loadFiles: typeof loadFiles;
  retryWithMapping: typeof retryWithMapping;
  cancelLoad: typeof cancelLoad;
  clearSaved: typeof clearSavedData;
  stop(): void;
}

let session: LabSession | null = null;

export function startLabSession(stores: { params?: ParamsStore; lab?: LabStore; dataset?: DatasetStore } = {}): LabSession {
  if (session) return session;
  const params = stores.params ?? paramsStore;
  const lab = stores.lab ?? labStore;
  const dataset = stores.dataset ?? datasetStore;
  const runner = startLabRunner(lab, dataset, {
    yearBasis: () => params.getState().params.yearBasis,
    served: servedPort,
  });
  void startDatasetSession(dataset);
  session = {
    run: () => runner.runNow(),
    cancel: () => runner.cancel(),
    compare: () => runner.compare(),
    grid: (opts?: { n?: number; signal?: AbortSignal; onProgress?: (p: GridProgress) => void }) => runGammaKappaGrid(opts),
    exportSeries: (names) => runner.exportSeries(names),
    loadSample: (id, store) => loadSample(id, store ?? dataset),
    loadFiles: (files, options, store) => loadFiles(files, options, store ?? dataset),
    retryWithMapping,
    cancelLoad,
    clearSaved: clearSavedData,
    stop: () => { runner.stop(); session = null; },
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
