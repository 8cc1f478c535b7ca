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
  /** PnL of each consecutive bucket, quote currency. */
  bucketPnl: Float64Array;
  /** Histogram of bucketPnl: edges.length = counts.length + 1. */
  edges: Float64Array;
  counts: Float64Array;
}

/** Buy `orderSize` at the first ask and hold to the end, marked at the mid. */
export interface BuyAndHold {
  size: number;
  entryPrice: number;
  totalPnl: number;
  returnPct: number;
  sharpe: number;
  maxDrawdown: number;
}

/**
 * Performance and risk figures. PnL in quote currency. Sharpe and Sortino are computed on
 * per-bucket PnL (bucketSec) and annualised by √(buckets per year) on the stated year basis.
 */
export interface Metrics {
  totalPnl: number;
  annualisedPnl: number;
  sharpe: number;
  sortino: number;
  /** Text stating how Sharpe/Sortino were annualised. */
  annualisation: string;
  maxDrawdown: number;
  /** Max drawdown as % of (capital + running peak equity). */
  maxDrawdownPct: number;
  /** annualisedPnl / maxDrawdown (0 when there is no drawdown). */
  calmar: number;
  histogram: PnlHistogram;
  /** Share of fills whose marked-out PnL (spread capture + adverse selection) is positive. */
  winRate: number;
  /** Σ positive marked-out fill PnL / |Σ negative| (Infinity when nothing lost, 0 when nothing won). */
  profitFactor: number;
  fills: number;
  quoteUpdates: number;
  /** fills per quote update. */
  fillRate: number;
  /** Size-weighted mean of side·(mid − price)/mid, bps. */
  avgSpreadCapturedBps: number;
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
