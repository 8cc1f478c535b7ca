import type { Remote } from 'comlink';
import type { EngineApi, ProgressFn, QuoteSweepRequest, QuoteSweepResult } from './engine-api';
import { moving, progress, WorkerBridge } from './bridge';

export { AbortedError, isAborted } from './bridge';

export type WorkerFactory = () => Worker;

/** A fresh engine worker (the default factory). */
export const defaultEngineWorker: WorkerFactory = () => new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'mm-lab-engine' });

/**
 * One engine worker on a WorkerBridge (lazy start; an aborted call terminates it and the next call
 * starts a fresh one; a crashed worker rejects its calls). Give each independent lane its own client.
 */
export class EngineClient {
  readonly bridge: WorkerBridge<EngineApi>;

  constructor(factory: WorkerFactory = defaultEngineWorker) {
    this.bridge = new WorkerBridge<EngineApi>({ name: 'engine', create: factory, idleMs: 60_000 });
  }

  call<R>(fn: (api: Remote<EngineApi>) => Promise<R>, signal?: AbortSignal): Promise<R> {
    return this.bridge.call(fn, signal);
  }

  /** Quote sweep in the worker; `req.values` is transferred (the caller's array is detached). */
  sweepQuotes(req: QuoteSweepRequest, opts: { signal?: AbortSignal; onProgress?: ProgressFn } = {}): Promise<QuoteSweepResult> {
    const onProgress = progress(opts.onProgress);
    return this.call((api) => api.sweepQuotes(moving(req), onProgress), opts.signal);
  }

  terminate(): void {
    this.bridge.terminate();
  }
}

/**
 * Latest wins: each `run` aborts the previous one still in flight, so a dragged slider only
 * ever pays for its newest position. The replaced run rejects with an AbortError.
 */
export class LatestRunner {
  private controller: AbortController | null = null;
  readonly client: EngineClient;

  constructor(client: EngineClient = new EngineClient()) {
    this.client = client;
  }

  run<R>(fn: (client: EngineClient, signal: AbortSignal) => Promise<R>): Promise<R> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    return fn(this.client, controller.signal).finally(() => {
      if (this.controller === controller) this.controller = null;
    });
  }

  cancel(): void {
    this.controller?.abort();
    this.controller = null;
  }

  get busy(): boolean {
    return this.controller !== null;
  }
}
