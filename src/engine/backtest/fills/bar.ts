import { priceTolerance } from '../costs';
import { never, type FillModel, type FillModelSpec } from './types';

/**
 * OHLC bars: bar i spans (t_{i−1}, t_i] and the quotes set at the close of bar i − 1 rest through it.
 * Our bid fills in full when the bar's low trades strictly below it, and for (1 − queueHaircut) of
 * our size when the low only touches it (within a tiny fraction of the tick): a touch says a trade
 * printed at our price, not that the queue ahead of us was cleared. The ask mirrors with the high.
 * Bars carry no trade sizes, so a fill is never capped by one; the haircut is the stated cost of
 * not knowing the queue.
 */
export function barFillModel(high: Float64Array, low: Float64Array, queueHaircut: number, priceEps: number): FillModel {
  const share = 1 - queueHaircut;
  return {
    uses: { trade: false, interval: false, quote: true },
    onTrade: never,
    onInterval: never,
    onQuote(side: number, quotePrice: number, quoteSize: number, _mktBid: number, _mktAsk: number, i: number) {
      const extreme = side > 0 ? low[i] : high[i];
      const gap = side > 0 ? quotePrice - extreme : extreme - quotePrice; // > 0: the range went through our price
      if (gap > priceEps) return quoteSize;
      if (gap >= -priceEps) return quoteSize * share; // a touch, to the tolerance
      return 0;
    },
  };
}

export const barSpec: FillModelSpec = {
  id: 'bar',
  describe: "a quote resting through a bar fills in full when the bar's range goes through its price, (1 − queueHaircut) of it when the range only touches it",
  unavailable: (d) => (d.isBars ? null : 'the data are not OHLC bars (no high and low columns)'),
  build: ({ data: d, params: p }) => barFillModel(d.high, d.low, p.queueHaircut, priceTolerance(p.tickSize)),
};
