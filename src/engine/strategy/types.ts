/**
 * The one narrow interface between the backtester and a strategy. A strategy sees the market
 * state and its own position, never engine internals, and writes its quotes into a scratch
 * object that the engine reuses every tick (no per-tick allocation).
 */

export type StrategyId = 'symmetric' | 'skew' | 'as' | 'as-kalman' | 'as-regime' | 'glft';

export const STRATEGY_IDS: readonly StrategyId[] = ['symmetric', 'skew', 'as', 'as-kalman', 'as-regime', 'glft'];

/** Market state at the current tick. Prices in quote currency, times in seconds. */
export interface MarketView {
  /** Tick index in the data. */
  index: number;
  time: number;
  bid: number;
  ask: number;
  mid: number;
  /** Order-flow imbalance of recent trades in [−1, 1] (+1 = all buyer-initiated); 0 without trades. */
  flowImbalance: number;
}

/** The strategy's own position. Inventory in asset units (signed), cash in quote currency. */
export interface PositionView {
  inventory: number;
  cash: number;
  /** The inventory limit the risk layer enforces, asset units (Infinity when none). */
  maxInventory: number;
}

/**
 * What a strategy wants quoted. A side with a non-finite price or a size ≤ 0 is not quoted.
 * `fairValue` is the price the strategy centres on (mid, Kalman mean, …); `regime` its current
 * regime index (NaN when it has none).
 */
export interface QuoteOut {
  bid: number;
  ask: number;
  bidSize: number;
  askSize: number;
  fairValue: number;
  regime: number;
}

export interface Strategy {
  readonly id: StrategyId;
  /** Writes this tick's quotes into `out` (every field). The three objects are valid for this call only: the event loop may pass other ones on later calls. */
  quote(m: MarketView, pos: PositionView, out: QuoteOut): void;
  /** Called when one of our quotes fills; side +1 = we bought. */
  onFill(side: number, price: number, size: number, time: number): void;
}

export function createQuoteOut(): QuoteOut {
  return { bid: NaN, ask: NaN, bidSize: 0, askSize: 0, fairValue: NaN, regime: NaN };
}
