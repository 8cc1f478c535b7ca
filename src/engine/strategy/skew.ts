import type { MarketView, PositionView, QuoteOut, Strategy } from './types';

export interface SkewParams {
  halfSpreadBps: number;
  /** Price shift of both quotes per unit of inventory, bps of mid (against the inventory). */
  skewBpsPerUnit: number;
  /** 0..1: at the inventory limit the side that adds inventory shrinks by this fraction. */
  sizeSkew: number;
  orderSize: number;
}

/**
 * Linear inventory skew: centre r = mid·(1 − skew·q) and sizes tilted toward reducing |q|.
 * The linear-in-q reservation shift is the first-order form of Avellaneda & Stoikov (2008), eq. (29).
 */
export function createSkew(p: SkewParams): Strategy {
  const h = p.halfSpreadBps / 1e4;
  const k = p.skewBpsPerUnit / 1e4;
  const { orderSize, sizeSkew } = p; // constants, not per-tick loads from p (its map differs from run to run)
  return {
    id: 'skew',
    quote(m: MarketView, pos: PositionView, out: QuoteOut): void {
      const q = pos.inventory;
      const r = m.mid * (1 - k * q);
      out.fairValue = m.mid;
      out.bid = r - m.mid * h;
      out.ask = r + m.mid * h;
      const u = Number.isFinite(pos.maxInventory) ? q / pos.maxInventory : 0;
      out.bidSize = orderSize * Math.max(0, Math.min(1, 1 - sizeSkew * u));
      out.askSize = orderSize * Math.max(0, Math.min(1, 1 + sizeSkew * u));
      out.regime = NaN;
    },
    onFill() {},
  };
}
