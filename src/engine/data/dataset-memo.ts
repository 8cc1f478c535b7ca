/** Entries kept per dataset: each view's figures for a few settings at a time (e.g. K = 2 and K = 3 side by side). */
const PER_DATASET = 12;
/** Entries holding a column per tick (4–8 bytes per tick each: 40–80 MB at 10^7 ticks), kept per dataset. */
const PER_DATASET_PER_TICK = 2;

interface DatasetMemo {
  time: Float64Array;
  entries: Map<string, unknown>;
  perTick: Map<string, unknown>;
}

const memos = new WeakMap<Float64Array, DatasetMemo>();

function memoOf(time: Float64Array, mid: Float64Array): DatasetMemo {
  let memo = memos.get(mid);
  if (memo === undefined || memo.time !== time) {
    memo = { time, entries: new Map(), perTick: new Map() };
    memos.set(mid, memo);
  }
  return memo;
}

/** The value under `key`, computed on a miss; the `cap` most recently used keys kept. */
function lookUp<T>(entries: Map<string, unknown>, key: string, cap: number, compute: () => T): T {
  if (entries.has(key)) {
    const hit = entries.get(key) as T;
    entries.delete(key); // most recently used last
    entries.set(key, hit);
    return hit;
  }
  const value = compute();
  entries.set(key, value);
  if (entries.size > cap) entries.delete(entries.keys().next().value as string);
  return value;
}

/**
 * Figures that depend only on the dataset and some settings, not on the run (the regime model a
 * strategy fits on the data's prefix, the Kalman fair value's fit, a view's refitted regimes),
 * computed once per (dataset, key): each re-run on the same data with other strategy settings then
 * skips the fit, the decoding and the calibration by regime. Kept beside the dataset's `mid` column
 * and dropped with it (WeakMap); the few most recently used keys only. What `compute` returns is
 * shared between calls: read-only.
 */
export function memoOnDataset<T>(time: Float64Array, mid: Float64Array, key: string, compute: () => T): T {
  return lookUp(memoOf(time, mid).entries, key, PER_DATASET, compute);
}

/**
 * memoOnDataset for a value holding a column per tick (e.g. a Viterbi path): only the two most
 * recently used keys are kept, so a user stepping through settings does not pile up columns.
 */
export function memoPerTickOnDataset<T>(time: Float64Array, mid: Float64Array, key: string, compute: () => T): T {
  return lookUp(memoOf(time, mid).perTick, key, PER_DATASET_PER_TICK, compute);
}

/**
 * memoOnDataset for a view returned as it is: a deep copy of the memoised value (structuredClone),
 * because the lab worker transfers the typed arrays of what a view returns, which would detach the
 * memo's own. Views that only read the memo (e.g. the regime view's decoding) use memoOnDataset.
 */
export function memoCopyOnDataset<T>(time: Float64Array, mid: Float64Array, key: string, compute: () => T): T {
  return structuredClone(memoOnDataset(time, mid, key, compute));
}

/** The numbers of typed arrays as a memo key part: exact (a double's shortest round-trip decimal). */
export function valuesKey(...arrays: ArrayLike<number>[]): string {
  return arrays.map((a) => Array.prototype.join.call(a, ',')).join(';');
}
