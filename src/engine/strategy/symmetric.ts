import type { MarketView, PositionView, QuoteOut, Strategy } from './types';

/** The baseline: a fixed half-spread in bps either side of the mid, same size both sides. */
export function createSymmetric(p: { halfSpreadBps: number; orderSize: number }): Strategy {
  const frac = p.halfSpreadBps / 1e4;
  const orderSize = p.orderSize; // a constant, not a per-tick load from p (its map differs from run to run)
  return {
    id: 'symmetric',
    quote(m: MarketView, _pos: PositionView, out: QuoteOut): void {
      const h = m.mid * frac;
      out.fairValue = m.mid;
      out.bid = m.mid - h;
      out.ask = m.mid + h;
      out.bidSize = orderSize;
      out.askSize = orderSize;
      out.regime = NaN;
    },
    onFill() {},
  };
}
