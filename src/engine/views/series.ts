import { gather, minMaxIndices } from '../series';
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
  const pI = minMaxIndices(mid, buckets);
  const iI = minMaxIndices(inventory, buckets);
  const e0 = n > 0 ? equity[0] : 0;
  // PnL = equity − e0 is a shift of equity, so equity's min-max indices are PnL's. No full-length
  // temporaries (this runs every 250 ms while a 10^7-tick run streams): one pass finds the deepest
  // drawdown, a second writes PnL, drawdown and buy-and-hold at the kept indices only.
  let peak = -Infinity;
  let deepest = 0, deepestDd = 0;
  for (let i = 0; i < n; i++) {
    const v = equity[i] - e0;
    if (v > peak) peak = v;
    if (v - peak < deepestDd) { deepestDd = v - peak; deepest = i; }
  }
  // PnL's min-max points need not hold the deepest drawdown (a bucket's low can follow a new peak): keep it too.
  const eI = withIndex(minMaxIndices(equity, buckets), deepest, n);
  const m = eI.length;
  const pnlAt = new Float64Array(m), ddAt = new Float64Array(m), bhAt = new Float64Array(m);
  peak = -Infinity;
  for (let k = 0, i = 0; k < m; k++) {
    const at = eI[k];
    for (; i <= at; i++) { const v = equity[i] - e0; if (v > peak) peak = v; }
    pnlAt[k] = equity[at] - e0;
    ddAt[k] = pnlAt[k] - peak;
    bhAt[k] = buyHoldSpec === null ? NaN : buyAndHoldAt(buyHoldSpec, mid[at]);
  }
  return {
    upTo: n,
    total: r.time.length,
    price: { time: gather(time, pI), mid: gather(mid, pI), fairValue: gather(r.fairValue, pI), bid: gather(r.bid, pI), ask: gather(r.ask, pI), regime: regimeAt(r, pI) },
    inventory: { time: gather(time, iI), inventory: gather(inventory, iI) },
    pnl: { time: gather(time, eI), pnl: pnlAt, buyHold: bhAt, drawdown: ddAt },
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


/** The regime column at `idx`; all NaN, without making the n-length column, for a run whose strategy reports no regime. */
export function regimeAt(r: Pick<BacktestResult, 'regime'>, idx: Int32Array): Float64Array {
  return hasRegimeColumn(r) ? gather(r.regime, idx) : new Float64Array(idx.length).fill(NaN);
}
