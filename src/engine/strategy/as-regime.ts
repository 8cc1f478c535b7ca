import { asReservation, asTotalSpread } from '../quoting/avellaneda-stoikov';
import { createRegimeFilter } from '../regime';
import type { HmmParams } from '../regime';
import type { MarketView, PositionView, QuoteOut, Strategy } from './types';

export interface AsRegimeParams {
  gamma: number;
  horizonSec: number;
  orderSize: number;
  /** HMM on per-tick mid changes (price units). */
  model: HmmParams;
  /** σ per state, price units per √second. */
  sigmaByState: ArrayLike<number>;
  /** κ per state, per price unit. */
  kappaByState: ArrayLike<number>;
}

/**
 * Avellaneda-Stoikov (2008, eqs. 29–30) whose σ and κ switch with the HMM regime. The regime is
 * decoded causally, one forward step per tick (createRegimeFilter): no look-ahead. The quotes sit
 * around `fair(mid)` (a Kalman fair value by default).
 */
const reservation = asReservation; // a local binding: called per tick (see backtest/run.ts)

export function createAsRegime(p: AsRegimeParams, fair: (mid: number) => number): Strategy {
  const K = p.model.means.length;
  if (p.sigmaByState.length !== K || p.kappaByState.length !== K) throw new RangeError(`sigmaByState and kappaByState need ${K} entries (one per HMM state)`);
  const half = new Float64Array(K);
  const sigma = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    sigma[k] = p.sigmaByState[k];
    half[k] = 0.5 * asTotalSpread(p.gamma, sigma[k], p.kappaByState[k], p.horizonSec);
  }
  const filter = createRegimeFilter(p.model);
  let prevMid = NaN;
  return {
    id: 'as-regime',
    quote(m: MarketView, pos: PositionView, out: QuoteOut): void {
      const k = Number.isNaN(prevMid) ? filter.update(0) : filter.update(m.mid - prevMid);
      prevMid = m.mid;
      const s = fair(m.mid);
      const r = reservation(s, pos.inventory, p.gamma, sigma[k], p.horizonSec);
      out.fairValue = s;
      out.bid = r - half[k];
      out.ask = r + half[k];
      out.bidSize = p.orderSize;
      out.askSize = p.orderSize;
      out.regime = k;
    },
    onFill() {},
  };
}
