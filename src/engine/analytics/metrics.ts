import { basisHasClosedTime, yearBasisLabel, yearSeconds, type YearBasis } from '../quoting/units';
import { maxDrawdown } from './drawdown';
import { FILL_SPAN } from './spans';
import { bucketWalk, pnlHistogram, sharpeSortino } from './buckets';
import type { BuyAndHold, Metrics, RegimeShare } from './types';
import { sharpeConfidence } from '../stats/sharpe-confidence';
import { sharpePerObservation } from '../stats/moments';
import { defaultResamples } from '../stats/bootstrap';
import { annualisationBlocked, bucketsPerYear, MIN_ANNUALISE_BUCKETS, MIN_ANNUALISE_DAYS, periodFigures, tradingSeconds } from './periods';

export interface MetricsInput {
  time: Float64Array;
  mid: Float64Array;
  inventory: Float64Array;
  equity: Float64Array;
  fills: { side: Float64Array; size: Float64Array; price: Float64Array; midAtFill: Float64Array; midAfter: Float64Array };
  fillCount: number;
  quoteUpdates: number;
  /** Quotes sent (of quoteUpdates) that were filled at least in part. Default fillCount (each fill from its own quote). */
  filledQuotes?: number;
  volume: number;
  feesPaid: number;
  maxInventory: number;
  bucketSec: number;
  yearBasis: YearBasis;
  capital: number;
  timeKilledSec: number;
  /** Seed of the Sharpe bootstrap interval. Default 1. */
  seed?: number;
  /** Compute the Sharpe interval and Lo's standard errors (sharpeStats.ci / loSe). Default true; false for runs that keep only numbers, e.g. grid cells. */
  sharpeInterval?: boolean;
}

/** Bootstrap resamples of the Sharpe interval in every run's metrics: 500 keeps its cost a few ms per hundred buckets. */
export const METRICS_SHARPE_RESAMPLES = 500;

/** All the figures of Metrics from the recorded series and fills (pure; no engine state). */
export function computeMetrics(x: MetricsInput): Metrics {
  const n = x.time.length;
  const duration = x.time[n - 1] - x.time[0];
  const totalPnl = x.equity[n - 1] - x.equity[0];
  const year = yearSeconds(x.yearBasis);
  const perYear = bucketsPerYear(x.yearBasis, x.bucketSec);
  // On a basis with closed time (FX weekends, exchange nights) a bucket without a tick is closed market, not a flat bucket.
  const closed = basisHasClosedTime(x.yearBasis);
  const histogram = pnlHistogram(x.time, x.equity, x.bucketSec, closed);
  const trading = tradingSeconds(duration, histogram.bucketPnl.length, x.bucketSec, x.yearBasis);
  const annualisedPnl = trading > 0 ? (totalPnl * year) / trading : 0;
  const { sharpe, sortino, sortinoDefined } = sharpeSortino(histogram.bucketPnl, perYear);
  const dd = maxDrawdown(x.equity, x.capital);
  const sharpeStats = x.sharpeInterval === false
    ? { sharpe: sharpePerObservation(histogram.bucketPnl), buckets: histogram.bucketPnl.length, ci: null, loSe: null }
    : sharpeConfidence(histogram.bucketPnl, { seed: x.seed ?? 1, resamples: Math.min(METRICS_SHARPE_RESAMPLES, defaultResamples(histogram.bucketPnl.length)) });
  const buckets = histogram.bucketPnl.length;
  const blocked = annualisationBlocked(trading, buckets, x.yearBasis);
  const calmar = dd.abs > 0 ? annualisedPnl / dd.abs : 0;

  const f = x.fills;
  const fig = new Float64Array(5);
  fillFigures(f.side, f.size, f.price, f.midAtFill, f.midAfter, x.fillCount, fig);
  const wins = fig[0], gain = fig[1], loss = fig[2], capBpsNum = fig[3], capBpsDen = fig[4];
  inventoryFigures(x.inventory, x.time, Number.isFinite(x.maxInventory) ? x.maxInventory * (1 - 1e-9) : Infinity, fig);
  const absInvTime = fig[0], maxAbs = fig[1], atLimit = fig[2];
  const avgAbsInventory = duration > 0 ? absInvTime / duration : maxAbs;
  return {
    totalPnl,
    annualisedPnl,
    sharpe,
    sortino,
    sortinoDefined,
    sortinoReason: sortinoDefined ? null : histogram.bucketPnl.length < 2 ? 'fewer than 2 buckets' : 'no losing bucket',
    annualisation: `per-${x.bucketSec}s-bucket PnL, × √(${perYear.toFixed(0)} buckets per ${yearBasisLabel(x.yearBasis)} year)${histogram.closedBuckets > 0 ? `; ${histogram.closedBuckets} ${histogram.closedBuckets === 1 ? 'bucket' : 'buckets'} without a tick left out as closed market` : ''}${blocked === null ? '' : ` — ${blocked}`}`,
    perPeriod: periodFigures(totalPnl, duration, closed ? trading : undefined),
    sharpeStats,
    sharpePerBucket: sharpeStats.sharpe,
    sharpeReason: buckets < 2 ? 'fewer than 2 buckets' : null,
    bucketSec: x.bucketSec,
    buckets,
    annualised: blocked === null ? { pnl: annualisedPnl, sharpe, sortino, calmar, yearBasis: x.yearBasis, bucketsPerYear: perYear } : null,
    annualisedReason: blocked ?? `Annualised: the sample spans at least ${MIN_ANNUALISE_DAYS} days and ${MIN_ANNUALISE_BUCKETS} buckets.`,
    maxDrawdown: dd.abs,
    maxDrawdownPct: dd.pct,
    calmar,
    histogram,
    winRate: x.fillCount > 0 ? wins / x.fillCount : 0,
    winRateReason: x.fillCount > 0 ? null : 'no fills',
    // No losing fill: gain / 0 is undefined, so 0 and flagged (like Sortino), never +∞.
    profitFactor: loss > 0 ? gain / loss : 0,
    profitFactorReason: loss > 0 ? null : x.fillCount === 0 ? 'no fills' : 'no losing fill',
    fills: x.fillCount,
    quoteUpdates: x.quoteUpdates,
    filledQuotes: x.filledQuotes ?? x.fillCount,
    // Share of the quotes sent that filled at least in part: in [0, 1] however many partial fills a quote had.
    fillRate: x.quoteUpdates > 0 ? (x.filledQuotes ?? x.fillCount) / x.quoteUpdates : 0,
    fillRateReason: x.quoteUpdates > 0 ? null : 'no quotes sent',
    avgSpreadCapturedBps: capBpsDen > 0 ? capBpsNum / capBpsDen : 0,
    spreadCaptureReason: capBpsDen > 0 ? null : 'no fills',
    avgAbsInventory,
    maxAbsInventory: maxAbs,
    inventoryTurnover: avgAbsInventory > 0 ? x.volume / (2 * avgAbsInventory) : 0,
    timeAtLimit: duration > 0 ? atLimit / duration : 0,
    volume: x.volume,
    feesPaid: x.feesPaid,
    timeKilled: duration > 0 ? x.timeKilledSec / duration : 0,
    durationSec: duration,
  };
}

/**
 * Per-fill sums over fills [0, count): out = [wins, gain, loss, Σ size·spread captured in bps, Σ size].
 * A fill's marked-out PnL is side·size·(midAfter − price): a win when > 0, else a loss; the spread it
 * captured is side·(midAtFill − price)/midAtFill, bps. The loops over ticks and fills take columns and
 * numbers only, so their optimised code does not depend on the map of the object computeMetrics got.
 * Span by span in fill order, the sums carried in out: the same terms added in the same order as one loop.
 */
function fillFigures(side: Float64Array, size: Float64Array, price: Float64Array, midAtFill: Float64Array, midAfter: Float64Array, count: number, out: Float64Array): void {
  out[0] = 0; out[1] = 0; out[2] = 0; out[3] = 0; out[4] = 0;
  for (let from = 0; from < count; from += FILL_SPAN) fillSpan(side, size, price, midAtFill, midAfter, from, Math.min(from + FILL_SPAN, count), out);
}

/** fillFigures' sums over fills [from, to), from and into s = [wins, gain, loss, Σ size·bps, Σ size]. */
function fillSpan(side: Float64Array, size: Float64Array, price: Float64Array, midAtFill: Float64Array, midAfter: Float64Array, from: number, to: number, s: Float64Array): void {
  let wins = s[0], gain = s[1], loss = s[2], capBpsNum = s[3], capBpsDen = s[4];
  for (let k = from; k < to; k++) {
    const sd = side[k], q = size[k], p = price[k], m0 = midAtFill[k];
    const pnl = sd * q * (midAfter[k] - p);
    if (pnl > 0) { wins++; gain += pnl; } else loss -= pnl;
    capBpsNum += q * ((sd * (m0 - p)) / m0) * 1e4;
    capBpsDen += q;
  }
  s[0] = wins; s[1] = gain; s[2] = loss; s[3] = capBpsNum; s[4] = capBpsDen;
}

/**
 * Weighted ticks per call of inventorySpan (even: the span loop takes ticks two at a time). A million-tick
 * loop in a function called once per run is entered by on-stack replacement, and its OSR code deoptimised
 * after the loop (no feedback yet for the code there) in the first runs; a span function called ~2000 times
 * per run is optimised as a whole, with feedback for all of its code (ARCHITECTURE.md "Hot loops and the JIT").
 */
const INVENTORY_SPAN = 512;

/**
 * Inventory over time: out = [Σ |q_i|·(t_{i+1} − t_i), max |q_i|, Σ (t_{i+1} − t_i) over ticks with
 * |q_i| ≥ atLimit, (scratch)], the last tick weighing 0 (no next tick). One pass reading each time once,
 * span by span in tick order: the same terms added in the same order as one loop over the ticks. out
 * (length ≥ 4) carries the three sums and the previous tick's time from span to span.
 */
function inventoryFigures(inventory: Float64Array, time: Float64Array, atLimit: number, out: Float64Array): void {
  const n = time.length;
  out[0] = 0; out[1] = 0; out[2] = 0; out[3] = n > 0 ? time[0] : 0;
  // Ticks 0 … n − 2 have a next tick; an even number of them go through the spans, an odd one left over after.
  const paired = n > 1 ? (n - 1) & ~1 : 0;
  for (let from = 0; from < paired; from += INVENTORY_SPAN) inventorySpan(inventory, time, atLimit, from, Math.min(from + INVENTORY_SPAN, paired), out);
  if (n > 1 && paired < n - 1) {
    const t1 = time[n - 1];
    const w = t1 - out[3];
    out[3] = t1;
    const a = Math.abs(inventory[n - 2]);
    out[0] += a * w;
    if (a > out[1]) out[1] = a;
    if (a >= atLimit) out[2] += w;
  }
  if (n > 0) {
    // The last tick with its weight 0, as the others (a·0 is NaN for an infinite or NaN |q|); adding
    // its 0 to the time at the limit would change nothing.
    const a = Math.abs(inventory[n - 1]);
    out[0] += a * 0;
    if (a > out[1]) out[1] = a;
  }
}

/**
 * inventoryFigures' sums over ticks [from, to), to − from even and to < time.length, from and into
 * s = [Σ |q|·w, max |q|, Σ w at the limit, t_from]. Two ticks per iteration, each term added in tick order
 * as before: the pipeline's 10^6 ticks took 1.2–1.5 ms against 2.3 one tick per iteration (in 512-tick
 * spans too; /tmp microbench, 6 processes), and the span's loop has no remainder loop that most runs never
 * reach (code without feedback, a deopt when a run does).
 */
function inventorySpan(inventory: Float64Array, time: Float64Array, atLimit: number, from: number, to: number, s: Float64Array): void {
  let absInvTime = s[0], maxAbs = s[1], limitTime = s[2], t0 = s[3];
  for (let i = from; i < to; i += 2) {
    const t1 = time[i + 1], t2 = time[i + 2];
    const w1 = t1 - t0, w2 = t2 - t1; // each tick's time until the next
    t0 = t2;
    const a1 = Math.abs(inventory[i]), a2 = Math.abs(inventory[i + 1]);
    absInvTime += a1 * w1;
    absInvTime += a2 * w2;
    if (a1 > maxAbs) maxAbs = a1;
    if (a2 > maxAbs) maxAbs = a2;
    if (a1 >= atLimit) limitTime += w1;
    if (a2 >= atLimit) limitTime += w2;
  }
  s[0] = absInvTime; s[1] = maxAbs; s[2] = limitTime; s[3] = t0;
}

/**
 * Buy-and-hold, the one definition: buy `size` at the first ask paying the taker fee
 * |firstAsk·size|·takerBps/1e4 once on entry, hold, mark at the mid. Its PnL at tick i is
 * buyAndHoldAt(b, mid[i]) = size·(mid[i] − entryPrice) − fee; totalPnl is that at the last tick
 * (the card) and buyAndHoldSeries the curve (the chart). Streams over the mids: no copy of the series.
 */
export function buyAndHold(time: Float64Array, mid: Float64Array, firstAsk: number, size: number, takerBps: number, bucketSec: number, yearBasis: YearBasis): BuyAndHold {
  const n = mid.length;
  const fee = Math.abs(firstAsk * size) * (takerBps / 1e4);
  const at = (i: number) => size * (mid[i] - firstAsk) - fee;
  let peak = -Infinity, dd = 0;
  for (let i = 0; i < n; i++) {
    const e = at(i);
    if (e > peak) peak = e;
    if (peak - e > dd) dd = peak - e;
  }
  // Per-bucket PnL: the strategy's buckets (bucketWalk), closed ones left out as there.
  const buckets = bucketWalk(time, at, bucketSec, basisHasClosedTime(yearBasis), null);
  const { sharpe } = sharpeSortino(buckets, bucketsPerYear(yearBasis, bucketSec));
  const totalPnl = at(n - 1);
  return {
    size,
    entryPrice: firstAsk,
    fee,
    totalPnl,
    returnPct: firstAsk !== 0 ? (totalPnl / Math.abs(firstAsk * size)) * 100 : 0,
    sharpe,
    maxDrawdown: dd,
  };
}

/** Buy-and-hold PnL at a mid (see buyAndHold): size·(mid − entryPrice) − fee, quote currency. */
export function buyAndHoldAt(b: Pick<BuyAndHold, 'size' | 'entryPrice' | 'fee'>, mid: number): number {
  return b.size * (mid - b.entryPrice) - b.fee;
}

/** The buy-and-hold PnL curve over `mid` (its last value is b.totalPnl). */
export function buyAndHoldSeries(b: Pick<BuyAndHold, 'size' | 'entryPrice' | 'fee'>, mid: Float64Array): Float64Array {
  const out = new Float64Array(mid.length);
  for (let i = 0; i < mid.length; i++) out[i] = buyAndHoldAt(b, mid[i]);
  return out;
}

/**
 * PnL and time spent under each regime the strategy reported. The equity change over (t_{i−1}, t_i]
 * is booked to the regime in force when the quotes for that interval were set (tick i − 1).
 */
export function regimeShares(time: Float64Array, equity: Float64Array, regime: Float64Array | Int32Array, labels: string[]): RegimeShare[] {
  const K = labels.length;
  if (K === 0) return [];
  const pnl = new Float64Array(K);
  const dur = new Float64Array(K);
  sumByRegime(time, equity, regime, K, pnl, dur);
  let total = 0;
  for (let k = 0; k < K; k++) total += dur[k];
  const net = equity[equity.length - 1] - equity[0];
  return labels.map((label, k) => ({
    regime: k,
    label,
    pnl: pnl[k],
    pnlShare: net !== 0 ? pnl[k] / net : NaN,
    timeShare: total > 0 ? dur[k] / total : 0,
  }));
}

/**
 * For each run of ticks i..j (i ≥ 1) that share one regime[i − 1] = … = regime[j − 1], an integer k in
 * [0, K) (others, e.g. NaN, are skipped), adds the run's equity change equity[j] − equity[i − 1] to
 * pnl[k] and its duration time[j] − time[i − 1] to dur[k]. These are what its per-tick changes telescope
 * to, with one rounding per run instead of one per tick (closer to the exact sums), and a tick costs only
 * its regime test.
 */
function sumByRegime(time: Float64Array, equity: Float64Array, regime: Float64Array | Int32Array, K: number, pnl: Float64Array, dur: Float64Array): void {
  const n = time.length;
  let i = 1;
  while (i < n) {
    const r = regime[i - 1];
    const j = sameRegimeUntil(regime, r, i, n - 1); // the run's last tick
    const k = r | 0;
    if (r >= 0 && r < K && k === r) {
      pnl[k] += equity[j] - equity[i - 1];
      dur[k] += time[j] - time[i - 1];
    }
    i = j + 1;
  }
}

/**
 * The first j in [from, end) with regime[j] !== r, else end (from when r is NaN). The scan of a run in its own
 * function: sumByRegime calls it once per run (a few hundred times per 10^6 ticks), so it is optimised as a whole
 * after its first calls, where the scan inside sumByRegime, a loop in a function called once per run, ran as OSR
 * code in the first runs; and the bare loop is faster once optimised too (the pipeline run: regimeShares 1.11 -> 0.92 ms).
 */
function sameRegimeUntil(regime: Float64Array | Int32Array, r: number, from: number, end: number): number {
  let j = from;
  while (j < end && regime[j] === r) j++;
  return j;
}
