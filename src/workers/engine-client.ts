import { proxy, releaseProxy, transfer, wrap, type Remote } from 'comlink';
import type { EngineApi, ProgressFn, QuoteSweepRequest, QuoteSweepResult } from './engine-api';

/** Rejection of a run that a newer one replaced or the user cancelled. */
export class AbortedError extends Error {
  constructor(message = 'The run was cancelled') {
    super(message);
    this.name = 'AbortError';
  }
}

export function isAborted(e: unknown): boolean {
  return e instanceof Error && e.name === 'AbortError';
}

/**
 * Runs `work` unless `signal` is already aborted; an abort while it runs rejects at once with an
 * AbortError after `onAbort` (which terminates the worker: a synchronous engine loop cannot be
 * interrupted any other way), and a late result or error of the aborted work is dropped.
 */
export async function abortable<R>(work: () => Promise<R>, signal: AbortSignal | undefined, onAbort: () => void): Promise<R> {
  if (signal?.aborted) throw new AbortedError();
  if (!signal) return work();
  return new Promise<R>((resolve, reject) => {
    const abort = () => { onAbort(); reject(new AbortedError()); };
    signal.addEventListener('abort', abort, { once: true });
    work().then(
      (v) => { signal.removeEventListener('abort', abort); if (!signal.aborted) resolve(v); },
      (e: unknown) => { signal.removeEventListener('abort', abort); if (!signal.aborted) reject(e); },
    );
  });
}

export type WorkerFactory = () => Worker;

const defaultFactory: WorkerFactory = () => new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'mm-lab-engine' });

/**
 * One engine worker, started lazily. A call given an AbortSignal that fires is rejected at
 * once and its worker terminated (a synchronous engine loop cannot be interrupted any other
 * way); the next call starts a fresh worker. Give each independent lane its own client.
 */
export class EngineClient {
  private worker: Worker | null = null;
  private remote: Remote<EngineApi> | null = null;
  private readonly factory: WorkerFactory;

  constructor(factory: WorkerFactory = defaultFactory) {
    this.factory = factory;
  }

  /** The remote API, starting the worker if needed. */
  api(): Remote<EngineApi> {
    if (!this.remote) {
      this.worker = this.factory();
      this.remote = wrap<EngineApi>(this.worker);
    }
    return this.remote;
  }

  call<R>(fn: (api: Remote<EngineApi>) => Promise<R>, signal?: AbortSignal): Promise<R> {
    return abortable(() => fn(this.api()), signal, () => this.terminate());
  }


  /** Quote sweep in the worker; `req.values` is transferred (the caller's array is detached). */
  sweepQuotes(req: QuoteSweepRequest, opts: { signal?: AbortSignal; onProgress?: ProgressFn } = {}): Promise<QuoteSweepResult> {
    const progress = opts.onProgress ? proxy(opts.onProgress) : undefined;
    return this.call((api) => api.sweepQuotes(transfer(req, [req.values.buffer]), progress), opts.signal);
  }

  terminate(): void {
    if (this.remote) this.remote[releaseProxy]();
    this.worker?.terminate();
    this.worker = null;
    this.remote = null;
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
