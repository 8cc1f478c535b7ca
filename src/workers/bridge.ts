import { proxy, releaseProxy, transfer, wrap, type Remote } from 'comlink';
import { transferList } from './transfer-list';
import { watchLiveness } from './liveness';

/**
 * The one way the page talks to a worker. A WorkerBridge starts its worker on the first call
 * (lazy), terminates it when a call's AbortSignal fires (a synchronous engine loop cannot be
 * interrupted any other way), notices a worker that died (an uncaught error, a script that failed
 * to load, a message that could not be read) and rejects every call in flight with a clear error,
 * and optionally shuts an idle worker down. The next call after any of these starts a fresh worker,
 * which `onStart` can seed (e.g. hand it its dataset again).
 *
 * Worker files only expose engine calls (comlink `expose`); arguments and results move by transfer
 * (`moving`), progress comes back through `progress` (a comlink proxy).
 */

/** Rejection of a call that a newer one replaced or the user cancelled. */
export class AbortedError extends Error {
  constructor(message = 'The run was cancelled') {
    super(message);
    this.name = 'AbortError';
  }
}

export function isAborted(e: unknown): boolean {
  return e instanceof Error && e.name === 'AbortError';
}

/** Rejection of a call whose worker stopped under it (crashed, failed to load, or was shut down). */
export class WorkerExitError extends Error {
  constructor(worker: string, detail: string) {
    super(`The ${worker} worker stopped: ${detail}. The next call starts a fresh one.`);
    this.name = 'WorkerExitError';
  }
}

export interface BridgeOptions<Api> {
  /** Shown in errors, e.g. "lab". */
  name: string;
  create: () => Worker;
  /** Terminate the worker after this long with no call in flight, ms (omit: keep it). */
  idleMs?: number;
  /** Runs once on every freshly started worker before the first call reaches it. */
  onStart?: (api: Remote<Api>) => Promise<void>;
  /**
   * Also notice the worker's thread ending without an 'error' event (it closed itself, or was killed):
   * the worker's entry must call `holdLiveness(self)` (liveness.ts). Calls wait until it holds its lock.
   */
  liveness?: boolean;
}

interface Live<Api> {
  worker: Worker;
  remote: Remote<Api>;
  /** Settles once onStart has run; null when there is none (calls then go out at once, so transfers detach synchronously). */
  ready: Promise<void> | null;
  /** Rejects every call in flight on this worker. */
  fail: Set<(e: Error) => void>;
  /** Stops the liveness watch, if any, before the page terminates the worker itself. */
  unwatch: () => void;
}

export class WorkerBridge<Api> {
  private live: Live<Api> | null = null;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly opts: BridgeOptions<Api>;
  /** Workers started so far (a test can see a fresh one was started after a crash or a cancel). */
  starts = 0;

  constructor(opts: BridgeOptions<Api>) {
    this.opts = opts;
  }

  get running(): boolean {
    return this.live !== null;
  }

  private start(): Live<Api> {
    if (this.live) return this.live;
    const worker = this.opts.create();
    const remote = wrap<Api>(worker);
    const live: Live<Api> = { worker, remote, ready: null, fail: new Set(), unwatch: () => undefined };
    const died = (detail: string) => {
      if (this.live !== live) return;
      this.stop(new WorkerExitError(this.opts.name, detail));
    };
    worker.addEventListener('error', (e: ErrorEvent) => { e.preventDefault?.(); died(e.message || 'it raised an error it did not catch (or its script failed to load)'); });
    worker.addEventListener('messageerror', () => died('a message from it could not be read'));
    this.live = live;
    this.starts++;
    const { onStart } = this.opts;
    if (this.opts.liveness) {
      const watch = watchLiveness(worker, () => died('its thread ended without reporting an error (it closed or was killed)'));
      live.unwatch = watch.stop;
      live.ready = onStart ? watch.held.then(() => onStart(remote)) : watch.held;
    } else if (onStart) live.ready = onStart(remote);
    return live;
  }

  /**
   * Runs `fn` on the worker. Rejects with an AbortedError as soon as `signal` aborts (terminating
   * the worker, so every other call on it rejects the same way), with a WorkerExitError if the worker
   * dies first; a late result of a call that was rejected is dropped.
   */
  call<R>(fn: (api: Remote<Api>) => Promise<R>, signal?: AbortSignal): Promise<R> {
    if (signal?.aborted) return Promise.reject(new AbortedError());
    clearTimeout(this.idleTimer);
    const live = this.start();
    return new Promise<R>((resolve, reject) => {
      let settled = false;
      const settle = (f: () => void) => {
        if (settled) return;
        settled = true;
        live.fail.delete(fail);
        signal?.removeEventListener('abort', onAbort);
        f();
        if (live.fail.size === 0 && this.live === live) this.scheduleIdle();
      };
      const fail = (e: Error) => settle(() => reject(e));
      const onAbort = () => { fail(new AbortedError()); this.stop(new AbortedError()); };
      live.fail.add(fail);
      signal?.addEventListener('abort', onAbort, { once: true });
      let sent: Promise<R>;
      try {
        sent = live.ready ? live.ready.then(() => fn(live.remote)) : fn(live.remote);
      } catch (e) {
        sent = Promise.reject(e);
      }
      sent.then(
        (v) => settle(() => resolve(v)),
        (e: unknown) => settle(() => reject(e)),
      );
    });
  }

  private scheduleIdle(): void {
    if (this.opts.idleMs === undefined) return;
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => { if (this.live && this.live.fail.size === 0) this.stop(new WorkerExitError(this.opts.name, 'it was idle')); }, this.opts.idleMs);
  }

  private stop(reason: Error): void {
    const live = this.live;
    if (!live) return;
    this.live = null;
    clearTimeout(this.idleTimer);
    live.unwatch();
    for (const f of [...live.fail]) f(reason);
    live.remote[releaseProxy]();
    live.worker.terminate();
  }

  /** Stops the worker now; calls in flight reject with an AbortedError; the next call starts a fresh one. */
  terminate(): void {
    this.stop(new AbortedError('The worker was stopped'));
  }
}

/** A callback the worker may call back (progress, partial results): a comlink proxy, or undefined. */
export function progress<F extends (...args: never[]) => unknown>(fn: F | undefined): F | undefined {
  return fn ? proxy(fn) : undefined;
}

/** `value` marked to move its typed arrays' buffers to the other thread (the sender's arrays are detached). */
export function moving<T>(value: T): T {
  return transfer(value, transferList(value));
}
