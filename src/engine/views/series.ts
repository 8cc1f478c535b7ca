import { gather, keptIndices } from '../series';
import { DEEPEST, DEEPEST_DD, makeBuckets, PEAK, scanSegment } from './minmax-scan';
import { hasRegimeColumn, type BacktestResult } from '../backtest';
import { buyAndHoldAt, type BuyAndHold } from '../analytics';

/**
 * Chart-ready views of a run, built where the run is (a worker) so the page only ever receives a
 * few thousand points per series. Plain data (typed arrays and numbers) that transfer can move.
 * Every number here is defined once, in the engine: panels format it, never recompute it.
 */
/**
 * Min-max buckets of a finished run's series → at most 2·125 + 2 points per series, a point per
 * ~2 px of a 500 px plot: what a chart can show, and few enough that the page receives and draws
 * them in a few milliseconds per chart.
 */
export const CHART_BUCKETS = 125;
/** Partial views while a run streams: coarser still, so live redraws stay cheap. */
export const PARTIAL_BUCKETS = 60;

export interface PriceView { time: Float64Array; mid: Float64Array; fairValue: Float64Array; bid: Float64Array; ask: Float64Array; regime: Float64Array }
export interface InventoryView { time: Float64Array; inventory: Float64Array }
export interface PnlView { time: Float64Array; pnl: Float64Array; buyHold: Float64Array; drawdown: Float64Array }

/** The downsampled per-tick series of a (possibly partial) backtest, over ticks [0, upTo). */
export interface RunSeriesView {
  upTo: number;
  total: number;
  price: PriceView;
  inventory: InventoryView;
  pnl: PnlView;
}

/**
 * The buy-and-hold benchmark a PnL curve is drawn against: analytics' BuyAndHold (one order of `size`
 * bought at `entryPrice`, paying `fee` once), drawn with analytics' buyAndHoldAt, the one definition.
 */
export type BuyHoldSpec = Pick<BuyAndHold, 'size' | 'entryPrice' | 'fee'>;

/** The benchmark of a finished run. */
export function buyAndHoldOf(r: Pick<BacktestResult, 'benchmark'>): BuyHoldSpec {
  return r.benchmark;
}

/**
 * Series of ticks [0, upTo) of a result-like set of arrays, min-max downsampled per chart. PnL is
 * equity minus its first value; buy-and-hold is `buyHold`'s curve, NaN while a run streams (its
 * benchmark is only defined once the run has finished).
 */
export function buildSeriesView(r: Pick<BacktestResult, 'time' | 'mid' | 'fairValue' | 'bid' | 'ask' | 'inventory' | 'equity' | 'regime'>, upTo: number, buyHoldSpec: BuyHoldSpec | null, buckets = CHART_BUCKETS): RunSeriesView {
  const n = upTo;
  const time = r.time.subarray(0, n);
  const mid = r.mid.subarray(0, n);
  const equity = r.equity.subarray(0, n);
  const inventory = r.inventory.subarray(0, n);
  const e0 = n > 0 ? equity[0] : 0;
  // PnL = equity − e0 is a shift of equity, so equity's min-max indices are PnL's. One pass over the
  // ticks (this runs after every run, and per strategy in Compare) gives the three series' min-max
  // indices, the deepest drawdown and the drawdown at each kept equity index; no full-length temporaries.
  const { pI, iI, eI, ddE } = n <= 2 * buckets + 2 ? allIndices(equity, e0, n) : minMaxWithDrawdown(mid, inventory, equity, e0, buckets);
  const m = eI.length;
  const pnlAt = new Float64Array(m), bhAt = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const at = eI[k];
    pnlAt[k] = equity[at] - e0;
    bhAt[k] = buyHoldSpec === null ? NaN : buyAndHoldAt(buyHoldSpec, mid[at]);
  }
  return {
    upTo: n,
    total: r.time.length,
    price: { time: gather(time, pI), mid: gather(mid, pI), fairValue: gather(r.fairValue, pI), bid: gather(r.bid, pI), ask: gather(r.ask, pI), regime: regimeAt(r, pI) },
    inventory: { time: gather(time, iI), inventory: gather(inventory, iI) },
    pnl: { time: gather(time, eI), pnl: pnlAt, buyHold: bhAt, drawdown: ddE },
  };
}

/** Sorted indices `idx` with `i` inserted in order (unchanged when present or out of range). */
function withIndex(idx: Int32Array, i: number, n: number): Int32Array {
  if (i < 0 || i >= n) return idx;
  let k = 0;
  while (k < idx.length && idx[k] < i) k++;
  if (idx[k] === i) return idx;
  const out = new Int32Array(idx.length + 1);
  out.set(idx.subarray(0, k), 0);
  out[k] = i;
  out.set(idx.subarray(k), k + 1);
  return out;
}


/** Kept indices of the three series and the drawdown (PnL less its running peak) at each equity index. */
interface KeptIndices { pI: Int32Array; iI: Int32Array; eI: Int32Array; ddE: Float64Array }

/** A series short enough to keep whole: every index, and the drawdown at each. */
function allIndices(equity: Float64Array, e0: number, n: number): KeptIndices {
  const all = Int32Array.from({ length: n }, (_, i) => i);
  const ddE = new Float64Array(n);
  let peak = -Infinity;
  for (let i = 0; i < n; i++) { const v = equity[i] - e0; if (v > peak) peak = v; ddE[i] = v - peak; }
  return { pI: all, iI: all, eI: all, ddE };
}

/**
 * minMaxIndices of mid, inventory and equity (the same buckets: ticks [max(1, ⌊b·n/B⌋), min(n − 1,
 * ⌊(b + 1)·n/B⌋)), with index 0 and n − 1 kept) in one pass, with the deepest drawdown's index
 * inserted among equity's (withIndex) and the drawdown at every kept equity index, recorded when its
 * bucket took it (the running peak up to that tick, as a pass up to each index would give).
 */
function minMaxWithDrawdown(mid: Float64Array, inventory: Float64Array, equity: Float64Array, e0: number, buckets: number): KeptIndices {
  const n = equity.length;
  const price = makeBuckets(buckets), inv = makeBuckets(buckets), eq = makeBuckets(buckets);
  const eqDd = new Float64Array(2 * buckets);
  // The drawdown state: tick 0 (in no bucket) sets the peak.
  const dd0 = Float64Array.of(e0, -Infinity, 0, 0);
  const v0 = equity[0] - e0;
  if (v0 > dd0[PEAK]) dd0[PEAK] = v0;
  const dd0At0 = v0 - dd0[PEAK];
  const series = { mid, inventory, equity };
  const size = n / buckets;
  for (let b = 0; b < buckets; b++) {
    const lo = Math.max(1, Math.floor(b * size));
    const hi = Math.min(n - 1, Math.floor((b + 1) * size));
    if (lo < hi) scanSegment(series, lo, hi, b, price, inv, eq, eqDd, dd0);
  }
  // The last tick (in no bucket either).
  const vLast = equity[n - 1] - e0;
  if (vLast > dd0[PEAK]) dd0[PEAK] = vLast;
  if (vLast - dd0[PEAK] < dd0[DEEPEST_DD]) { dd0[DEEPEST_DD] = vLast - dd0[PEAK]; dd0[DEEPEST] = n - 1; }
  const pI = keptIndices(price.iMin, price.iMax, n), iI = keptIndices(inv.iMin, inv.iMax, n);
  // Equity's, with the drawdown at each: recorded by the scan at the buckets' min and max.
  const eIdx = new Int32Array(2 * buckets + 2), eDd = new Float64Array(2 * buckets + 2);
  let em = 1;
  eDd[0] = dd0At0;
  for (let b = 0; b < buckets; b++) {
    const lo = eq.iMin[b], hi = eq.iMax[b];
    if (lo < 0) continue;
    const first = lo <= hi;
    const a = first ? lo : hi, c = first ? hi : lo;
    if (a > eIdx[em - 1]) { eDd[em] = eqDd[first ? 2 * b : 2 * b + 1]; eIdx[em++] = a; }
    if (c > eIdx[em - 1]) { eDd[em] = eqDd[first ? 2 * b + 1 : 2 * b]; eIdx[em++] = c; }
  }
  if (eIdx[em - 1] !== n - 1) { eDd[em] = vLast - dd0[PEAK]; eIdx[em++] = n - 1; }
  // The deepest drawdown's tick, kept among equity's indices (withIndex).
  const deepest = dd0[DEEPEST];
  let eI: Int32Array = eIdx.slice(0, em), ddE = eDd.slice(0, em);
  const withDeepest = withIndex(eI, deepest, n);
  if (withDeepest !== eI) {
    const k = withDeepest.indexOf(deepest);
    const dd = new Float64Array(ddE.length + 1);
    dd.set(ddE.subarray(0, k), 0);
    dd[k] = dd0[DEEPEST_DD];
    dd.set(ddE.subarray(k), k + 1);
    eI = withDeepest; ddE = dd;
  }
  return { pI, iI, eI, ddE };
}

/** The regime column at `idx`; all NaN, without making the n-length column, for a run whose strategy reports no regime. */
export function regimeAt(r: Pick<BacktestResult, 'regime'>, idx: Int32Array): Float64Array {
  return hasRegimeColumn(r) ? gather(r.regime, idx) : new Float64Array(idx.length).fill(NaN);
}
