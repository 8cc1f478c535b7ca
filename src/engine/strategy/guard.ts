import type { MarketView, PositionView, QuoteOut, Strategy } from './types';

export interface GuardParams {
  windowSec: number;
  adverseBps: number;
  imbalanceThreshold: number;
  mode: 'widen' | 'pull';
  widenFactor: number;
}

/**
 * Adverse-selection guard around any strategy. A side is guarded when the mid has moved more than
 * `adverseBps` against our last fill on that side within `windowSec` (we keep getting picked off),
 * or when the order flow runs hard at it (|imbalance| above the threshold: buyers lift asks,
 * sellers hit bids). A guarded side is pulled, or pushed out by (widenFactor − 1) half-spreads.
 */
export function createGuard(inner: Strategy, g: GuardParams): Strategy {
  let lastSide = 0;
  let lastPrice = NaN;
  let lastTime = -Infinity;
  return {
    id: inner.id,
    quote(m: MarketView, pos: PositionView, out: QuoteOut): void {
      inner.quote(m, pos, out);
      let guardBid = false;
      let guardAsk = false;
      if (lastSide !== 0 && m.time - lastTime <= g.windowSec) {
        const moveBps = ((m.mid - lastPrice) / m.mid) * 1e4 * lastSide;
        if (moveBps < -g.adverseBps) {
          if (lastSide > 0) guardBid = true;
          else guardAsk = true;
        }
      }
      if (m.flowImbalance > g.imbalanceThreshold) guardAsk = true;
      else if (m.flowImbalance < -g.imbalanceThreshold) guardBid = true;
      if (!guardBid && !guardAsk) return;
      if (g.mode === 'pull') {
        if (guardBid) out.bidSize = 0;
        if (guardAsk) out.askSize = 0;
        return;
      }
      const push = (g.widenFactor - 1) * 0.5 * Math.abs(out.ask - out.bid);
      if (guardBid) out.bid -= push;
      if (guardAsk) out.ask += push;
    },
    onFill(side: number, price: number, size: number, time: number): void {
      lastSide = side;
      lastPrice = price;
      lastTime = time;
      inner.onFill(side, price, size, time);
    },
  };
}
