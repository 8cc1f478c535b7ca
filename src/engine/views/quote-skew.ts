import { binOf, firstPast, type InventoryBinning, type InventoryHistogram } from './summary';

/** Skew below this (bps of mid) is floating-point residue of (bid + ask)/2 − mid, counted as 0. */
export const SKEW_NOISE_BPS = 1e-6;

/**
 * How our quotes leaned with the inventory, on the inventory histogram's bins, from every tick (not
 * the chart's samples): the quote-centre skew (our bid + our ask)/2 − mid in bps of mid, over the ticks
 * quoted on both sides. An inventory-averse maker (AS 2008, eq. 29: r = s − q·γ·σ²·(T − t)) leans
 * against its inventory; a skew of 0 at every level with both quotes at the touch means the lean was
 * smaller than the tick grid, not that the strategy ignores inventory.
 */
export interface QuoteSkewByInventory {
  /** Per bin (the histogram's centres): the mean skew of its two-sided ticks, bps of mid; NaN where it has none. */
  skewBps: Float64Array;
  /** Two-sided ticks per bin. */
  ticks: Float64Array;
  /**
   * For replay: skewBps over the ticks at or before each of the histogram's checkpoint times (row-major,
   * centre.length per row, NaN where a bin has no two-sided tick yet; the last row is skewBps).
   */
  checkpointSkewBps: Float64Array;
  /** Share of the two-sided ticks at which our bid was the market's best bid and our ask its best ask (NaN: none, or no market quotes given). */
  atTouchShare: number;
}

/** The run's per-tick columns the skew is read from. */
export interface SkewInputs {
  time: Float64Array;
  inventory: Float64Array;
  /** Our quotes (NaN: that side not quoted). */
  bid: Float64Array;
  ask: Float64Array;
  mid: Float64Array;
}

/**
 * quoteSkewByInventory over the run's ticks, binned as `hist` (built from the same inventory column).
 * `market` (the data's best bid and ask, when it has quotes) gives atTouchShare; `priceTol` is the
 * tolerance of "at the touch" (costs.ts priceTolerance of the tick size; 0 compares exactly).
 */
export function quoteSkewByInventory(r: SkewInputs, hist: InventoryHistogram, market?: { bid: Float64Array; ask: Float64Array }, priceTol = 0): QuoteSkewByInventory {
  const n = r.inventory.length;
  const bins = hist.centre.length;
  const sum = new Float64Array(bins);
  const ticks = new Float64Array(bins);
  const touch = new Float64Array(1);
  const rows = hist.checkpointTime.length;
  const checkpointSkewBps = new Float64Array(rows * bins);
  const mb = market !== undefined && market.bid.length >= n && market.ask.length >= n ? market.bid : null;
  const ma = mb !== null ? market!.ask : null;
  // Ticks [from, to) into the sums, then a row of means at each checkpoint, as the histogram counts.
  let from = 0;
  for (let j = 0; j < rows; j++) {
    const to = j < rows - 1 ? firstPast(r.time, hist.checkpointTime[j], from) : n;
    skewSpan(r, mb, ma, priceTol, from, to, hist.binning, sum, ticks, touch);
    from = to;
    for (let b = 0; b < bins; b++) checkpointSkewBps[j * bins + b] = ticks[b] > 0 ? sum[b] / ticks[b] : NaN;
  }
  if (rows === 0) skewSpan(r, mb, ma, priceTol, 0, n, hist.binning, sum, ticks, touch);
  const skewBps = new Float64Array(bins);
  let twoSided = 0;
  for (let b = 0; b < bins; b++) {
    skewBps[b] = ticks[b] > 0 ? sum[b] / ticks[b] : NaN;
    twoSided += ticks[b];
  }
  return { skewBps, ticks, checkpointSkewBps, atTouchShare: mb !== null && twoSided > 0 ? touch[0] / twoSided : NaN };
}

/**
 * Adds ticks [from, to) to the per-bin skew sums and two-sided counts (and the at-touch count): each run
 * of one inventory level at once, as the histogram counts (the inventory changes only at fills).
 */
function skewSpan(
  r: SkewInputs, mb: Float64Array | null, ma: Float64Array | null, tol: number, from: number, to: number,
  binning: InventoryBinning, sum: Float64Array, ticks: Float64Array, touch: Float64Array,
): void {
  const { inventory: inv, bid, ask, mid } = r;
  let i = from;
  let atTouch = 0;
  while (i < to) {
    const v = inv[i];
    let s = 0, c = 0;
    do {
      const m = mid[i];
      const centre = (bid[i] + ask[i]) / 2; // NaN when a side is not quoted
      if (Number.isFinite(centre) && m > 0) {
        const k = ((centre - m) / m) * 1e4;
        s += Math.abs(k) < SKEW_NOISE_BPS ? 0 : k;
        c++;
        if (mb !== null && Math.abs(bid[i] - mb[i]) <= tol && Math.abs(ask[i] - ma![i]) <= tol) atTouch++;
      }
      i++;
    } while (i < to && inv[i] === v);
    if (c > 0) {
      const b = binOf(v, binning);
      sum[b] += s;
      ticks[b] += c;
    }
  }
  touch[0] += atTouch;
}
