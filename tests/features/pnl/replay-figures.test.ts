import { describe, expect, it } from 'vitest';
import { histogram } from '../../../src/engine/analytics/buckets';
import { bucketCountsUpTo, lastAtOrBefore, pnlAtCursor } from '../../../src/features/pnl/replay-figures';

describe('replay figures of the PnL panel', () => {
  it('reads the series at the last point at or before the cursor, and the deepest drawdown up to it', () => {
    const p = { time: [10, 11, 12, 13], pnl: [0, 2, -1, 3], buyHold: [0, 1, 1, 2], drawdown: [0, 0, -3, -1] };
    expect(lastAtOrBefore(p.time, 9.9)).toBe(-1);
    expect(lastAtOrBefore(p.time, 12)).toBe(2);
    expect(pnlAtCursor(p, 9)).toBeNull();
    expect(pnlAtCursor(p, 11.5)).toEqual({ time: 11, pnl: 2, buyHold: 1, drawdown: 0 });
    expect(pnlAtCursor(p, 100)).toEqual({ time: 13, pnl: 3, buyHold: 2, drawdown: -3 });
  });

  it('counts only the buckets complete at the cursor, in the engine’s own bins; all of them at the end', () => {
    // Bucket PnLs of 60 s buckets, in time order, binned by the engine.
    const b = Float64Array.from([-3, 1, 2.5, -0.5, 4, 0, -2, 3.9]);
    const h = histogram(b, 5);
    const idx = b.map((_, k) => k);
    expect(Array.from(bucketCountsUpTo(b, idx, h.edges, 60, 8 * 60))).toEqual(Array.from(h.counts));
    expect(Array.from(bucketCountsUpTo(b, idx, h.edges, 60, 1e9))).toEqual(Array.from(h.counts));
    // 150 s in: buckets 0 and 1 are complete (−3 and 1), bucket 2 is not.
    const part = bucketCountsUpTo(b, idx, h.edges, 60, 150);
    expect(part.reduce((s, x) => s + x, 0)).toBe(2);
    expect(part[0]).toBe(1); // −3 is the minimum: the first bin
    expect(bucketCountsUpTo(b, idx, h.edges, 60, 59).every((x) => x === 0)).toBe(true);
  });

  it('places each bucket by its own index when closed-market buckets were left out', () => {
    // Buckets 0, 1, then a weekend (2–3 left out), then 4 and 5.
    const b = Float64Array.from([-3, 1, 2.5, -0.5]);
    const idx = Float64Array.from([0, 1, 4, 5]);
    const h = histogram(b, 4);
    // 4 buckets in (240 s): only the two before the closure are complete, not the first two after it.
    expect(bucketCountsUpTo(b, idx, h.edges, 60, 240).reduce((s, x) => s + x, 0)).toBe(2);
    expect(bucketCountsUpTo(b, idx, h.edges, 60, 300).reduce((s, x) => s + x, 0)).toBe(3);
    expect(Array.from(bucketCountsUpTo(b, idx, h.edges, 60, 360))).toEqual(Array.from(h.counts));
  });
});
