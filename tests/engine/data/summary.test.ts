import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { median, summarizeTicks } from '../../../src/engine';

describe('summarizeTicks', () => {
  it('computes rows, span, median interval, median spread and return std for quotes', () => {
    const time = new Float64Array([0, 1, 3, 4]);
    const bid = new Float64Array([99, 99, 100, 99]);
    const ask = new Float64Array([101, 101, 102, 101]);
    const s = summarizeTicks('quotes', { time, bid, ask }, 2);
    expect(s.rows).toBe(4);
    expect([s.startTime, s.endTime, s.spanSec]).toEqual([0, 4, 4]);
    expect(s.medianTickIntervalSec).toBe(1);
    // spreads 2/100 → 200 bps (three times), 2/101 → 198.0198 bps: median 200
    expect(s.medianSpreadBps).toBeCloseTo(200, 9);
    const r = [0, Math.log(101 / 100), Math.log(100 / 101)];
    const m = (r[0] + r[1] + r[2]) / 3;
    expect(s.returnStd).toBeCloseTo(Math.sqrt(r.reduce((a, x) => a + (x - m) ** 2, 0) / 2), 12);
    expect(s.sigmaPerSqrtSec).toBeCloseTo(Math.sqrt((r[1] ** 2 + r[2] ** 2) / 4), 12);
    expect(s.rowsSkipped).toBe(2);
  });

  it('uses the trade price for trades and has no spread', () => {
    const s = summarizeTicks('trades', { time: new Float64Array([0, 2]), price: new Float64Array([10, 11]), size: new Float64Array([1, 1]) });
    expect(s.medianSpreadBps).toBeNaN();
    expect(s.sigmaPerSqrtSec).toBeCloseTo(Math.abs(Math.log(1.1)) / Math.sqrt(2), 12);
  });
});

describe('median', () => {
  it('equals the middle of the sorted values', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), { minLength: 1, maxLength: 200 }), (xs) => {
        const sorted = [...xs].sort((a, b) => a - b);
        const n = xs.length;
        const want = n % 2 ? sorted[n >> 1] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        expect(median(Float64Array.from(xs))).toBe(want);
      }),
    );
    expect(median(new Float64Array(0))).toBeNaN();
  });
});
