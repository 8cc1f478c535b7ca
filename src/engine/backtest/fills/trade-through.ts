import { never, type FillModel, type FillModelSpec } from './types';
import { priceTolerance } from '../costs';

/**
 * Trade-through: our bid fills when a trade prints at or below it (our ask at or above it), for at
 * most the trade's size. A trade exactly at our price (within `priceEps`, a tiny fraction of the
 * tick) first serves the queue ahead of us: we get (1 − queueHaircut) of it. A trade strictly
 * through our price reached us after the whole queue: we get up to its full size.
 */
export function tradeThroughFillModel(queueHaircut: number, priceEps = 0): FillModel {
  const share = 1 - queueHaircut;
  return {
    uses: { trade: true, interval: false, quote: false },
    onInterval: never,
    onQuote: never,
    onTrade(side, quotePrice, quoteSize, tradePrice, tradeSize) {
      const through = side > 0 ? tradePrice < quotePrice - priceEps : tradePrice > quotePrice + priceEps;
      const at = priceEps > 0 ? Math.abs(tradePrice - quotePrice) <= priceEps : tradePrice === quotePrice;
      if (!through && !at) return 0;
      const avail = through ? tradeSize : tradeSize * share;
      return avail < quoteSize ? avail : quoteSize;
    },
  };
}

export const tradeThroughSpec: FillModelSpec = {
  id: 'trade-through',
  describe: 'a trade print at or through our price fills us, up to its size; a print exactly at our price gives us (1 − queueHaircut) of it',
  unavailable: (d) => (d.nTrades > 0 ? null : 'the data has no trades'),
  build: ({ params }) => tradeThroughFillModel(params.queueHaircut, priceTolerance(params.tickSize)),
};
