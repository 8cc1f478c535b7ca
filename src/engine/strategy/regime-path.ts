import { viterbi, type HmmParams } from '../regime';
import { bucketReturns, tickBuckets } from '../series/time-buckets';
import { memoPerTickOnDataset, valuesKey } from '../data/dataset-memo';

/** The hindsight regime path of a dataset under one model: per bucket and per tick. */
export interface RegimePath {
  /** The mid changes over the time buckets (the HMM's observations). */
  x: Float64Array;
  /** Viterbi state per bucket ([0] when the data spans no whole bucket). */
  path: Int32Array;
  /** State of each tick: its bucket's, the ticks after the last complete bucket in that one (tickBuckets). */
  tickState: Int32Array;
  /** bucketStart[b]: the first tick whose bucket (tickBuckets, capped as tickState) is b or later; non-decreasing. */
  bucketStart: Int32Array;
}

/**
 * The most likely state sequence in hindsight (Viterbi; Rabiner 1989, §III-B, eq. 30–35) of the mid
 * changes over `bucketSec` buckets, mapped to ticks: for display only, quoting uses the causal path
 * (causalRegimesInto). The one definition for the backtest's result.regimeViterbi and the regime
 * view. Depends on the data, the model and the bucket alone, so it is computed once per dataset
 * for the two most recent (model, bucket) pairs (a 4-byte column per tick each): re-runs and panel
 * refreshes reuse it. Shared: read-only.
 */
export function regimePath(time: Float64Array, mid: Float64Array, model: HmmParams, bucketSec: number): RegimePath {
  const key = `regime-path|${bucketSec}|${valuesKey(model.means, model.variances, model.trans, model.init)}`;
  return memoPerTickOnDataset(time, mid, key, () => {
    const x = bucketReturns(time, mid, bucketSec);
    const path = x.length > 0 ? viterbi(x, model) : Int32Array.of(0);
    // Each tick's bucket, then in place its state: one n-length column, not two. The buckets are
    // non-decreasing in the tick, so where each one starts (a column per bucket) keeps them all.
    const tickState = tickBuckets(time, bucketSec, path.length - 1);
    const bucketStart = new Int32Array(path.length).fill(tickState.length); // no tick (yet) in the bucket
    for (let i = tickState.length - 1; i >= 0; i--) bucketStart[tickState[i]] = i;
    // A bucket no tick lies in starts where the next one does.
    for (let b = path.length - 2; b >= 0; b--) if (bucketStart[b] > bucketStart[b + 1]) bucketStart[b] = bucketStart[b + 1];
    for (let i = 0; i < tickState.length; i++) tickState[i] = path[tickState[i]];
    return { x, path, tickState, bucketStart };
  });
}

/** The bucket of each of `ticks` (as tickBuckets gives it, capped at the last bucket of `p`), from p.bucketStart. */
export function bucketsOfTicks(p: RegimePath, ticks: ArrayLike<number>): Int32Array {
  const start = p.bucketStart;
  return Int32Array.from(ticks, (j) => {
    // The last bucket b with start[b] ≤ j.
    let lo = 0, hi = start.length - 1;
    while (lo < hi) {
      const m = (lo + hi + 1) >> 1;
      if (start[m] <= j) lo = m;
      else hi = m - 1;
    }
    return lo;
  });
}
