import { never, type FillModel, type FillModelSpec } from './types';

/** Quote-cross, for quote-only data: our bid fills when the market's ask falls to it or below (ask likewise), in full. */
export function quoteCrossFillModel(): FillModel {
  return {
    uses: { trade: false, interval: false, quote: true },
    onTrade: never,
    onInterval: never,
    onQuote(side, quotePrice, quoteSize, mktBid, mktAsk) {
      if (side > 0) return mktAsk <= quotePrice ? quoteSize : 0;
      return mktBid >= quotePrice ? quoteSize : 0;
    },
  };
}

export const quoteCrossSpec: FillModelSpec = {
  id: 'quote-cross',
  describe: "our bid fills in full when the market's best ask falls to it (our ask when the best bid rises to it)",
  unavailable: (d) => (d.isBars ? 'the data are OHLC bars, not quotes (use \'bar\')' : null),
  build: () => quoteCrossFillModel(),
};
