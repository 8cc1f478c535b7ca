import { asReservation, asTotalSpread } from '../quoting/avellaneda-stoikov';
import { createRegimeFilter } from '../regime';
import type { HmmParams } from '../regime';
import { createTimeBucketer } from '../series/time-buckets';
import type { MarketView, PositionView, QuoteOut, Strategy } from './types';

export interface AsRegimeParams {
  gamma: number;
  horizonSec: number;
  orderSize: number;
  /** HMM on mid changes over `bucketSec` time buckets (price units). */
  model: HmmParams;
  /** Time bucket of the HMM's observations, seconds (series/time-buckets.ts). */
  bucketSec: number;
  /** σ per state, price units per √second. */
  sigmaByState: ArrayLike<number>;
  /** κ per state, per price unit. */
  kappaByState: ArrayLike<number>;
}

/**
 * Avellaneda-Stoikov (2008, eqs. 29–30) whose σ and κ switch with the HMM regime. The regime is
 * decoded causally, one forward step per completed time bucket (createRegimeFilter on the
 * createTimeBucketer returns): no look-ahead. Until the first bucket completes, the regime is the
 * most probable state of the model's initial law. The quotes sit around `fair(mid)` (a Kalman fair value by default).
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
  const bucketer = createTimeBucketer(p.bucketSec);
  let k = 0;
  for (let j = 1; j < K; j++) if (p.model.init[j] > p.model.init[k]) k = j;
  const onBucket = (x: number) => { k = filter.update(x); };
  return {
    id: 'as-regime',
    quote(m: MarketView, pos: PositionView, out: QuoteOut): void {
      bucketer.push(m.time, m.mid, onBucket);
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
