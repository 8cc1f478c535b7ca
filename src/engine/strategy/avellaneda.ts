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
 * Avellaneda & Stoikov (2008), with T − t held at `horizonSec`. `fair` gives the price quoted
 * around: the mid when absent ('as'); for 'as-kalman' a function of the mid, or (as the backtest
 * does) the fair value per tick, filled before the run because it depends on the market alone.
 */
const reservation = asReservation; // a local binding: called per tick (see backtest/run.ts)

export function createAs(p: AsStrategyParams, id: StrategyId = 'as', fair?: ((mid: number) => number) | Float64Array): Strategy {
  const half = 0.5 * asTotalSpread(p.gamma, p.sigma, p.kappa, p.horizonSec);
  // Constants, not loads from p per tick: p's map differs from run to run, so those loads go megamorphic.
  const { gamma, sigma, horizonSec, orderSize } = p;
  const fairAt = fair instanceof Float64Array ? fair : null;
  const fairOf = typeof fair === 'function' ? fair : null;
  // One quote function for every kind of fair value: the backtest's call site stays monomorphic per strategy.
  return {
    id,
    quote(m: MarketView, pos: PositionView, out: QuoteOut): void {
      const s = fairAt !== null ? fairAt[m.index] : fairOf !== null ? fairOf(m.mid) : m.mid;
      const r = reservation(s, pos.inventory, gamma, sigma, horizonSec);
      out.fairValue = s;
      out.bid = r - half;
      out.ask = r + half;
      out.bidSize = orderSize;
      out.askSize = orderSize;
      out.regime = NaN;
    },
    onFill() {},
  };
}
