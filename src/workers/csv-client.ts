import { transfer } from 'comlink';
import { progress, WorkerBridge } from './bridge';
import type { CsvApi, LoadedDataset, LoadProgress, LoadRequest, LoadResult, SaveTarget } from './csv.worker';

export type { SaveTarget, CsvSource, LoadRequest, LoadResult, LoadProgress, LoadedDataset, LoadFailure, DatasetProblem, CsvParseOptions } from './csv.worker';

export type CsvWorkerFactory = () => Worker;

const defaultFactory: CsvWorkerFactory = () => new Worker(new URL('./csv.worker.ts', import.meta.url), { type: 'module', name: 'mm-lab-csv' });

/** How long a cancelled job may take to stop at its next chunk before its worker is terminated. */
const CANCEL_GRACE_MS = 300;

/**
 * The main thread's handle on the dataset (CSV) worker, on a WorkerBridge (started lazily; a
 * crash rejects the load with a WorkerExitError). `load` resolves with the worker's LoadResult;
 * cancelling asks the worker to stop at its next chunk and, if it has not within CANCEL_GRACE_MS,
 * terminates it (the next load starts a fresh one). The worker keeps the dataset it loaded:
 * `connect` hands out a MessagePort through which a lab or grid worker takes its own copy.
 */
export class CsvClient {
  private nextId = 1;
  readonly bridge: WorkerBridge<CsvApi>;

  constructor(factory: CsvWorkerFactory = defaultFactory) {
    this.bridge = new WorkerBridge<CsvApi>({ name: 'dataset', create: factory });
  }

  load(req: LoadRequest, opts: { signal?: AbortSignal; onProgress?: (p: LoadProgress) => void } = {}): Promise<LoadResult> {
    const { signal } = opts;
    if (signal?.aborted) return Promise.resolve({ ok: false, cancelled: true });
    const id = this.nextId++;
    const onProgress = progress(opts.onProgress);
    const owned = req.type === 'files' ? [req.quotes, req.trades].flatMap((s) => (s instanceof Uint8Array ? [s.buffer as ArrayBuffer] : [])) : [];
    const call = this.bridge.call<LoadResult>((api) => api.load(id, owned.length ? transfer(req, owned) : req, onProgress) as Promise<LoadResult>);
    if (!signal) return call;
    return new Promise<LoadResult>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const onAbort = () => {
        void this.bridge.call((api) => api.cancel(id)).catch(() => undefined);
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

  /** The dataset the worker saved at `target`, or null (the worker keeps it for serving too). */
  restore(target: SaveTarget): Promise<LoadedDataset | null> {
    return this.bridge.call((api) => api.restore(target));
  }

  /** A port answering the held dataset's columns (servedDatasetApi): give it to a lab or grid worker. */
  async connect(): Promise<MessagePort> {
    const channel = new MessageChannel();
    await this.bridge.call((api) => api.serve(transfer(channel.port1, [channel.port1])));
    return channel.port2;
  }

  /** Whether the worker holds a dataset to serve, its rows, and the bytes it has served to other workers. */
  heldInfo(): Promise<{ held: boolean; rows: number; bytesServed: number }> {
    return this.bridge.call((api) => api.heldInfo());
  }

  terminate(): void {
    this.bridge.terminate();
  }
}
