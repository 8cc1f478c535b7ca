import type { SharpeConfidence } from '../stats/sharpe-confidence';
import type { AnnualisedFigures, PeriodFigures } from './periods';

/**
 * PnL attribution in quote currency; the four parts add up to `net` (to rounding):
 * net = spreadCapture + adverseSelection + inventoryCarry + fees.
 */
export interface Attribution {
  /** Σ side·(mid at fill − price)·size: the edge earned against the mid at the fill. */
  spreadCapture: number;
  /** Σ side·(mid after the mark-out − mid at fill)·size: the mid move right after our fills. */
  adverseSelection: number;
  /** The rest of q·Δmid: holding inventory beyond the mark-out horizons. */
  inventoryCarry: number;
  /** Fees as PnL: negative when paid, positive for rebates. */
  fees: number;
  /** Equity at the end − equity at the start. */
  net: number;
}

/** Share of PnL and of time spent in one regime (regime index as reported by the strategy). */
export interface RegimeShare {
  regime: number;
  label: string;
  pnl: number;
  /** pnl / net PnL (NaN when net is 0). */
  pnlShare: number;
  timeShare: number;
}

export interface PnlHistogram {
  bucketSec: number;
  /** PnL of each consecutive bucket, quote currency (on a basis with closed time, only the buckets with a tick). */
  bucketPnl: Float64Array;
  /** Each bucket's place in time: bucketPnl[j] is the bucket [k·bucketSec, (k + 1)·bucketSec) from the first tick, k = bucketIndex[j]. */
  bucketIndex: Float64Array;
  /** Buckets without a tick left out as closed market (basisHasClosedTime); 0 on the 24/7 basis, which keeps them as flat buckets. */
  closedBuckets: number;
  /** Histogram of bucketPnl: edges.length = counts.length + 1. */
  edges: Float64Array;
  counts: Float64Array;
}

/** Buy `orderSize` at the first ask (taker fee on entry) and hold to the end, marked at the mid (analytics/metrics.ts buyAndHold). */
export interface BuyAndHold {
  size: number;
  entryPrice: number;
  /** Taker fee paid on entry, quote currency. */
  fee: number;
  totalPnl: number;
  returnPct: number;
  sharpe: number;
  maxDrawdown: number;
}

/**
 * Performance and risk figures. PnL in quote currency. Read the per-period and per-bucket figures
 * first (perPeriod, sharpeStats): they hold for any sample. `annualised` is null unless the sample
 * is long enough (analytics/periods.ts: ≥ 30 days of the year basis and ≥ 30 buckets); the legacy
 * fields annualisedPnl, sharpe, sortino and calmar keep their old (annualised) meaning for existing
 * readers and are finite, but mean nothing when `annualised` is null.
 */
export interface Metrics {
  totalPnl: number;
  /** Legacy: totalPnl · year / duration, whatever the sample length (see `annualised`). */
  annualisedPnl: number;
  /** Legacy: per-bucket Sharpe × √(buckets per year), whatever the sample length (see sharpeStats, `annualised`). */
  sharpe: number;
  /** Legacy: annualised like `sharpe`. Always finite: 0 when undefined (sortinoDefined false, sortinoReason says why). */
  sortino: number;
  /** False when the Sortino ratio has no downside deviation to divide by (no losing bucket) or fewer than 2 buckets. */
  sortinoDefined: boolean;
  /** Why `sortino` is undefined ('no losing bucket', 'fewer than 2 buckets'); null when it is defined. */
  sortinoReason: string | null;
  /** Text stating how Sharpe/Sortino were annualised, and whether that means anything for this sample. */
  annualisation: string;
  /** Net PnL per hour (under a day of data) or per day. */
  perPeriod: PeriodFigures;
  /** Sharpe per bucket of bucketSec (not annualised) with its bucket count, 95 % interval (noncentral t under 30 buckets, else a stationary bootstrap) and Lo's standard errors. */
  sharpeStats: SharpeConfidence;
  /** sharpeStats.sharpe, as a plain number (grids map it). */
  sharpePerBucket: number;
  /** Why the per-bucket Sharpe ratio means nothing ('fewer than 2 buckets': it is then 0); null when it does. */
  sharpeReason: string | null;
  /** Length of the PnL buckets, seconds. */
  bucketSec: number;
  /** Number of PnL buckets (sharpeStats.buckets): on a basis with closed time only those with a tick (histogram.closedBuckets the rest). */
  buckets: number;
  /** Figures per year; null when the sample is too short to annualise (annualisedReason says why). */
  annualised: AnnualisedFigures | null;
  /** Why `annualised` is null, or the rule it passed. */
  annualisedReason: string;
  maxDrawdown: number;
  /** Max drawdown as % of (capital + running peak equity). */
  maxDrawdownPct: number;
  /** Legacy: annualisedPnl / maxDrawdown (0 when there is no drawdown); see `annualised`. */
  calmar: number;
  histogram: PnlHistogram;
  /** Share of fills whose marked-out PnL (spread capture + adverse selection) is positive (0 without fills). */
  winRate: number;
  /** Why `winRate` is undefined ('no fills'); null when there are fills. */
  winRateReason: string | null;
  /** Σ positive marked-out fill PnL / |Σ negative|; always finite: 0 when no fill lost (profitFactorReason says so). */
  profitFactor: number;
  /** Why `profitFactor` is undefined ('no losing fill', 'no fills'); null when some fill lost. */
  profitFactorReason: string | null;
  fills: number;
  /** Quotes sent (new or changed price or size, size > 0). */
  quoteUpdates: number;
  /** Quotes sent that were filled at least in part. */
  filledQuotes: number;
  /** filledQuotes / quoteUpdates: the share of quotes sent that filled at least in part, in [0, 1] (0 when none sent). */
  fillRate: number;
  /** Why `fillRate` is undefined ('no quotes sent'); null when some were. */
  fillRateReason: string | null;
  /** Size-weighted mean of side·(mid − price)/mid, bps (0 without fills). */
  avgSpreadCapturedBps: number;
  /** Why `avgSpreadCapturedBps` is undefined ('no fills'); null when there are fills. */
  spreadCaptureReason: string | null;
  /** Time-weighted mean |inventory|, asset units. */
  avgAbsInventory: number;
  maxAbsInventory: number;
  /** Traded volume / (2 · avgAbsInventory): how many times the average inventory turned over. */
  inventoryTurnover: number;
  /** Share of time with |inventory| at the limit. */
  timeAtLimit: number;
  volume: number;
  feesPaid: number;
  /** Share of time quoting was stopped by the kill switch. */
  timeKilled: number;
  durationSec: number;
}
