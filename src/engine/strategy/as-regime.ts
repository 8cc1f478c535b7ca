import { asReservation, asTotalSpread } from '../quoting/avellaneda-stoikov';
import { createRegimeFilter } from '../regime';
import type { HmmParams } from '../regime';
import { BucketWalk, createTimeBucketer } from '../series/time-buckets';
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
 * most probable state of the model's initial law. The quotes sit around `fair` (a Kalman fair value
 * by default): a function of the mid, or the fair value per tick.
 * With `signals`, the regime of every tick is decoded before the run into `signals.regime` (it
 * depends on the market alone; the same filter, so the same states) and quoting reads it per tick;
 * a column instead is that decoding already done (causalRegimesInto, e.g. a reused column that holds it).
 */
const reservation = asReservation; // a local binding: called per tick (see backtest/run.ts)

export function createAsRegime(
  p: AsRegimeParams, fair: ((mid: number) => number) | Float64Array,
  signals?: { time: Float64Array; mid: Float64Array; regime: Float64Array } | Float64Array,
): Strategy {
  const K = p.model.means.length;
  if (p.sigmaByState.length !== K || p.kappaByState.length !== K) throw new RangeError(`sigmaByState and kappaByState need ${K} entries (one per HMM state)`);
  const half = new Float64Array(K);
  const sigma = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    sigma[k] = p.sigmaByState[k];
    half[k] = 0.5 * asTotalSpread(p.gamma, sigma[k], p.kappaByState[k], p.horizonSec);
  }
  // Without signals the regime is decoded tick by tick here; with them it was decoded before the run.
  const regimeAt = signals === undefined ? null : signals instanceof Float64Array ? signals : causalRegimesInto(signals.time, signals.mid, p.model, p.bucketSec, signals.regime);
  const filter = regimeAt === null ? createRegimeFilter(p.model) : null;
  const bucketer = regimeAt === null ? createTimeBucketer(p.bucketSec) : null;
  let state = initialState(p.model);
  const onBucket = (x: number) => { state = filter!.update(x); };
  const fairAt = fair instanceof Float64Array ? fair : null;
  const fairOf = typeof fair === 'function' ? fair : null;
  const { gamma, horizonSec, orderSize } = p; // constants, not per-tick loads from p (its map differs from run to run)
  // One quote function for every variant: the backtest's call site stays monomorphic per strategy.
  return {
    id: 'as-regime',
    quote(m: MarketView, pos: PositionView, out: QuoteOut): void {
      const i = m.index;
      if (bucketer !== null) bucketer.push(m.time, m.mid, onBucket);
      const k = regimeAt !== null ? regimeAt[i] : state;
      const s = fairAt !== null ? fairAt[i] : fairOf!(m.mid);
      const r = reservation(s, pos.inventory, gamma, sigma[k], horizonSec);
      out.fairValue = s;
      out.bid = r - half[k];
      out.ask = r + half[k];
      out.bidSize = orderSize;
      out.askSize = orderSize;
      out.regime = k;
    },
    onFill() {},
  };
}

/** The most probable state of the model's initial law (the lowest index on a tie). */
function initialState(model: HmmParams): number {
  let k = 0;
  for (let j = 1; j < model.init.length; j++) if (model.init[j] > model.init[k]) k = j;
  return k;
}

/**
 * The causal regime of every tick, into `into`: the state the forward filter holds after the
 * buckets completed by that tick (the per-tick quote path above, in batch: one forward step per
 * completed bucket, each state written over the ticks until the next bucket completes). Returns `into`.
 */
export function causalRegimesInto(time: Float64Array, mid: Float64Array, model: HmmParams, bucketSec: number, into: Float64Array): Float64Array {
  const filter = createRegimeFilter(model);
  const w = new BucketWalk(time, mid, bucketSec);
  let state = initialState(model);
  let from = 0;
  while (w.next()) {
    const i = w.tick;
    if (i > from) { into.fill(state, from, i); from = i; }
    state = filter.update(w.x);
  }
  into.fill(state, from, time.length);
  return into;
}
