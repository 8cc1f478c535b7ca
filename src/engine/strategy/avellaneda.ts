import { asReservation, asTotalSpread } from '../quoting/avellaneda-stoikov';
import type { QuoteOut, Strategy, StrategyId } from './types';

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
  const write = (s: number, q: number, out: QuoteOut): void => {
    const r = reservation(s, q, p.gamma, p.sigma, p.horizonSec);
    out.fairValue = s;
    out.bid = r - half;
    out.ask = r + half;
    out.bidSize = p.orderSize;
    out.askSize = p.orderSize;
    out.regime = NaN;
  };
  const onFill = (): void => {};
  if (fair instanceof Float64Array) return { id, quote: (m, pos, out) => write(fair[m.index], pos.inventory, out), onFill };
  if (fair !== undefined) return { id, quote: (m, pos, out) => write(fair(m.mid), pos.inventory, out), onFill };
  return { id, quote: (m, pos, out) => write(m.mid, pos.inventory, out), onFill };
}
