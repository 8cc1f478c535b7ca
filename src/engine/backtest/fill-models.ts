import type { Rng } from '../data/rng';

/**
 * One interface for the three fill models. The engine asks the hook that matches the model's
 * `kind`; each returns the size filled (0 for none) for one resting quote of ours.
 * `side` is +1 for our bid, −1 for our ask.
 */
export interface FillModel {
  readonly kind: 'trade' | 'interval' | 'quote';
  /** A trade printed at `tradePrice` for `tradeSize`. Only asked when the print reached our price (≤ our bid, ≥ our ask). */
  onTrade(side: number, quotePrice: number, quoteSize: number, tradePrice: number, tradeSize: number): number;
  /** `dt` seconds passed with the prevailing mid at `mid`. */
  onInterval(side: number, quotePrice: number, quoteSize: number, mid: number, dt: number): number;
  /** The market's best quotes moved to (mktBid, mktAsk). */
  onQuote(side: number, quotePrice: number, quoteSize: number, mktBid: number, mktAsk: number): number;
}

const never = (): number => 0;

/**
 * Poisson intensity λ(δ) = A·e^(−κδ) (Avellaneda & Stoikov 2008, eq. 7 / §2.4) with δ the quote's
 * distance from the mid. P(fill in dt) = 1 − e^(−λdt) (exact for a Poisson process), or the paper's
 * first-order min(1, λdt) (§3.2 simulation). A fill takes the whole quote.
 */
export function poissonFillModel(A: number, kappa: number, probability: 'exp' | 'linear', rng: Rng): FillModel {
  return {
    kind: 'interval',
    onTrade: never,
    onQuote: never,
    onInterval(side, quotePrice, quoteSize, mid, dt) {
      if (!(dt > 0)) return 0;
      const depth = side > 0 ? mid - quotePrice : quotePrice - mid;
      const ldt = A * Math.exp(-kappa * depth) * dt;
      const p = probability === 'exp' ? 1 - Math.exp(-ldt) : Math.min(1, ldt);
      return rng.uniform() < p ? quoteSize : 0;
    },
  };
}

/**
 * Trade-through: our bid fills when a trade prints at or below it (our ask at or above it), for at
 * most the trade's size. A trade exactly at our price first serves the queue ahead of us: we get
 * (1 − queueHaircut) of it. A trade strictly through our price reached us after the whole queue.
 */
export function tradeThroughFillModel(queueHaircut: number): FillModel {
  const share = 1 - queueHaircut;
  return {
    kind: 'trade',
    onInterval: never,
    onQuote: never,
    onTrade(side, quotePrice, quoteSize, tradePrice, tradeSize) {
      const through = side > 0 ? tradePrice < quotePrice : tradePrice > quotePrice;
      const at = tradePrice === quotePrice;
      if (!through && !at) return 0;
      const avail = through ? tradeSize : tradeSize * share;
      return avail < quoteSize ? avail : quoteSize;
    },
  };
}

/** Quote-cross, for quote-only data: our bid fills when the market's ask falls to it or below (ask likewise), in full. */
export function quoteCrossFillModel(): FillModel {
  return {
    kind: 'quote',
    onTrade: never,
    onInterval: never,
    onQuote(side, quotePrice, quoteSize, mktBid, mktAsk) {
      if (side > 0) return mktAsk <= quotePrice ? quoteSize : 0;
      return mktBid >= quotePrice ? quoteSize : 0;
    },
  };
}
