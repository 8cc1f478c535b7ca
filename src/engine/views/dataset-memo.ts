/** Entries kept per dataset: each view's figures for a few settings at a time (e.g. K = 2 and K = 3 side by side). */
const PER_DATASET = 12;

const memos = new WeakMap<Float64Array, { time: Float64Array; entries: Map<string, unknown> }>();

/**
 * A view's figures that depend only on the dataset and the view's settings, not on the run (e.g. the
 * regimes refitted for a strategy without its own), computed once per (dataset, key): each re-run on
 * the same data with other strategy settings then skips the refit, the Viterbi decoding and the
 * calibration by regime. Kept beside the dataset's `mid` column and dropped with it (WeakMap); the
 * few most recently used keys only. What `compute` returns is shared between calls: read-only.
 */
export function memoOnDataset<T>(time: Float64Array, mid: Float64Array, key: string, compute: () => T): T {
  let memo = memos.get(mid);
  if (memo === undefined || memo.time !== time) {
    memo = { time, entries: new Map() };
    memos.set(mid, memo);
  }
  const { entries } = memo;
  if (entries.has(key)) {
    const hit = entries.get(key) as T;
    entries.delete(key); // most recently used last
    entries.set(key, hit);
    return hit;
  }
  const value = compute();
  entries.set(key, value);
  if (entries.size > PER_DATASET) entries.delete(entries.keys().next().value as string);
  return value;
}

/**
 * memoOnDataset for a view returned as it is: a deep copy of the memoised value (structuredClone),
 * because the lab worker transfers the typed arrays of what a view returns, which would detach the
 * memo's own. Views that only read the memo (e.g. the regime view's decoding) use memoOnDataset.
 */
export function memoCopyOnDataset<T>(time: Float64Array, mid: Float64Array, key: string, compute: () => T): T {
  return structuredClone(memoOnDataset(time, mid, key, compute));
}
