import { gcd } from '../util/math';
import { gather, strideIndices } from '../series';
import type { BacktestResult } from '../backtest';
import { referenceMid } from '../data/dataset';
import { priceTolerance } from '../backtest/costs';
import { quoteSkewByInventory, type QuoteSkewByInventory } from './quote-skew';

export interface RunSummaryView {
  metrics: BacktestResult['metrics'];
  attribution: BacktestResult['attribution'];
  benchmark: BacktestResult['benchmark'];
  regimeShares: BacktestResult['regimeShares'];
  riskLog: BacktestResult['riskLog'];
  resolved: BacktestResult['resolved'];
  /** The run's reference mid (engine/data/dataset.ts referenceMid), at which σ converts to and from %/yr. */
  refMid: number;
  fills: number;
  /** Downsampled fills for markers: time, price, side (+1 bought). */
  fillMarks: { time: Float64Array; price: Float64Array; side: Float64Array };
  /**
   * Histogram of inventory (time-weighted by ticks): bin centres (asset units, on the lot grid)
   * and shares (sum 1). See inventoryHistogram.
   */
  inventoryHist: InventoryHistogram;
  /** Quote-centre skew per bin of inventoryHist, from every tick (quote-skew.ts). */
  quoteSkew: QuoteSkewByInventory;
}

/** `market`: the data's best bid and ask when it has quotes (the skew view's at-touch share). */
export function buildSummaryView(r: BacktestResult, market?: { bid: Float64Array; ask: Float64Array }): RunSummaryView {
  const nf = r.fills.time.length;
  const fi = strideIndices(nf, 2000);
  const inventoryHist = inventoryHistogram(r.inventory, r.resolved.lotSize, r.time);
  return {
    metrics: r.metrics,
    attribution: r.attribution,
    benchmark: r.benchmark,
    regimeShares: r.regimeShares,
    riskLog: r.riskLog.slice(0, 200),
    resolved: r.resolved,
    refMid: referenceMid({ mid: r.mid }),
    fills: nf,
    fillMarks: { time: gather(r.fills.time, fi), price: gather(r.fills.price, fi), side: gather(r.fills.side, fi) },
    inventoryHist,
    quoteSkew: quoteSkewByInventory(r, inventoryHist, market, priceTolerance(r.resolved.tickSize)),
  };
}


/** The smallest 1, 2 or 5 × 10^k at least x (x > 0). */
function niceStep(x: number): number {
  const p = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 5, 10]) if (m * p >= x * (1 - 1e-12)) return m * p;
  return 10 * p;
}

/** At most this many bins. */
const MAX_BINS = 41;

/**
 * Inventory histogram on the levels the inventory can take: a bin is a whole number of lots
 * (the lot size, or a 1-2-5 step of the range without one), a multiple of the gcd of the levels
 * reached (orders of 16 lots → bins of 16 lots), so 0 and ± each order size sit at bin centres
 * and no bin straddles two levels; at most 41 bins. Centres are rounded to 12 significant digits
 * (no 2.8e-17 for 0).
 */
export interface InventoryHistogram {
  /** Bin centres, asset units (on the lot grid). */
  centre: Float64Array;
  /** Share of ticks per bin over the whole run (sum 1). */
  share: Float64Array;
  /**
   * For replay: the shares of the ticks up to HIST_CHECKPOINTS + 1 evenly spaced times (row j: ticks
   * at or before t0 + j/HIST_CHECKPOINTS of the span; row-major, centre.length per row; the last row
   * is `share`), so a cursor shows the histogram so far without the per-tick inventory on the page.
   */
  checkpointTime: Float64Array;
  checkpointShare: Float64Array;
  /** The bin rule: level q falls in bin round(round(q / unit) / perBin) − kLo (binOf); for views binned the same way (quote-skew.ts). */
  binning: InventoryBinning;
}

export interface InventoryBinning {
  /** Asset units per whole unit (the lot size, or a 1-2-5 step without one). */
  unit: number;
  /** Units per bin. */
  perBin: number;
  /** Index of the first bin, in bins from 0. */
  kLo: number;
}

/** The histogram bin of inventory level v (see InventoryHistogram.binning). */
export function binOf(v: number, b: InventoryBinning): number {
  return Math.round(Math.round(v / b.unit) / b.perBin) - b.kLo;
}

/** Replay resolution of the inventory histogram: one row per 1/64 of the run's span. */
export const HIST_CHECKPOINTS = 64;

export function inventoryHistogram(inv: Float64Array, lotSize: number, time?: Float64Array): InventoryHistogram {
  const n = inv.length;
  if (n === 0) return { centre: new Float64Array(0), share: new Float64Array(0), checkpointTime: new Float64Array(0), checkpointShare: new Float64Array(0), binning: { unit: 1, perBin: 1, kLo: 0 } };
  // Each pass over the n ticks is a function of its own: a function called once per run whose body is
  // a long loop runs it in on-stack-replacement code (docs/ARCHITECTURE.md, hot loops).
  const ext = extentOf(inv);
  const lo = ext[0], hi = ext[1];
  const unit = lotSize > 0 ? lotSize : hi > lo ? niceStep((hi - lo) / MAX_BINS) : Math.max(Math.abs(hi), 1);
  let g = levelGcd(inv, unit);
  if (g === 0) g = 1;
  const uLo = Math.round(lo / unit), uHi = Math.round(hi / unit);
  const perBin = g * Math.max(1, Math.ceil((Math.floor((uHi - uLo) / g) + 1) / MAX_BINS));
  const kLo = Math.round(uLo / perBin), kHi = Math.round(uHi / perBin);
  const bins = kHi - kLo + 1;
  const binning: InventoryBinning = { unit, perBin, kLo };
  const share = new Float64Array(bins), centre = new Float64Array(bins);
  // Counts, snapshotted (as shares) each time the ticks pass a checkpoint time.
  const C = time !== undefined && time.length === n ? HIST_CHECKPOINTS : 0;
  const t0 = C > 0 ? time![0] : 0, span = C > 0 ? time![n - 1] - t0 : 0;
  const checkpointTime = new Float64Array(C > 0 ? C + 1 : 0);
  for (let j = 0; j < checkpointTime.length; j++) checkpointTime[j] = j === C ? time![n - 1] : t0 + (j / C) * span;
  const checkpointShare = new Float64Array(checkpointTime.length * bins);
  // Ticks [from, to) counted into `share`, then a snapshot at each checkpoint (the ticks before the
  // first tick past it): the segments between checkpoints are found on the time column.
  let from = 0;
  for (let j = 0; j < checkpointTime.length; j++) {
    const to = j < C ? firstPast(time!, checkpointTime[j], from) : n;
    countBins(inv, from, to, binning, share);
    from = to;
    for (let b = 0; b < bins; b++) checkpointShare[j * bins + b] = to > 0 ? share[b] / to : 0;
  }
  if (C === 0) countBins(inv, 0, n, binning, share);
  for (let b = 0; b < bins; b++) {
    centre[b] = Number(((kLo + b) * perBin * unit).toPrecision(12));
    share[b] /= n;
  }
  return { centre, share, checkpointTime, checkpointShare, binning };
}

/** [min, max] of the inventory column. */
function extentOf(inv: Float64Array): [number, number] {
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < inv.length; i++) { const v = inv[i]; if (v < lo) lo = v; if (v > hi) hi = v; }
  return [lo, hi];
}

/** The gcd of the levels reached, in whole units: the inventory changes only at fills, so a level's division is redone only when it changes. */
function levelGcd(inv: Float64Array, unit: number): number {
  let g = 0, prevInv = NaN;
  for (let i = 0; i < inv.length; i++) {
    const v = inv[i];
    if (v === prevInv) continue;
    prevInv = v;
    g = gcd(Math.abs(Math.round(v / unit)), g);
  }
  return g;
}

/** The first index at or after `from` whose time is past `t` (time is sorted: a binary search); time.length when none. */
export function firstPast(time: Float64Array, t: number, from: number): number {
  let lo = from, hi = time.length;
  while (lo < hi) {
    const m = (lo + hi) >>> 1;
    if (time[m] > t) hi = m;
    else lo = m + 1;
  }
  return lo;
}

/** Adds the ticks [from, to) to their bins: each run of one level at once (the inventory changes only at fills). */
function countBins(inv: Float64Array, from: number, to: number, binning: InventoryBinning, share: Float64Array): void {
  let i = from;
  while (i < to) {
    const v = inv[i];
    const start = i;
    i++;
    while (i < to && inv[i] === v) i++;
    share[binOf(v, binning)] += i - start;
  }
}
