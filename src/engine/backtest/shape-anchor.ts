/**
 * The last run's small per-run objects that the optimised event loop checks (its loop state, the fill
 * desk, account, risk log, fill, latency and fee models), kept alive until the next run replaces them.
 * V8 holds the hidden classes (maps) of objects weakly, and optimised code that checks a map depends
 * on it: once every object of a run has died, the next full GC drops those maps and throws away the
 * optimised loop (runChunk, takeFill, applyFill), so the next run starts in unoptimised code. On a page,
 * where the user pauses between runs and the browser collects garbage meanwhile, that was every run:
 * the pipeline over 10^6 ticks took 270 ms of CPU after a full GC against 152 ms without (Node 20,
 * --trace-deopt "weak objects"). Only small objects are kept: the caller cuts their references to a
 * run's big arrays first (cutRunArrays), so this holds kilobytes, not a run.
 */
const kept = new Map<string, readonly object[]>();

/** Keeps `objects` alive under `slot` until the next call for that slot. */
export function keepShapes(slot: string, objects: readonly object[]): void {
  kept.set(slot, objects);
}

/** The objects kept under `slot` (tests check that they hold no big arrays). */
export function keptShapes(slot: string): readonly object[] {
  return kept.get(slot) ?? [];
}
