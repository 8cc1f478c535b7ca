import { glftCoefficients } from '../quoting/glft';
import type { MarketView, PositionView, QuoteOut, Strategy } from './types';

export interface GlftStrategyParams {
  gamma: number;
  /** Price units per √second. */
  sigma: number;
  /** Per price unit. */
  kappa: number;
  /** Arrivals per second at zero depth. */
  A: number;
  xi: number;
  /** Δ, asset units. */
  orderSize: number;
  /** Inventory bound Q, asset units: no bid at q ≥ Q, no ask at q ≤ −Q. */
  maxInventory: number;
}

/**
 * Guéant–Lehalle–Fernandez-Tapia quotes: δᵇ = c1 + (Δ/2)σc2 + σc2·q, δᵃ = c1 + (Δ/2)σc2 − σc2·q
 * (Guéant 2017, eqs. 4.6–4.7), with the bounds ±Q of the original model enforced by not quoting
 * the side that would cross them.
 */
export function createGlft(p: GlftStrategyParams): Strategy {
  const { c1, c2 } = glftCoefficients(p.gamma, p.kappa, p.A, p.xi, p.orderSize);
  const half = c1 + (p.orderSize / 2) * p.sigma * c2;
  const skew = p.sigma * c2;
  const Q = p.maxInventory;
  const orderSize = p.orderSize; // a constant, not a per-tick load from p (its map differs from run to run)
  return {
    id: 'glft',
    quote(m: MarketView, pos: PositionView, out: QuoteOut): void {
      const q = pos.inventory;
      out.fairValue = m.mid;
      out.bid = m.mid - (half + skew * q);
      out.ask = m.mid + (half - skew * q);
      out.bidSize = q + orderSize <= Q + 1e-12 ? orderSize : 0;
      out.askSize = q - orderSize >= -Q - 1e-12 ? orderSize : 0;
      out.regime = NaN;
    },
    onFill() {},
  };
}
