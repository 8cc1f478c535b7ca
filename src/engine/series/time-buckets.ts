import { positive } from '../util/validate';

/**
 * Mid changes over fixed calendar-time buckets, the observations of the regime HMM.
 *
 * Why buckets and not ticks: tick-by-tick mid changes are mostly exactly zero on real quote data,
 * so an HMM on them separates "unchanged / up a tick / down a tick" instead of calm, trending and
 * volatile markets. A change over a fixed number of seconds carries drift and volatility per unit
 * time, whatever the quote rate.
 *
 * Bucket k covers (T_k, T_{k+1}] with T_k = t0 + k·bucketSec, and its return is P(T_{k+1}) − P(T_k),
 * where P(T) is the mid of the last tick at or before T (previous-tick sampling, as in realised
 * variance: Andersen, Bollerslev, Diebold & Labys 2003, §2). A bucket is complete, and its return
 * known, at the first tick strictly after its end (another tick could still carry the end's own
 * timestamp); empty buckets return 0 (the mid did not move).
 */
export interface TimeBucketer {
  /**
   * Feeds one tick (times non-decreasing). Calls `emit(x)` for each bucket that this tick completes
   * (usually none or one; one per empty bucket across a gap), in order, before returning.
   */
  push(timeSec: number, mid: number, emit: (x: number) => void): void;
  /** Buckets completed so far. */
  readonly completed: number;
}

export function createTimeBucketer(bucketSec: number): TimeBucketer {
  const b = positive('bucketSec', bucketSec);
  let t0 = NaN;
  let k = 0; // index of the bucket in progress
  let end = Infinity; // T_{k+1}
  let open = NaN; // P(T_k)
  let prevMid = NaN;
  return {
    get completed() { return k; },
    push(t: number, m: number, emit: (x: number) => void): void {
      if (t0 !== t0) { t0 = t; end = t0 + b; open = m; prevMid = m; return; } // first tick: P(T_0)
      while (t > end) {
        emit(prevMid - open); // P(T_{k+1}) is the last tick at or before T_{k+1}: the previous one
        open = prevMid;
        k++;
        end = t0 + (k + 1) * b; // from t0, not accumulated: no drift of the grid over millions of buckets
      }
      if (t === t0) open = m; // ticks sharing the first timestamp: P(T_0) is the last of them
      prevMid = m;
    },
  };
}

/**
 * The buckets completed by ticks [0, upTo), one per next() (the streaming bucketer's rule in batch;
 * tests hold the two to each other). Times must be non-decreasing (as the streaming form needs, and
 * the backtest's data checks ensure): the tick that completes a bucket, the first one after its end,
 * is found by a galloping search (Bentley & Yao 1976) from the previous one, so the cost goes with the
 * number of buckets, not of ticks; P(T) is the mid of the tick before it. A class, not a closure: its
 * next() is one function for every walk, so its optimised code serves every run (a closure made per
 * run was compiled again in each).
 */
export class BucketWalk {
  /** The return of the bucket reached by the last next(), P(T_{k+1}) − P(T_k). */
  declare x: number;
  /** The tick that completed it: the first one strictly after its end. */
  declare tick: number;
  /** Its index k (buckets completed so far, less one). */
  declare bucket: number;
  declare private readonly time: Float64Array;
  declare private readonly mid: Float64Array;
  declare private readonly n: number;
  declare private readonly t0: number;
  declare private readonly b: number;
  /** End of the bucket in progress, T_{k+1}, and its opening price P(T_k). */
  declare private end: number;
  declare private open: number;

  constructor(time: Float64Array, mid: Float64Array, bucketSec: number, upTo = time.length) {
    const b = positive('bucketSec', bucketSec);
    const n = Math.min(upTo, time.length);
    // Every field set here, in one order, the numbers as doubles (NaN first): one map, no field
    // representation change later (a field first given a small integer is stored as one).
    this.x = NaN;
    this.tick = n > 0 ? firstAfter(time, time[0], 1, n) : 0;
    this.bucket = -1;
    this.time = time;
    this.mid = mid;
    this.n = n;
    this.t0 = NaN;
    this.b = NaN;
    this.end = NaN;
    this.open = NaN;
    if (n === 0) return;
    this.t0 = time[0];
    this.b = b;
    this.end = time[0] + b;
    this.open = mid[this.tick - 1]; // ticks sharing the first timestamp: P(T_0) is the last of them
  }

  /** Moves to the next completed bucket (x, tick, bucket); false when there is none. */
  next(): boolean {
    if (this.n === 0) return false;
    const i = firstAfter(this.time, this.end, this.tick, this.n);
    this.tick = i;
    if (i >= this.n) return false;
    const last = this.mid[i - 1]; // P(T_{k+1}): the last tick at or before the end (the same tick again across a gap)
    this.x = last - this.open;
    this.open = last;
    const k = ++this.bucket;
    this.end = this.t0 + (k + 2) * this.b; // from t0, not accumulated: no drift of the grid over millions of buckets
    return true;
  }
}

/** The first index i in [from, n) with time[i] > t, or n (time non-decreasing): galloping, then bisection. */
function firstAfter(time: Float64Array, t: number, from: number, n: number): number {
  if (from >= n || time[from] > t) return from;
  let lo = from; // time[lo] ≤ t
  let step = 1;
  let hi = from + 1;
  while (hi < n && !(time[hi] > t)) { lo = hi; step += step; hi = lo + step; }
  if (hi > n) hi = n; // time[hi] > t, or hi = n
  while (hi - lo > 1) {
    const m = (lo + hi) >>> 1;
    if (time[m] > t) hi = m;
    else lo = m;
  }
  return hi;
}

/**
 * Batch form of createTimeBucketer over ticks [0, upTo): calls `onBucket(x, i, k)` for each bucket k
 * completed by tick i, in order (BucketWalk). Returns the number of buckets completed.
 */
export function scanBuckets(time: Float64Array, mid: Float64Array, bucketSec: number, onBucket: (x: number, tick: number, bucket: number) => void, upTo = time.length): number {
  const w = new BucketWalk(time, mid, bucketSec, upTo);
  while (w.next()) onBucket(w.x, w.tick, w.bucket);
  return w.bucket + 1;
}

/** The returns of the buckets completed by ticks [0, upTo) (scanBuckets). */
export function bucketReturns(time: Float64Array, mid: Float64Array, bucketSec: number, upTo = time.length): Float64Array {
  const n = Math.min(upTo, time.length);
  const span = n > 1 ? time[n - 1] - time[0] : 0;
  let out = new Float64Array(Math.max(16, Math.min(1 << 24, Math.ceil(span / bucketSec) + 2)));
  const len = scanBuckets(time, mid, bucketSec, (x, _i, k) => {
    if (k === out.length) { const grown = new Float64Array(out.length * 2); grown.set(out); out = grown; }
    out[k] = x;
  }, upTo);
  return out.slice(0, len);
}

/**
 * For each tick, the buckets complete once it is seen (createTimeBucketer's `completed` after its
 * push), written into `into`: tick time t in (T_k, T_{k+1}] gives k.
 */
export function completedBucketsInto<T extends Float64Array | Int32Array>(time: Float64Array, bucketSec: number, into: T): T {
  let from = 0;
  const total = scanBuckets(time, time, bucketSec, (_x, i, k) => { if (i > from) { into.fill(k, from, i); from = i; } });
  into.fill(total, from, time.length);
  return into;
}

/**
 * For each tick, the bucket it lies in: tick time t in (T_k, T_{k+1}] lies in bucket k (the first
 * tick, at T_0, in bucket 0), capped at `lastBucket` — pass the last complete bucket's index so the
 * ticks of the bucket still in progress map to it. Maps per-bucket states (e.g. a Viterbi path) back to ticks.
 */
export function tickBuckets(time: Float64Array, bucketSec: number, lastBucket = Infinity): Int32Array {
  // After a tick at t in (T_k, T_{k+1}], buckets 0..k − 1 are complete and bucket k is in progress.
  const out = completedBucketsInto(time, bucketSec, new Int32Array(time.length));
  if (lastBucket < Infinity) for (let i = 0; i < out.length; i++) if (out[i] > lastBucket) out[i] = lastBucket;
  return out;
}

const NICE = [1, 2, 5];

/**
 * A default bucket length, seconds: about 10 mean quote intervals (so most buckets hold several
 * quotes) and at most ~5 000 buckets over the whole series, rounded up to 1, 2 or 5 × 10^k s.
 */
export function autoBucketSec(time: Float64Array): number {
  const n = time.length;
  if (n < 2) return 1;
  const span = time[n - 1] - time[0];
  if (!(span > 0)) return 1;
  const raw = Math.max((10 * span) / (n - 1), span / 5000);
  let scale = 10 ** Math.floor(Math.log10(raw));
  for (;;) {
    for (const m of NICE) if (m * scale >= raw * (1 - 1e-12)) return Number((m * scale).toPrecision(12));
    scale *= 10;
  }
}
