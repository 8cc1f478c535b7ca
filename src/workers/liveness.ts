/**
 * Noticing a worker whose thread ended without an 'error' event (it called `self.close()`, or its
 * thread was killed): the Worker object then says nothing and every call on it would wait for ever.
 *
 * The worker holds a Web Lock under a name the page chose, for as long as it lives; the page then
 * asks for the same lock. The lock manager releases a lock when its holder's thread ends, however it
 * ends (Web Locks spec, "agent termination"), so the page's request being granted means the worker is
 * gone. Without Web Locks (Node tests) there is nothing to watch and calls go ahead as before.
 */

const HOLD = 'mmlab-liveness-hold';
const HELD = 'mmlab-liveness-held';

interface HoldMessage { type: typeof HOLD; name: string }
interface HeldMessage { type: typeof HELD; name: string; held: boolean }

function isHold(d: unknown): d is HoldMessage {
  return typeof d === 'object' && d !== null && (d as HoldMessage).type === HOLD && typeof (d as HoldMessage).name === 'string';
}

function isHeld(d: unknown, name: string): d is HeldMessage {
  return typeof d === 'object' && d !== null && (d as HeldMessage).type === HELD && (d as HeldMessage).name === name;
}

function locksOf(nav: { locks?: LockManager } | undefined): LockManager | undefined {
  return nav?.locks;
}

/** What the worker side needs of its global scope (kept structural: this module is also bundled for the page). */
export interface LivenessScope {
  addEventListener(type: 'message', listener: (ev: MessageEvent) => void): void;
  postMessage(message: unknown): void;
  navigator?: { locks?: LockManager };
}

let watched = 0;

export interface LivenessWatch {
  /** Settles once the worker holds its lock (or said it cannot): calls should wait for it. */
  held: Promise<void>;
  /** Stops watching (the page is about to terminate the worker itself). */
  stop(): void;
}

/**
 * Page side: asks `worker` to hold a lock and calls `onGone` once it no longer does. Comlink
 * ignores these messages (they carry no call id), so this shares the worker's port with it.
 */
export function watchLiveness(worker: Worker, onGone: () => void): LivenessWatch {
  const locks = locksOf(typeof navigator === 'undefined' ? undefined : navigator);
  if (!locks) return { held: Promise.resolve(), stop() {} };
  const name = `mmlab-worker-${Date.now().toString(36)}-${(watched++).toString(36)}-${Math.random().toString(36).slice(2)}`;
  const stopper = new AbortController();
  const held = new Promise<void>((resolve) => {
    const onMessage = (ev: MessageEvent) => {
      if (!isHeld(ev.data, name)) return;
      worker.removeEventListener('message', onMessage);
      resolve();
      if (!ev.data.held || stopper.signal.aborted) return;
      // Granted only once the worker's thread has ended; aborted (rejecting) when the page stops it first.
      locks.request(name, { signal: stopper.signal }, () => { if (!stopper.signal.aborted) onGone(); }).catch(() => undefined);
    };
    worker.addEventListener('message', onMessage);
    stopper.signal.addEventListener('abort', () => { worker.removeEventListener('message', onMessage); resolve(); }, { once: true });
  });
  worker.postMessage({ type: HOLD, name } satisfies HoldMessage);
  return { held, stop: () => stopper.abort() };
}

/** Worker side: holds the lock the page names until this thread ends. Call once in the worker's entry. */
export function holdLiveness(scope: LivenessScope): void {
  scope.addEventListener('message', (ev: MessageEvent) => {
    const d: unknown = ev.data;
    if (!isHold(d)) return;
    const locks = locksOf(scope.navigator);
    if (!locks) { scope.postMessage({ type: HELD, name: d.name, held: false } satisfies HeldMessage); return; }
    void locks.request(d.name, () => {
      scope.postMessage({ type: HELD, name: d.name, held: true } satisfies HeldMessage);
      return new Promise<never>(() => undefined); // held for the life of the thread
    });
  });
}
