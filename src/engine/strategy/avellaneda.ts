import { asReservation, asTotalSpread } from '../quoting/avellaneda-stoikov';
import type { MarketView, PositionView, QuoteOut, Strategy, StrategyId } from './types';

export interface AsStrategyParams {
  /** Risk aversion, per (price unit × asset unit). */
  gamma: number;
  /** Price units per √second. */
  sigma: number;
  /** Per price unit. */
  kappa: number;
  /** Constant T − t (rolling horizon), seconds. */
  horizonSec: number;
  orderSize: number;
}

/**
 * Avellaneda-Stoikov around a fair value: reservation eq. (29), total spread eq. (30) of
 * Avellaneda & Stoikov (2008), with T − t held at `horizonSec`. `fair` maps the mid to the
 * price quoted around (identity for 'as', a Kalman filter for 'as-kalman').
 */
const reservation = asReservation; // a local binding: called per tick (see backtest/run.ts)

export function createAs(p: AsStrategyParams, id: StrategyId = 'as', fair?: (mid: number) => number): Strategy {
  const half = 0.5 * asTotalSpread(p.gamma, p.sigma, p.kappa, p.horizonSec);
  return {
    id,
    quote(m: MarketView, pos: PositionView, out: QuoteOut): void {
      const s = fair === undefined ? m.mid : fair(m.mid);
      const r = reservation(s, pos.inventory, p.gamma, p.sigma, p.horizonSec);
      out.fairValue = s;
      out.bid = r - half;
      out.ask = r + half;
      out.bidSize = p.orderSize;
      out.askSize = p.orderSize;
      out.regime = NaN;
    },
    onFill() {},
  };
}
