import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { autoBucketSec, bucketReturns, completedBucketsInto, createTimeBucketer, tickBuckets } from '../../../src/engine';
import { BucketWalk } from '../../../src/engine/series/time-buckets';

/** Straight from the definition: P(T) = mid of the last tick at or before T; bucket k = P(T_{k+1}) − P(T_k). */
function bruteForce(time: number[], mid: number[], b: number): { x: number[]; bucketOf: number[] } {
  const t0 = time[0];
  const priceAt = (T: number) => { let p = mid[0]; for (let i = 0; i < time.length; i++) if (time[i] <= T) p = mid[i]; return p; };
  const x: number[] = [];
  // Buckets complete when a tick strictly after their end has arrived.
  for (let k = 0; t0 + (k + 1) * b < time[time.length - 1]; k++) x.push(priceAt(t0 + (k + 1) * b) - priceAt(t0 + k * b));
  const bucketOf = time.map((t) => (t === t0 ? 0 : Math.ceil((t - t0) / b) - 1));
  return { x, bucketOf };
}

const ticks = fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: -20, max: 20 })), { minLength: 1, maxLength: 60 })
  .map((steps) => {
    // Times on a 0.25 s grid (so ticks land exactly on bucket boundaries too), prices on a 0.5 grid.
    let t = 1000, p = 100;
    const time: number[] = [], mid: number[] = [];
    for (const [dt, dp] of steps) { t += dt * 0.25; p += dp * 0.5; time.push(t); mid.push(p); }
    return { time, mid };
  });

describe('time buckets', () => {
  it('bucketReturns equals the previous-tick definition, gaps and ticks on boundaries included', () => {
    fc.assert(fc.property(ticks, fc.constantFrom(0.25, 0.5, 1, 2.5), ({ time, mid }, b) => {
      const want = bruteForce(time, mid, b);
      const got = bucketReturns(Float64Array.from(time), Float64Array.from(mid), b);
      expect(Array.from(got)).toEqual(want.x);
      expect(Array.from(tickBuckets(Float64Array.from(time), b))).toEqual(want.bucketOf);
    }), { numRuns: 300 });
  });

  it('the streaming bucketer emits the batch returns, each at the first tick strictly after its bucket end', () => {
    const time = Float64Array.of(0, 0.4, 1, 1, 1.2, 3.7, 4, 4.1);
    const mid = Float64Array.of(10, 11, 12, 12.5, 13, 14, 15, 16);
    const b = createTimeBucketer(1);
    const seen: Array<[number, number]> = [];
    for (let i = 0; i < time.length; i++) b.push(time[i], mid[i], (x) => seen.push([i, x]));
    // (0,1]: 12.5 − 10 (the last of two ticks at t = 1), known at t = 1.2; (1,2] and (2,3]: 13 − 12.5,
    // then 0, known at t = 3.7; (3,4]: 15 − 13 at t = 4.1.
    expect(seen).toEqual([[4, 2.5], [5, 0.5], [5, 0], [7, 2]]);
    expect(Array.from(bucketReturns(time, mid, 1))).toEqual([2.5, 0.5, 0, 2]);
    expect(Array.from(tickBuckets(time, 1))).toEqual([0, 0, 0, 0, 1, 3, 3, 4]);
    // Capped at the last complete bucket: the tick of the bucket in progress maps to it.
    expect(Array.from(tickBuckets(time, 1, 3))).toEqual([0, 0, 0, 0, 1, 3, 3, 3]);
    expect(b.completed).toBe(4);
  });

  it('the batch forms (bucketReturns, completedBucketsInto) are the streaming bucketer, any prefix', () => {
    fc.assert(fc.property(ticks, fc.constantFrom(0.25, 0.5, 1, 2.5), fc.nat(), ({ time, mid }, b, cut) => {
      const t = Float64Array.from(time), m = Float64Array.from(mid);
      const upTo = cut % (time.length + 1);
      const streamed: number[] = [];
      const completed: number[] = [];
      const bucketer = createTimeBucketer(b);
      for (let i = 0; i < time.length; i++) {
        bucketer.push(t[i], m[i], (x) => { if (i < upTo) streamed.push(x); });
        completed.push(bucketer.completed);
      }
      expect(Array.from(bucketReturns(t, m, b, upTo))).toEqual(streamed);
      expect(Array.from(completedBucketsInto(t, b, new Float64Array(time.length)))).toEqual(completed);
    }), { numRuns: 300 });
  });

  it('BucketWalk visits the streaming bucketer\'s buckets, at its ticks, across long runs of ticks and gaps', () => {
    // Ticks every 0.01 s with two gaps and ties (the galloping search jumps over hundreds of ticks per bucket).
    const time: number[] = [], mid: number[] = [];
    let t = 3;
    for (let i = 0; i < 5000; i++) {
      t += i < 3 ? 0 : i === 1200 ? 7.3 : i === 4000 ? 0.5 : i % 7 === 0 ? 0 : 0.01;
      time.push(t); mid.push(100 + ((i * 37) % 101) * 0.25);
    }
    const tt = Float64Array.from(time), mm = Float64Array.from(mid);
    for (const b of [0.05, 1, 2.5]) {
      const seen: Array<[number, number]> = [];
      const bucketer = createTimeBucketer(b);
      for (let i = 0; i < time.length; i++) bucketer.push(tt[i], mm[i], (x) => seen.push([i, x]));
      const walked: Array<[number, number]> = [];
      const w = new BucketWalk(tt, mm, b);
      while (w.next()) { walked.push([w.tick, w.x]); expect(w.bucket).toBe(walked.length - 1); }
      expect(walked).toEqual(seen);
      expect(seen.length).toBeGreaterThan(b === 0.05 ? 500 : 10);
    }
    expect(new BucketWalk(new Float64Array(0), new Float64Array(0), 1).next()).toBe(false);
    expect(new BucketWalk(Float64Array.of(1), Float64Array.of(5), 1).next()).toBe(false);
  });

  it('keeps the grid anchored at the first tick over millions of buckets (no accumulated drift)', () => {
    const n = 2_000_001;
    const time = Float64Array.from({ length: n }, (_, i) => 5 + i * 0.1);
    const mid = Float64Array.from({ length: n }, (_, i) => i);
    const x = bucketReturns(time, mid, 0.1);
    expect(x.length).toBe(n - 2); // the last bucket ends on the last tick: not yet known to be complete
    let ones = 0;
    for (let i = 0; i < x.length; i++) if (x[i] === 1) ones++;
    expect(ones).toBe(n - 2);
  });

  it('rejects a non-positive bucket with a message naming it', () => {
    expect(() => createTimeBucketer(0)).toThrow(/bucketSec/);
    expect(() => bucketReturns(Float64Array.of(0, 1), Float64Array.of(1, 2), -1)).toThrow(/bucketSec/);
  });

  it('autoBucketSec: about ten mean quote intervals, at most ~5000 buckets, a 1-2-5 number', () => {
    const grid = (n: number, dt: number) => Float64Array.from({ length: n }, (_, i) => i * dt);
    expect(autoBucketSec(grid(100_000, 0.1))).toBe(2); // 10·0.1 = 1 s, but 10^4 s / 5000 = 2 s
    expect(autoBucketSec(grid(10_000, 0.1))).toBe(1); // 10 quote intervals
    expect(autoBucketSec(grid(66_000, 0.0052))).toBe(0.1); // ~6 min of Binance quotes: 0.069 s → 0.1 s
    expect(autoBucketSec(grid(1_000_000, 0.1))).toBe(20);
    expect(autoBucketSec(Float64Array.of(5))).toBe(1);
    expect(autoBucketSec(Float64Array.of(5, 5, 5))).toBe(1);
  });
});
