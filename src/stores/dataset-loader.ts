import { CsvClient, type CsvParseOptions, type CsvSource, type LoadedDataset, type LoadRequest, type LoadResult } from '../workers/csv-client';
import { datasetStore, type DatasetStore } from './dataset-store';
import { clearSaved, COLUMNS_TARGET, loadDatasetRef, loadSavedParams, saveDatasetRef, saveParams } from './dataset-persistence';
import { paramsStore, type ParamsStore } from './params-store';
import { getUrlExtra, setUrlExtra } from './url-sync';
import { DEFAULT_SAMPLE_ID, FILE_SAMPLES, isSampleId, SYNTHETIC_TICKS, syntheticSeed } from './samples';

/** The last file load, so the column-mapping dialog can retry it with a mapping. */
export interface FileLoad {
  quotes: File | Blob;
  quotesName: string;
  trades?: File | Blob;
  tradesName?: string;
}

function baseUrl(path: string): string {
  return new URL(path, document.baseURI).href;
}

/**
 * Loads datasets through the dataset (CSV) worker into a dataset store, one at a time (a new load
 * cancels the one in flight), and keeps IndexedDB and the URL's `sample` key in step. Its state
 * (the worker client, the load in flight, the last files, which dataset the worker holds) lives in
 * the object; the lab session owns the app's one (lab-session.ts).
 */
export function createDatasetLoader(store: DatasetStore = datasetStore, params: ParamsStore = paramsStore, client: CsvClient = new CsvClient()) {
  let current: AbortController | null = null;
  let lastFiles: FileLoad | null = null;
  /** The dataset the dataset worker holds (the last one it loaded or restored), by identity. */
  let heldDataset: LoadedDataset | null = null;
  let started = false;
  let paramsSaveTimer: ReturnType<typeof setTimeout> | undefined;

  async function run(req: LoadRequest, label: string, into: DatasetStore): Promise<LoadResult> {
    current?.abort();
    const ac = new AbortController();
    current = ac;
    into.getState().startLoading(label);
    let r: LoadResult;
    try {
      r = await client.load(req, { signal: ac.signal, onProgress: (p) => into.getState().setProgress(p) });
    } catch (e) {
      // The dataset worker died under the load (WorkerExitError): a failure like any other, named.
      r = { ok: false, cancelled: false, error: { file: label, line: 0, field: '', message: e instanceof Error ? e.message : String(e), code: 'read' } };
    }
    // A worker stopped by a cancel or a crash no longer holds the last dataset: workers then take the page's copy.
    if (!client.bridge.running) heldDataset = null;
    const latest = current === ac;
    if (latest) current = null;
    if (r.ok) { heldDataset = r.dataset; into.getState().setLoaded(r.dataset); }
    else if (r.cancelled) {
      if (latest) into.getState().setCancelled();
    } else into.getState().setFailed(r.error);
    return r;
  }

  const loader = {
    /** Load a built-in sample by id (a Binance pair or "synthetic-<seed>") and name it in the URL. */
    async loadSample(id: string, into: DatasetStore = store): Promise<LoadResult | undefined> {
      const seed = syntheticSeed(id);
      const file = FILE_SAMPLES.find((s) => s.id === id);
      let r: LoadResult;
      if (seed !== undefined) r = await run({ type: 'synthetic', seed, nTicks: SYNTHETIC_TICKS }, `synthetic market, seed ${seed}`, into);
      else if (file) {
        const p = into.getState().policies;
        const options: CsvParseOptions = { badRows: p.badRows, order: p.order };
        r = await run({ type: 'files', name: file.quotes.split('/').pop()!, quotes: { url: baseUrl(file.quotes) }, trades: { url: baseUrl(file.trades) }, tradesName: file.trades.split('/').pop()!, options, tradesOptions: options }, file.label, into);
      } else return undefined;
      if (r.ok) {
        setUrlExtra('sample', id);
        await saveDatasetRef({ v: 1, type: 'sample', sampleId: id }).catch(() => undefined);
      }
      return r;
    },

    /** Load the user's quotes file (and optional trades file); `options` carries a column mapping from the dialog, `tradesOptions` overrides for the trades file. */
    async loadFiles(files: FileLoad, options: CsvParseOptions = {}, into: DatasetStore = store, tradesOptions: CsvParseOptions = {}): Promise<LoadResult> {
      lastFiles = files;
      const p = into.getState().policies;
      const base: CsvParseOptions = { badRows: p.badRows, order: p.order };
      const req: LoadRequest = { type: 'files', name: files.quotesName, quotes: files.quotes as CsvSource, options: { ...base, ...options }, saveTo: COLUMNS_TARGET };
      if (files.trades) {
        req.trades = files.trades;
        req.tradesName = files.tradesName ?? 'trades';
        req.tradesOptions = { ...base, ...tradesOptions };
      }
      const r = await run(req, files.trades ? `${files.quotesName} + ${files.tradesName}` : files.quotesName, into);
      if (r.ok) {
        setUrlExtra('sample', undefined);
        if (r.dataset.saved) await saveDatasetRef({ v: 1, type: 'columns', name: r.dataset.name }).catch(() => undefined);
      }
      return r;
    },

    /** Retry the last file load with a column mapping (from the mapping dialog or the detection report); `tradesOptions` for a pair's trades file. */
    retryWithMapping(options: CsvParseOptions, tradesOptions?: CsvParseOptions): Promise<LoadResult> | undefined {
      return lastFiles ? loader.loadFiles(lastFiles, options, store, tradesOptions) : undefined;
    },

    /** Stop the load in flight (the previous dataset stays). */
    cancelLoad(): void {
      current?.abort();
    },

    /** Forget the saved dataset and parameters (the dataset on screen stays until reload). */
    async clearSaved(): Promise<void> {
      await clearSaved();
    },

    /**
     * How a worker gets `d`'s columns from the dataset worker without the page: a function making a
     * MessagePort to it, or null when the dataset worker does not hold `d` (then the page's copy is used).
     */
    servedPort(d: LoadedDataset): (() => Promise<MessagePort>) | null {
      return d === heldDataset ? () => client.connect() : null;
    },

    /** Bytes of columns the dataset worker has served to other workers (BENCHMARKS.md). */
    traffic(): Promise<{ held: boolean; rows: number; bytesServed: number }> {
      return client.heldInfo();
    },

    /**
     * Start-up (once): the URL's sample wins; else the saved dataset comes back; else the default
     * sample loads. Saved parameters come back when the URL carries none, and are saved on change.
     */
    async start(): Promise<void> {
      if (started) return;
      started = true;
      const urlHasParams = [...new URLSearchParams(window.location.search).keys()].some((k) => k !== 'v' && k !== 'sample');
      if (!urlHasParams) {
        const saved = await loadSavedParams().catch(() => undefined);
        if (saved) params.getState().replaceAll(saved);
      }
      params.subscribe((s, prev) => {
        if (s.params === prev.params) return;
        clearTimeout(paramsSaveTimer);
        paramsSaveTimer = setTimeout(() => void saveParams(s.params).catch(() => undefined), 300);
      });
      const urlSample = getUrlExtra('sample');
      if (urlSample !== undefined && isSampleId(urlSample)) {
        await loader.loadSample(urlSample);
        return;
      }
      if (urlSample !== undefined) setUrlExtra('sample', undefined);
      const ref = await loadDatasetRef().catch(() => undefined);
      if (ref?.type === 'sample' && isSampleId(ref.sampleId)) {
        await loader.loadSample(ref.sampleId);
        return;
      }
      if (ref?.type === 'columns') {
        store.getState().startLoading(`saved dataset ${ref.name}`);
        const d = await client.restore(COLUMNS_TARGET).catch(() => null);
        if (d) {
          heldDataset = d;
          store.getState().setLoaded(d, 'restored');
          return;
        }
      }
      await loader.loadSample(DEFAULT_SAMPLE_ID);
    },
  };
  return loader;
}

export type DatasetLoader = ReturnType<typeof createDatasetLoader>;

/** The app's loader: the lab session's (installDatasetLoader), else one made on first use on the app's stores. */
let appLoader: DatasetLoader | null = null;
export function installDatasetLoader(loader: DatasetLoader): void {
  appLoader = loader;
}
function loaderNow(): DatasetLoader {
  appLoader ??= createDatasetLoader();
  return appLoader;
}

// The panels' entry points, on the app's loader.
export const loadSample = (id: string, store?: DatasetStore) => loaderNow().loadSample(id, store);
export const loadFiles = (files: FileLoad, options?: CsvParseOptions, store?: DatasetStore, tradesOptions?: CsvParseOptions) => loaderNow().loadFiles(files, options, store, tradesOptions);
export const retryWithMapping = (options: CsvParseOptions, tradesOptions?: CsvParseOptions) => loaderNow().retryWithMapping(options, tradesOptions);
export const cancelLoad = () => loaderNow().cancelLoad();
export const clearSavedData = () => loaderNow().clearSaved();
export const servedPort = (d: LoadedDataset) => loaderNow().servedPort(d);
export const datasetTraffic = () => loaderNow().traffic();
export const startDatasetSession = () => loaderNow().start();
