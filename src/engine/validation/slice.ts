import type { MarketData } from '../backtest/types';

/** Tick rows [from, to) of `data` and the trades stamped within [time[from], time[to − 1]]. */
export interface DataRange {
  /** First tick index (inclusive). */
  from: number;
  /** Last tick index + 1. */
  to: number;
  /** time[from], seconds. */
  startSec: number;
  /** time[to − 1], seconds. */
  endSec: number;
}

function firstAtOrAfter(t: ArrayLike<number>, x: number): number {
  let lo = 0, hi = t.length;
  while (lo < hi) { const m = (lo + hi) >> 1; if (t[m] < x) lo = m + 1; else hi = m; }
  return lo;
}

function firstAfter(t: ArrayLike<number>, x: number): number {
  let lo = 0, hi = t.length;
  while (lo < hi) { const m = (lo + hi) >> 1; if (t[m] <= x) lo = m + 1; else hi = m; }
  return lo;
}

function cut(v: ArrayLike<number>, a: number, b: number): ArrayLike<number> {
  if (ArrayBuffer.isView(v)) return (v as unknown as Float64Array).subarray(a, b);
  return Array.prototype.slice.call(v, a, b) as number[];
}

/**
 * The part of `data` in `range`: every per-tick column cut to the rows (views, no copy) and every
 * trade column to the trades inside the range's time span. Columns the engine adds later are cut
 * the same way: per-tick if as long as `time`, per-trade if named trade*.
 */
export function sliceMarketData(data: MarketData, range: DataRange): MarketData {
  const n = data.time.length;
  const nT = data.tradeTime?.length ?? 0;
  const ta = nT > 0 ? firstAtOrAfter(data.tradeTime!, range.startSec) : 0;
  const tb = nT > 0 ? firstAfter(data.tradeTime!, range.endSec) : 0;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(data)) {
    if (v !== null && typeof v === 'object' && typeof (v as ArrayLike<number>).length === 'number') {
      const col = v as ArrayLike<number>;
      if (key.startsWith('trade') && col.length === nT) out[key] = cut(col, ta, tb);
      else if (col.length === n) out[key] = cut(col, range.from, range.to);
      else out[key] = v;
    } else out[key] = v;
  }
  return out as unknown as MarketData;
}

/** The tick range whose times lie in [t0, t1) (t1 = Infinity: to the end). */
export function rangeOfTimes(time: Float64Array, t0: number, t1: number): DataRange {
  const from = firstAtOrAfter(time, t0);
  const to = t1 === Infinity ? time.length : firstAtOrAfter(time, t1);
  return { from, to, startSec: from < to ? time[from] : NaN, endSec: from < to ? time[to - 1] : NaN };
}
