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
    // Each tick's bucket, then in place its state: one n-length column, not two.
    const tickState = tickBuckets(time, bucketSec, path.length - 1);
    for (let i = 0; i < tickState.length; i++) tickState[i] = path[tickState[i]];
    return { x, path, tickState };
  });
}
