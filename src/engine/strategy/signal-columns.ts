/**
 * What a reused signal column (a run's fair-value or regime output column, written over by the next
 * run: backtest/run.ts runBacktestInto) holds: the dataset and the settings it was filled for. A
 * re-run on the same data whose signal settings are unchanged (a new γ, κ, size, fill model…: the
 * lab's slider moves, the grid's cells) finds its signal already there and skips the pass: ~4 ms per
 * 10^6 ticks for the Kalman fair value and the causal regimes.
 * Keyed by the column's buffer: the lab worker and the grid hand in new views of the same buffers.
 */
interface Held {
  time: Float64Array;
  mid: Float64Array;
  key: string;
  byteOffset: number;
  length: number;
}

const held = new WeakMap<ArrayBufferLike, Held>();

/**
 * `col` holding the signal `key` of the dataset (time, mid): as it is when it already does, else
 * filled by `fill` and marked. `key` must name every setting the values depend on, exactly.
 */
export function signalColumn(col: Float64Array, time: Float64Array, mid: Float64Array, key: string, fill: (into: Float64Array) => void): Float64Array {
  if (holdsSignal(col, time, mid, key)) return col;
  held.delete(col.buffer); // a fill that throws leaves the column unmarked
  fill(col);
  held.set(col.buffer, { time, mid, key, byteOffset: col.byteOffset, length: col.length });
  return col;
}

/** Forgets what `col` holds: a run is about to write something else into it. */
export function forgetSignalColumn(col: Float64Array): void {
  held.delete(col.buffer);
}

/** Whether `col` is marked as holding signal `key` of the dataset (signalColumn's test; the tests read it too). */
export function holdsSignal(col: Float64Array, time: Float64Array, mid: Float64Array, key: string): boolean {
  const h = held.get(col.buffer);
  return h !== undefined && h.time === time && h.mid === mid && h.key === key && h.byteOffset === col.byteOffset && h.length === col.length;
}
