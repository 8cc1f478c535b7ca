import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closedTimeHint, median, summarizeTicks } from '../../../src/engine';

describe('summarizeTicks', () => {
  it('finds the longest pause and says when it looks like a closed market (a night, a weekend)', () => {
    // Friday 2024-03-08 21:59 UTC, then Sunday 2024-03-10 22:00 UTC: a 48 h FX weekend.
    const fri = Date.UTC(2024, 2, 8, 21, 59) / 1000;
    const time = Float64Array.of(fri - 120, fri - 60, fri, fri + 48 * 3600 + 60, fri + 48 * 3600 + 120);
    const close = Float64Array.of(1, 1.1, 1.2, 1.1, 1);
    const s = summarizeTicks('trades', { time, price: close });
    expect(s.longestGapSec).toBe(48 * 3600 + 60);
    expect(s.longestGapFrom).toBe(fri);
    expect(closedTimeHint(s)).toBe('The data pause for 48 h from Fri 2024-03-08 21:59 UTC: a weekend of a market that closes? On the 24/7 year basis closed time counts as flat PnL buckets; the FX (24/5) or exchange basis leaves it out of Sharpe and Sortino.');
    // An equity night (17.5 h) is a night; a 2 h outage is no closed market.
    expect(closedTimeHint({ longestGapSec: 17.5 * 3600, longestGapFrom: fri })).toMatch(/^The data pause for 18 h from Fri .*: a night of a market/);
    expect(closedTimeHint({ longestGapSec: 2 * 3600, longestGapFrom: fri })).toBeNull();
    // A summary saved before these fields existed has none: no hint.
    expect(closedTimeHint({} as Parameters<typeof closedTimeHint>[0])).toBeNull();
    expect(summarizeTicks('trades', { time: Float64Array.of(5), price: Float64Array.of(1) }).longestGapSec).toBe(0);
  });

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
