import { proxy, releaseProxy, transfer, wrap, type Remote } from 'comlink';
import type { CsvApi, LoadedDataset, LoadProgress, LoadRequest, LoadResult, SaveTarget } from './csv.worker';

export type { SaveTarget, CsvSource, LoadRequest, LoadResult, LoadProgress, LoadedDataset, LoadFailure, DatasetProblem, CsvParseOptions } from './csv.worker';

export type CsvWorkerFactory = () => Worker;

const defaultFactory: CsvWorkerFactory = () => new Worker(new URL('./csv.worker.ts', import.meta.url), { type: 'module', name: 'mm-lab-csv' });

/** How long a cancelled job may take to stop at its next chunk before its worker is terminated. */
const CANCEL_GRACE_MS = 300;

/**
 * The main thread's handle on the CSV worker (started lazily). `load` resolves with the
 * worker's LoadResult; cancelling asks the worker to stop at its next chunk and, if it has
 * not within CANCEL_GRACE_MS, terminates it (the next load starts a fresh one).
 */
export class CsvClient {
  private worker: Worker | null = null;
  private remote: Remote<CsvApi> | null = null;
  private nextId = 1;
  private readonly factory: CsvWorkerFactory;

  constructor(factory: CsvWorkerFactory = defaultFactory) {
    this.factory = factory;
  }

  private api(): Remote<CsvApi> {
    if (!this.remote) {
      this.worker = this.factory();
      this.remote = wrap<CsvApi>(this.worker);
    }
    return this.remote;
  }

  load(req: LoadRequest, opts: { signal?: AbortSignal; onProgress?: (p: LoadProgress) => void } = {}): Promise<LoadResult> {
    const { signal, onProgress } = opts;
    if (signal?.aborted) return Promise.resolve({ ok: false, cancelled: true });
    const api = this.api();
    const id = this.nextId++;
    const progress = onProgress ? proxy(onProgress) : undefined;
    const owned = req.type === 'files' ? [req.quotes, req.trades].flatMap((s) => (s instanceof Uint8Array ? [s.buffer as ArrayBuffer] : [])) : [];
    const call = api.load(id, owned.length ? transfer(req, owned) : req, progress);
    if (!signal) return call;
    return new Promise<LoadResult>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const onAbort = () => {
        void api.cancel(id).catch(() => undefined);
        timer = setTimeout(() => {
          this.terminate();
          resolve({ ok: false, cancelled: true });
        }, CANCEL_GRACE_MS);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      call.then(
        (r) => {
          clearTimeout(timer);
          signal.removeEventListener('abort', onAbort);
          resolve(signal.aborted ? { ok: false, cancelled: true } : r);
        },
        (e: unknown) => {
          clearTimeout(timer);
          signal.removeEventListener('abort', onAbort);
          if (signal.aborted) resolve({ ok: false, cancelled: true });
          else reject(e);
        },
      );
    });
  }

  /** The dataset the worker saved at `target`, or null. */
  restore(target: SaveTarget): Promise<LoadedDataset | null> {
    return this.api().restore(target);
  }

  terminate(): void {
    if (this.remote) this.remote[releaseProxy]();
    this.worker?.terminate();
    this.worker = null;
    this.remote = null;
  }
}
