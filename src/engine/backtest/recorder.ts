import type { BacktestSeries } from './types';

/**
 * The per-tick outputs the event loop writes. Time and mid are the input's own columns (never
 * copied); cash is not stored: it is equity − inventory · mid (cashOf), derived when read.
 */
export type RunOutputs = Omit<BacktestSeries, 'time' | 'mid' | 'cash'>;

const NO_REGIME = new Float64Array(0);

/**
 * Preallocated per-tick outputs of a run: 6 columns, 48 bytes per tick; 5 (40 bytes) when the
 * strategy reports no regime (`regime` false): the regime column is then all NaN, made only if read.
 */
export function createOutputs(n: number, regime = true): RunOutputs {
  return {
    fairValue: new Float64Array(n), bid: new Float64Array(n), ask: new Float64Array(n),
    inventory: new Float64Array(n), equity: new Float64Array(n), regime: regime ? new Float64Array(n) : NO_REGIME,
  };
}

/**
 * A column of n NaNs with every page written now. Fresh memory is mapped on first write, a page fault
 * per 4 KiB (~11–22 µs each in this lab's VMs: ~0.4 s per 10^7-tick column), so a caller with time to
 * spare takes them here: the lab worker, while the dataset worker copies the columns to it. NaN, not 0:
 * a run that failed to write a tick would show it (the loop writes every tick of every column).
 */
export function prefaultedColumn(n: number): Float64Array {
  return new Float64Array(n).fill(NaN);
}

/** createOutputs(n, false) with every column written through (prefaultedColumn). */
export function prefaultedOutputs(n: number): RunOutputs {
  return { fairValue: prefaultedColumn(n), bid: prefaultedColumn(n), ask: prefaultedColumn(n), inventory: prefaultedColumn(n), equity: prefaultedColumn(n), regime: NO_REGIME };
}

/** Series whose regime column is not stored (all NaN, made on first read). */
const unrecorded = new WeakSet<object>();

/** Whether `s.regime` holds a strategy's regimes; false when it is the all-NaN column of a strategy without them (reading it would make n NaNs). */
export function hasRegimeColumn(s: object): boolean {
  return !unrecorded.has(s);
}

/** `target.regime` as an all-NaN column of n ticks, made (once) only if read. */
export function defineNoRegime<T extends object>(target: T, n: number): T & { regime: Float64Array } {
  let col: Float64Array | undefined;
  Object.defineProperty(target, 'regime', { enumerable: true, configurable: true, get: () => (col ??= new Float64Array(n).fill(NaN)) });
  unrecorded.add(target);
  return target as T & { regime: Float64Array };
}

/**
 * Cash of ticks [0, n), quote currency: equity − inventory · mid. The loop records equity as
 * cash + inventory · mid, so this is the account's cash to within half an ulp of the equity.
 */
export function cashOf(s: Pick<BacktestSeries, 'equity' | 'inventory' | 'mid'>, from = 0, to = s.equity.length): Float64Array {
  const out = new Float64Array(to - from);
  for (let i = from; i < to; i++) out[i - from] = s.equity[i] - s.inventory[i] * s.mid[i];
  return out;
}

/**
 * `target` gains an enumerable `cash` column derived on first read (cashOf over its ticks), kept
 * once derived when `keep`; a live series (still being written) derives it afresh at every read.
 */
export function defineCash<T extends Pick<BacktestSeries, 'equity' | 'inventory' | 'mid'>>(target: T, keep: boolean): T & { cash: Float64Array } {
  let cash: Float64Array | undefined;
  Object.defineProperty(target, 'cash', {
    enumerable: true,
    configurable: true,
    get: () => (keep ? (cash ??= cashOf(target)) : cashOf(target)),
  });
  return target as T & { cash: Float64Array };
}

/**
 * The live series of a run: its outputs beside the input's time and mid (shared, read-only); with
 * `recordRegime` false its regime column is the all-NaN one (defineNoRegime), whatever `out` holds.
 */
export function withInput(out: RunOutputs, time: Float64Array, mid: Float64Array, recordRegime = true): BacktestSeries {
  const s = { time, mid, fairValue: out.fairValue, bid: out.bid, ask: out.ask, inventory: out.inventory, equity: out.equity };
  return defineCash(recordRegime ? { ...s, regime: out.regime } : defineNoRegime(s, time.length), false);
}

/**
 * A run's output columns, to be written over by a later run (runBacktestInto's `reuse`); the
 * regime column only when it is stored (an unstored one would be made, n NaNs, by reading it).
 */
export function outputsOf(s: BacktestSeries): RunOutputs {
  return { fairValue: s.fairValue, bid: s.bid, ask: s.ask, inventory: s.inventory, equity: s.equity, regime: hasRegimeColumn(s) ? s.regime : NO_REGIME };
}

/** Preallocated per-tick series including time and mid columns of their own (e.g. for a caller that fills them). */
export function createSeries(n: number): BacktestSeries {
  return {
    time: new Float64Array(n), mid: new Float64Array(n), fairValue: new Float64Array(n),
    bid: new Float64Array(n), ask: new Float64Array(n), inventory: new Float64Array(n),
    cash: new Float64Array(n), equity: new Float64Array(n), regime: new Float64Array(n),
  };
}

/** Views of the first n ticks of every output column (no copy). */
export function viewOutputs(s: RunOutputs, n: number): RunOutputs {
  return {
    fairValue: s.fairValue.subarray(0, n), bid: s.bid.subarray(0, n), ask: s.ask.subarray(0, n),
    inventory: s.inventory.subarray(0, n), equity: s.equity.subarray(0, n), regime: s.regime.length >= n ? s.regime.subarray(0, n) : s.regime,
  };
}

/** Views of the first n ticks of every series (no copy). */
export function viewSeries(s: BacktestSeries, n: number): BacktestSeries {
  return {
    time: s.time.subarray(0, n), mid: s.mid.subarray(0, n), fairValue: s.fairValue.subarray(0, n),
    bid: s.bid.subarray(0, n), ask: s.ask.subarray(0, n), inventory: s.inventory.subarray(0, n),
    cash: s.cash.subarray(0, n), equity: s.equity.subarray(0, n), regime: s.regime.subarray(0, n),
  };
}

/** Copies of ticks [from, to) of every series (copies, so they can be posted without the whole buffer). */
export function sliceSeries(s: BacktestSeries, from: number, to: number): BacktestSeries {
  return {
    time: s.time.slice(from, to), mid: s.mid.slice(from, to), fairValue: s.fairValue.slice(from, to),
    bid: s.bid.slice(from, to), ask: s.ask.slice(from, to), inventory: s.inventory.slice(from, to),
    cash: cashOf(s, from, to), equity: s.equity.slice(from, to), regime: s.regime.slice(from, to),
  };
}

export function growColumn(a: Float64Array, cap: number): Float64Array<ArrayBuffer> {
  const b = new Float64Array(cap);
  b.set(a);
  return b;
}
