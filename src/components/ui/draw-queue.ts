/**
 * One chart draw per macrotask, page-wide. Each drawing is one synchronous React commit, so
 * charts that all get new data at once (a panel of four or five) must not draw in the same task.
 * Each chart owns one slot: asking again while it waits keeps its place (it draws its latest data
 * when its turn comes), and a cancelled slot leaves the queue at once, so frequent updates (a
 * streaming run, a playing replay) never pile up stale turns.
 */

export interface DrawSlot {
  /** Queue this slot's draw unless it is already waiting. */
  request(): void;
  /** Leave the queue (no-op when not waiting). */
  cancel(): void;
}

/** Pause between two draws, ms: lets the browser paint and handle input in between. */
export const DRAW_GAP_MS = 16;

interface Entry { draw: () => void; waiting: boolean }
const queue: Entry[] = [];
let timer: ReturnType<typeof setTimeout> | null = null;
let idleWaiters: Array<() => void> = [];
/** performance.now() of the last request or draw, ms. */
let lastActivity = -Infinity;

function pump() {
  timer = null;
  const next = queue.shift();
  if (!next) {
    const w = idleWaiters;
    idleWaiters = [];
    for (const f of w) f();
    return;
  }
  next.waiting = false;
  lastActivity = performance.now();
  next.draw();
  timer = setTimeout(pump, DRAW_GAP_MS);
}

export function drawSlot(draw: () => void): DrawSlot {
  const entry: Entry = { draw, waiting: false };
  return {
    request() {
      if (entry.waiting) return;
      entry.waiting = true;
      lastActivity = performance.now();
      queue.push(entry);
      timer ??= setTimeout(pump, 0);
    },
    cancel() {
      if (!entry.waiting) return;
      entry.waiting = false;
      queue.splice(queue.indexOf(entry), 1);
    },
  };
}

/** Draws waiting now (for tests and the benchmark harness). */
export function pendingDraws(): number {
  return queue.length;
}

/** Resolves once no draw is waiting or running (immediately when idle). */
export function whenDrawsIdle(): Promise<void> {
  if (timer === null && queue.length === 0) return Promise.resolve();
  return new Promise((resolve) => { idleWaiters.push(resolve); });
}

/**
 * Resolves once no draw has been asked for or run for `quietMs`, counted from the call at the
 * earliest (charts ask to draw a little after their data arrives or they scroll into view:
 * deferred renders, viewport observers).
 */
export async function whenDrawsSettled(quietMs = 300): Promise<void> {
  // Quiet counts from the call too: a chart that just came into view may not have asked yet.
  const start = performance.now();
  for (;;) {
    await whenDrawsIdle();
    const since = performance.now() - Math.max(lastActivity, start);
    if (since >= quietMs) return;
    await new Promise((r) => setTimeout(r, quietMs - since));
  }
}
