import { gather } from '../series';
import { hasRegimeColumn, type BacktestResult } from '../backtest';
import { buyAndHoldAt, type BuyAndHold } from '../analytics';

/**
 * Chart-ready views of a run, built where the run is (a worker) so the page only ever receives a
 * few thousand points per series. Plain data (typed arrays and numbers) that transfer can move.
 * Every number here is defined once, in the engine: panels format it, never recompute it.
 */
/**
 * Min-max buckets of a finished run's series → at most 2·125 + 2 points per series, a point per
 * ~2 px of a 500 px plot. recharts builds objects per point and line on every redraw (~15 µs
 * each here, CPU profile), so this keeps one chart's draw to a few tens of ms (no long tasks).
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
  const pI = new Int32Array(2 * buckets + 2), iI = new Int32Array(2 * buckets + 2), eIdx = new Int32Array(2 * buckets + 2);
  const eDd = new Float64Array(2 * buckets + 2);
  let pm = 1, im = 1, em = 1; // index 0 first in each (the arrays start at 0)
  let peak = -Infinity, deepest = 0, deepestDd = 0;
  const v0 = equity[0] - e0;
  if (v0 > peak) peak = v0;
  eDd[0] = v0 - peak;
  const size = n / buckets;
  for (let b = 0; b < buckets; b++) {
    const lo = Math.max(1, Math.floor(b * size));
    const hi = Math.min(n - 1, Math.floor((b + 1) * size));
    let pMin = Infinity, pMax = -Infinity, pIMin = -1, pIMax = -1;
    let qMin = Infinity, qMax = -Infinity, qIMin = -1, qIMax = -1;
    let eMin = Infinity, eMax = -Infinity, eIMin = -1, eIMax = -1, ddMin = 0, ddMax = 0;
    for (let i = lo; i < hi; i++) {
      const e = equity[i];
      const v = e - e0;
      if (v > peak) peak = v;
      const dd = v - peak;
      if (dd < deepestDd) { deepestDd = dd; deepest = i; }
      const p = mid[i];
      if (p < pMin) { pMin = p; pIMin = i; }
      if (p > pMax) { pMax = p; pIMax = i; }
      const q = inventory[i];
      if (q < qMin) { qMin = q; qIMin = i; }
      if (q > qMax) { qMax = q; qIMax = i; }
      if (e < eMin) { eMin = e; eIMin = i; ddMin = dd; }
      if (e > eMax) { eMax = e; eIMax = i; ddMax = dd; }
    }
    if (pIMin >= 0) { const a = Math.min(pIMin, pIMax), c = Math.max(pIMin, pIMax); if (a > pI[pm - 1]) pI[pm++] = a; if (c > pI[pm - 1]) pI[pm++] = c; }
    if (qIMin >= 0) { const a = Math.min(qIMin, qIMax), c = Math.max(qIMin, qIMax); if (a > iI[im - 1]) iI[im++] = a; if (c > iI[im - 1]) iI[im++] = c; }
    if (eIMin >= 0) {
      const first = eIMin <= eIMax;
      const a = first ? eIMin : eIMax, c = first ? eIMax : eIMin;
      if (a > eIdx[em - 1]) { eDd[em] = first ? ddMin : ddMax; eIdx[em++] = a; }
      if (c > eIdx[em - 1]) { eDd[em] = first ? ddMax : ddMin; eIdx[em++] = c; }
    }
  }
  // The last tick (in no bucket).
  const vLast = equity[n - 1] - e0;
  if (vLast > peak) peak = vLast;
  if (vLast - peak < deepestDd) { deepestDd = vLast - peak; deepest = n - 1; }
  if (pI[pm - 1] !== n - 1) pI[pm++] = n - 1;
  if (iI[im - 1] !== n - 1) iI[im++] = n - 1;
  if (eIdx[em - 1] !== n - 1) { eDd[em] = vLast - peak; eIdx[em++] = n - 1; }
  // The deepest drawdown's tick, kept among equity's indices (withIndex).
  let eI: Int32Array = eIdx.slice(0, em), ddE = eDd.slice(0, em);
  const withDeepest = withIndex(eI, deepest, n);
  if (withDeepest !== eI) {
    const k = withDeepest.indexOf(deepest);
    const dd = new Float64Array(ddE.length + 1);
    dd.set(ddE.subarray(0, k), 0);
    dd[k] = deepestDd;
    dd.set(ddE.subarray(k), k + 1);
    eI = withDeepest; ddE = dd;
  }
  return { pI: pI.slice(0, pm), iI: iI.slice(0, im), eI, ddE };
}

/** The regime column at `idx`; all NaN, without making the n-length column, for a run whose strategy reports no regime. */
export function regimeAt(r: Pick<BacktestResult, 'regime'>, idx: Int32Array): Float64Array {
  return hasRegimeColumn(r) ? gather(r.regime, idx) : new Float64Array(idx.length).fill(NaN);
}
