import type { PreparedData } from '../data';
import type { ResolvedParams } from '../types';

/**
 * One interface for every fill model. The event loop (run.ts) asks a model only at the events it
 * `uses`; each hook returns the size the model would fill (0 for none) for one resting quote of
 * ours, before the inventory room and the lot size cap it. `side` is +1 for our bid, −1 for our ask.
 * Hooks a model does not use return 0. The loop always passes the row indices; models that need
 * them (queue, bar) declare them required. Models keep any state they need (queue position, RNG) and
 * must not allocate per call.
 */
export interface FillModel {
  /** Which events of the loop ask this model. */
  readonly uses: { readonly trade: boolean; readonly interval: boolean; readonly quote: boolean };
  /** A trade printed at `tradePrice` for `tradeSize` (trade row `tradeIndex`). Only asked when the print reached our price (≤ our bid, ≥ our ask, to the price tolerance). */
  onTrade(side: number, quotePrice: number, quoteSize: number, tradePrice: number, tradeSize: number, tradeIndex?: number): number;
  /** `dt` seconds passed with the prevailing mid at `mid`. */
  onInterval(side: number, quotePrice: number, quoteSize: number, mid: number, dt: number): number;
  /** The market's best quotes moved to (mktBid, mktAsk) at quote row `tickIndex`. */
  onQuote(side: number, quotePrice: number, quoteSize: number, mktBid: number, mktAsk: number, tickIndex?: number): number;
  /** Our order on `side` became live at `price` while quote row `tickIndex` prevailed (optional: queue models). */
  onPlace?(side: number, price: number, tickIndex: number): void;
  /** Size ahead of our order on `side` when the model knows it, else NaN (recorded with each fill). */
  queueAhead?(side: number): number;
}

/** What a fill model may be built from: the checked data and the resolved settings. */
export interface FillModelContext {
  data: PreparedData;
  params: ResolvedParams;
}

/**
 * One registered fill model: its id (the value of config.fill.model), a one-line description, when
 * it applies to the data, and how to build it. `unavailable` returns null when the data suits the
 * model, else the reason it does not (shown in the error and in the model band).
 */
export interface FillModelSpec {
  id: string;
  describe: string;
  unavailable(d: PreparedData): string | null;
  build(ctx: FillModelContext): FillModel;
}

/** A hook the model does not use. */
export const never = (): number => 0;
