import type { StrategyId } from '../strategy/types';
import type { YearBasis } from '../quoting/units';
import type { StrategyParams } from '../strategy/create';
import type { FairValueParams } from '../strategy/fair-value';
import type { RegimeSetup } from '../strategy/regime-model';
import type { Attribution, Metrics, RegimeShare, BuyAndHold } from '../analytics/types';

/**
 * Columnar market data. `time` in seconds (non-decreasing); either `bid` and `ask` or `mid`
 * (quote-only mid data gets bid = ask = mid). Trades are optional and sorted by time;
 * `tradeSide` is +1 for buyer-initiated, −1 for seller-initiated.
 */
export interface MarketData {
  time: Float64Array;
  bid?: Float64Array;
  ask?: Float64Array;
  mid?: Float64Array;
  tradeTime?: Float64Array;
  tradePrice?: Float64Array;
  tradeSize?: Float64Array;
  tradeSide?: ArrayLike<number>;
  /** Displayed sizes at the best bid and ask, asset units (both or neither): the 'queue' fill model needs them. */
  bidSize?: Float64Array;
  askSize?: Float64Array;
  /**
   * OHLC bars: `high` and `low` of each bar mark the data as bars (fill model 'bar'); the price of
   * each tick is then `close` (or `mid`), and bar i spans (time[i − 1], time[i]]. `open` is not used.
   */
  high?: Float64Array;
  low?: Float64Array;
  open?: Float64Array;
  close?: Float64Array;
  /** Known truth of a synthetic market: used as defaults for A and κ when present. */
  truth?: { A?: number; kappa?: number };
}

/** The built-in fill models (src/engine/backtest/fills/); registerFillModel adds others by id. */
export type BuiltInFillModelId = 'poisson' | 'trade-through' | 'quote-cross' | 'queue' | 'bar';
export type FillModelId = BuiltInFillModelId | (string & {});

export interface FillConfig {
  /** Default from the data (result.resolved.fillModelReason says why): 'bar' for OHLC bars, 'trade-through' with trades, else 'quote-cross'. */
  model?: FillModelId;
  /** 'queue': how a decrease of the displayed size at our price moves us: 'risk-averse' (never), 'power' (f = xⁿ) or 'log' (f = ln(1 + x)). Default 'risk-averse'. */
  queueModel?: 'risk-averse' | 'power' | 'log';
  /** 'queue' with queueModel 'power': the exponent n, > 0. Default 2. */
  queuePower?: number;
  /** Poisson: arrival rate at zero depth, per second. Default data.truth.A, else the warm-up trade rate per side, else 1. */
  A?: number;
  /** Poisson: intensity decay per price unit. Default data.truth.kappa, else 1 / (median half-spread). */
  kappa?: number;
  /** Poisson: 'exp' = 1 − exp(−λΔt) (exact for a Poisson process), 'linear' = min(1, λΔt) (Avellaneda & Stoikov 2008, §3.2). Default 'exp'. */
  probability?: 'exp' | 'linear';
  /** Trade-through and bar: fraction of a trade printing exactly at our price (a bar touching it) taken by the queue ahead of us, 0..1. Default 0.5. */
  queueHaircut?: number;
}

export interface FeeConfig {
  /** Maker fee in bps of notional (negative = rebate). Default 0. */
  makerBps?: number;
  /** Taker fee in bps of notional (used when the kill switch flattens). Default 5. */
  takerBps?: number;
}

export interface LimitsConfig {
  /** Max |inventory|, asset units. Default 10 × orderSize. */
  maxInventory?: number;
  /** Daily-loss kill switch, quote currency (PnL since the day started below −maxDailyLoss stops quoting until the next day). Default Infinity. */
  maxDailyLoss?: number;
  /** Max |inventory| × mid, quote currency. Default Infinity. */
  maxPositionValue?: number;
  /** Length of a "day" for the kill switch, seconds. Default 86 400. */
  dayLengthSec?: number;
  /** Flatten the inventory at the touch (paying the taker fee) when the kill switch fires. Default false. */
  flattenOnKill?: boolean;
}

export interface GuardConfig {
  /** Adverse-selection guard on any strategy. Default false. */
  enabled?: boolean;
  /** How long after a fill its adverse move counts, seconds. Default 5 s. */
  windowSec?: number;
  /** Mid move against our last fill that trips the guard, bps of mid. Default 2 bps. */
  adverseBps?: number;
  /** |order-flow imbalance| (0..1) above which the side facing the flow is guarded. Default 0.6. */
  imbalanceThreshold?: number;
  /** 'widen' multiplies the guarded side's distance to fair value by `widenFactor`; 'pull' removes it. Default 'widen'. */
  mode?: 'widen' | 'pull';
  /** Default 2. */
  widenFactor?: number;
}

export interface RegimeConfig {
  /** Number of HMM states. Default 3. */
  nStates?: number;
  /** Ticks at the start whose bucketed mid changes fit the HMM (an in-sample fit; decoding stays causal). Default: the first fifth, at least 20 000 ticks (defaultFitTicks). */
  fitTicks?: number;
  /** Length of the time buckets whose mid changes the HMM observes, seconds. Default autoBucketSec(time): ~10 quote intervals, ≤ ~5 000 buckets. */
  bucketSec?: number;
  /** A fitted model to use instead of fitting: { means, variances, trans, init } (mid changes over `bucketSec` buckets, price units). */
  model?: { means: Float64Array; variances: Float64Array; trans: Float64Array; init: Float64Array };
  /** κ per HMM state (per price unit). Default: κ for every state. */
  kappaByState?: number[];
  /** σ per HMM state (price units per √s). Default √(variance_k / bucketSec). */
  sigmaByState?: number[];
  /** Seed of the HMM fit. Default config.seed. */
  seed?: number;
  /** Also compute the hindsight Viterbi path (result.regimeViterbi, for display). Default true. */
  viterbi?: boolean;
}

export interface KalmanConfig {
  /** Process variance per tick, price units². Default fitted by maximum likelihood on the warm-up (fitLocalLevel; result.kalman says which). */
  q?: number;
  /** Observation noise variance, price units². Default fitted with q. */
  r?: number;
}

/** Every field has a default; `runBacktest(data, {})` runs 'as-kalman'. */
export interface BacktestConfig {
  strategy?: StrategyId;
  /** Quote size, asset units. Default ≈ 1,000 quote units at the first price (DEFAULT_ORDER_NOTIONAL), in whole lots (result.notes says so). */
  orderSize?: number;
  /** 'symmetric' / 'skew': half-spread in bps of mid. Default: the warm-up median half-spread (quote at the touch). */
  halfSpreadBps?: number;
  /** 'skew': price skew per unit of inventory, bps of mid. Default halfSpreadBps / maxInventory · 2. */
  skewBpsPerUnit?: number;
  /** 'skew': size skew in 0..1 (1 = the side that adds inventory shrinks to 0 at the limit). Default 0.5. */
  sizeSkew?: number;
  /** AS / GLFT risk aversion γ, per (price unit × asset unit). Default: the AS reservation moves by two market half-spreads at the inventory limit, with the risk term γσ²τ/2 at most half a market half-spread (quotes near the touch on any price level). */
  gamma?: number;
  /** AS / GLFT order-book density κ, per price unit. Default data.truth.kappa, else 1 / (warm-up median half-spread). */
  kappa?: number;
  /** Volatility, price units per √second. Default: estimated on the warm-up. */
  sigma?: number;
  /** AS horizon T − t held constant (rolling horizon), seconds. Default 60 s. */
  horizonSec?: number;
  /** GLFT arrival rate at zero depth A, per second. Default data.truth.A, else the warm-up trade rate per side, else 1. */
  A?: number;
  /** GLFT utility parameter ξ. Default γ. */
  xi?: number;
  kalman?: KalmanConfig;
  regime?: RegimeConfig;
  guard?: GuardConfig;
  fill?: FillConfig;
  /** Order placement latency, seconds: a new quote can fill only from `time + latencySec`. Default 0. */
  latencySec?: number;
  fees?: FeeConfig;
  /** Price grid for our quotes (bids round down, asks up), price units; 0 = none. Default: inferred from the price decimals (inferInstrument), else 0. */
  tickSize?: number;
  /** Size granularity, asset units; 0 = none. Default: inferred from the trade / displayed size decimals, else 0. */
  lotSize?: number;
  limits?: LimitsConfig;
  /** Mark-out horizon for adverse selection, seconds. Default 5 s. */
  markoutSec?: number;
  /** Seed for every random draw (Poisson fills, HMM fit). Default 1. */
  seed?: number;
  /** Ticks at the start used to calibrate defaults; no quoting during them. Default min(1000, ⌊n/10⌋). */
  warmupTicks?: number;
  /** Bucket of the PnL histogram and of Sharpe/Sortino, seconds. Default: 1 day if the data spans ≥ 3 days, 1 h if ≥ 3 h, else 1 min. */
  bucketSec?: number;
  /**
   * Year used to annualise: '24/7' (crypto, 365 × 24 h), '24/5' (FX, 260 × 24 h) or 'exchange' (252 × 6.5 h).
   * On the last two a PnL bucket without a tick is closed market, left out of Sharpe and Sortino. Default '24/7'.
   */
  yearBasis?: YearBasis;
  /** Capital for % figures, quote currency. Default maxInventory × first mid. */
  capital?: number;
  /** Ticks per onProgress chunk. Default 50 000. */
  progressChunk?: number;
}

/** One stop or restart of quoting, with its reason. */
export interface RiskEvent {
  time: number;
  index: number;
  kind: 'stop' | 'restart';
  side: 'bid' | 'ask' | 'both';
  reason: string;
  /** The figure behind the reason: inventory for limit stops, the day's loss for a kill, the day number for a restart. */
  value: number;
}

/** Columnar fills. `side` +1 = we bought; `liquidity` +1 maker, −1 taker; `midAfter` is the mid `markoutSec` later. */
export interface FillsTable {
  time: Float64Array;
  side: Float64Array;
  price: Float64Array;
  size: Float64Array;
  midAtFill: Float64Array;
  midAfter: Float64Array;
  fee: Float64Array;
  liquidity: Float64Array;
  /** Tick index at which the fill happened (the tick after a trade between ticks). */
  index: Float64Array;
  /** Size ahead of our order in the queue just before the fill, asset units; NaN when the fill model does not know it. */
  queueAhead: Float64Array;
  /** What filled it: FILL_SOURCE_TRADE (trade row `sourceIndex`), FILL_SOURCE_QUOTE (quote / bar row), FILL_SOURCE_INTERVAL (Poisson draw over the interval ending at row), FILL_SOURCE_FLATTEN (kill-switch flatten at row). */
  source: Float64Array;
  /** The trade row (source trade) or quote row (otherwise) of the event that filled it. */
  sourceIndex: Float64Array;
}

/** Codes of FillsTable.source. */
export const FILL_SOURCE_TRADE = 1;
export const FILL_SOURCE_QUOTE = 2;
export const FILL_SOURCE_INTERVAL = 3;
export const FILL_SOURCE_FLATTEN = 4;

export interface BacktestSeries {
  time: Float64Array;
  mid: Float64Array;
  fairValue: Float64Array;
  bid: Float64Array;
  ask: Float64Array;
  inventory: Float64Array;
  cash: Float64Array;
  equity: Float64Array;
  regime: Float64Array;
}

export interface BacktestResult extends BacktestSeries {
  strategy: StrategyId;
  fills: FillsTable;
  attribution: Attribution;
  metrics: Metrics;
  benchmark: BuyAndHold;
  regimeShares: RegimeShare[];
  /** Label of each regime index in `regime` (empty when the strategy has no regimes). */
  regimeLabels: string[];
  /** 'as-regime' only: the Viterbi path over the whole run (hindsight, for display; quoting used the causal `regime`). */
  regimeViterbi?: Int32Array;
  /** 'as-regime' only: the regime model the strategy fitted and quoted with (labels, bucket, buckets fitted, convergence). */
  regimeModel?: RegimeSetup;
  /** 'as-regime' only: the time bucket of the regime model's observations, seconds. */
  regimeBucketSec?: number;
  /** 'as-regime' only: κ per regime state it quoted with, per price unit. */
  regimeKappaByState?: Float64Array;
  /** 'as-kalman' and 'as-regime': the Kalman fair value's q and r (price units² per tick) and where they came from. */
  kalman?: FairValueParams;
  riskLog: RiskEvent[];
  /** Risk events beyond the first 10 000 are counted here but not logged. */
  riskEventsDropped: number;
  /** Parameters actually used after defaults were resolved. */
  resolved: ResolvedParams;
  /** What the user should know about this run's settings, e.g. a calibrated value that sits at a bound (same as resolved.notes). */
  notes: string[];
}

/** Progress chunk: copies of the per-tick series for ticks [from, to). */
export interface BacktestProgress {
  done: number;
  total: number;
  from: number;
  to: number;
  /** Copies of ticks [from, to) of every series, made only when read. */
  readonly partial: BacktestSeries;
  /**
   * The run's own series, live: ticks [0, to) are final, the rest not yet written. Read during the
   * callback (no copy); a caller that keeps ticks must copy them.
   */
  series: BacktestSeries;
  fills: number;
}

/** Every backtest setting after defaults were resolved: the strategy's numbers plus fills, costs, limits and reporting. */
export interface ResolvedParams extends StrategyParams {
  fillModel: FillModelId;
  /** Why this fill model: the user's choice, or what in the data chose the default. */
  fillModelReason: string;
  queueModel: 'risk-averse' | 'power' | 'log';
  queuePower: number;
  fillA: number;
  /** fillA is the 1-per-second assumption: not set, and no trades (or known truth) to estimate the arrival rate from. */
  fillAAssumed: boolean;
  fillKappa: number;
  probability: 'exp' | 'linear';
  queueHaircut: number;
  latencySec: number;
  makerBps: number;
  takerBps: number;
  tickSize: number;
  lotSize: number;
  maxDailyLoss: number;
  maxPositionValue: number;
  dayLengthSec: number;
  flattenOnKill: boolean;
  markoutSec: number;
  bucketSec: number;
  yearBasis: YearBasis;
  capital: number;
  progressChunk: number;
  /** Notes on the resolved settings (calibrated values at a bound, sizes rounded to the lot, …). */
  notes: string[];
}
