import { createQuoteOut, type MarketView, type PositionView, type QuoteOut, type Strategy } from '../../../src/engine';

/** Calls strategy.quote once with the given market and position; returns a copy of its quotes. */
export function quoteOnce(s: Strategy, m: Partial<MarketView>, p: Partial<PositionView> = {}): QuoteOut {
  const out = createQuoteOut();
  s.quote(
    { index: 0, time: 0, bid: 99.9, ask: 100.1, mid: 100, flowImbalance: 0, ...m },
    { inventory: 0, cash: 0, maxInventory: Infinity, ...p },
    out,
  );
  return { ...out };
}
