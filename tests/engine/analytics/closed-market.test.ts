import { describe, expect, it } from 'vitest';
import {
  bucketPnl, bucketsPerYear, buyAndHold, computeMetrics, createRng, pnlHistogram, sharpeSortino, tradingSeconds, yearBasisLabel,
  YEAR_SECONDS_24_5, YEAR_SECONDS_24_7, YEAR_SECONDS_EXCHANGE, type MetricsInput, type YearBasis,
} from '../../../src/engine';

const DAY = 86_400;

/**
 * Eight weeks of a weekday market, one tick a minute from Monday 00:00 to Friday 24:00 and none at the
 * weekend, with a seeded random walk of equity: an FX month as a 24/5 market gives it.
 */
function weekdayMarket(weeks: number, seed: number): { time: Float64Array; equity: Float64Array } {
  const rng = createRng(seed);
  const t: number[] = [], e: number[] = [];
  let eq = 0;
  for (let w = 0; w < weeks; w++) {
    for (let d = 0; d < 5; d++) {
      for (let m = 0; m < 1440; m += 1) {
        t.push(w * 7 * DAY + d * DAY + m * 60);
        eq += rng.normal() + 0.05;
        e.push(eq);
      }
    }
  }
  return { time: Float64Array.from(t), equity: Float64Array.from(e) };
}

function inputOf(time: Float64Array, equity: Float64Array, bucketSec: number, yearBasis: YearBasis): MetricsInput {
  const n = time.length;
  return {
    time, mid: new Float64Array(n).fill(100), inventory: new Float64Array(n), equity,
    fills: { side: new Float64Array(0), size: new Float64Array(0), price: new Float64Array(0), midAtFill: new Float64Array(0), midAfter: new Float64Array(0) },
    fillCount: 0, quoteUpdates: 0, volume: 0, feesPaid: 0, maxInventory: 1, bucketSec, yearBasis, capital: 1000, timeKilledSec: 0, sharpeInterval: false,
  };
}

describe('closed market: buckets without a tick', () => {
  it('are PnL 0 by default and left out with dropEmpty, the move across the closure counted in the first bucket after it', () => {
    // Ticks in buckets 0, 1 and 4 (60 s buckets); 2 and 3 hold none.
    const t = Float64Array.of(0, 30, 60, 90, 250, 270);
    const eq = Float64Array.of(0, 1, 3, 2, 7, 6);
    expect(Array.from(bucketPnl(t, eq, 60))).toEqual([1, 1, 0, 0, 4]);
    expect(Array.from(bucketPnl(t, eq, 60, true))).toEqual([1, 1, 4]);
    const h = pnlHistogram(t, eq, 60, true);
    expect(Array.from(h.bucketIndex)).toEqual([0, 1, 4]);
    expect(h.closedBuckets).toBe(2);
    const open = pnlHistogram(t, eq, 60);
    expect(Array.from(open.bucketIndex)).toEqual([0, 1, 2, 3, 4]);
    expect(open.closedBuckets).toBe(0);
  });

  it('buckets per year: the year over the bucket up to a trading day, one a trading day up to a calendar day, calendar beyond', () => {
    expect(bucketsPerYear('24/7', 3600)).toBe(YEAR_SECONDS_24_7 / 3600);
    expect(bucketsPerYear('24/7', DAY)).toBe(365);
    expect(bucketsPerYear('24/5', DAY)).toBe(260);
    expect(bucketsPerYear('24/5', 3600)).toBe(YEAR_SECONDS_24_5 / 3600); // 6 240 hours of a weekday market
    expect(bucketsPerYear('exchange', 3600)).toBe(YEAR_SECONDS_EXCHANGE / 3600); // 1 638 = 252 × 6.5
    // A day bucket holds one 6.5 h session: 252 a year (the year over the bucket would say 68).
    expect(bucketsPerYear('exchange', DAY)).toBe(252);
    expect(bucketsPerYear('24/5', 7 * DAY)).toBeCloseTo(365 / 7, 12);
    expect(yearBasisLabel('24/5')).toBe('260 × 24 h');
    expect(yearBasisLabel('exchange')).toBe('252 × 6.5 h');
  });

  it('on the 24/5 basis a weekday market has no weekend buckets: Sharpe × √260 of the weekdays, PnL scaled by its trading time', () => {
    const { time, equity } = weekdayMarket(8, 4);
    const fx = computeMetrics(inputOf(time, equity, DAY, '24/5'));
    const all = computeMetrics(inputOf(time, equity, DAY, '24/7'));
    // 8 weeks from Monday to the last Friday: 54 day buckets, of which 14 weekend days.
    expect(all.buckets).toBe(54);
    expect(fx.buckets).toBe(40);
    expect(fx.histogram.closedBuckets).toBe(14);
    expect(Array.from(fx.histogram.bucketPnl).every((v) => v !== 0)).toBe(true);
    expect(Array.from(all.histogram.bucketPnl).filter((v) => v === 0).length).toBe(14);
    const weekdays = bucketPnl(time, equity, DAY, true);
    expect(fx.annualised).not.toBeNull();
    expect(fx.annualised!.sharpe).toBe(sharpeSortino(weekdays, 260).sharpe);
    expect(fx.annualised!.bucketsPerYear).toBe(260);
    // 40 trading days: the PnL × 260 / 40, where the calendar span would have scaled by 260 days / 53.99 days.
    const total = equity[equity.length - 1] - equity[0];
    expect(tradingSeconds(fx.durationSec, 40, DAY, '24/5')).toBe(40 * DAY);
    expect(fx.annualised!.pnl).toBeCloseTo((total * 260) / 40, 9);
    expect(fx.annualisation).toMatch(/√\(260 buckets per 260 × 24 h year\); 14 buckets without a tick left out as closed market/);
    // PnL per day over the 40 trading days, not the 54 calendar days the weekends would dilute it over.
    expect(fx.perPeriod).toMatchObject({ unit: 'day', overSec: 40 * DAY, openMarket: true, periods: 40 });
    expect(fx.perPeriod.pnl).toBeCloseTo(total / 40, 9);
    expect(all.perPeriod).toMatchObject({ unit: 'day', overSec: all.durationSec, openMarket: false });
    // The 24/7 basis keeps the flat weekend buckets, as before.
    expect(all.annualised!.sharpe).toBe(sharpeSortino(bucketPnl(time, equity, DAY), 365).sharpe);
    expect(all.annualisation).not.toMatch(/closed market/);
  });

  it('exchange sessions: hourly buckets outside the session are left out, and a day bucket is one of 252 a year', () => {
    // 40 sessions of 6.5 h (09:30–16:00), one tick a minute, five a week.
    const rng = createRng(8);
    const t: number[] = [], e: number[] = [];
    let eq = 0;
    for (let s = 0; s < 40; s++) {
      const day = Math.floor(s / 5) * 7 + (s % 5);
      for (let m = 0; m <= 390; m++) { t.push(day * DAY + 9.5 * 3600 + m * 60); eq += rng.normal(); e.push(eq); }
    }
    const time = Float64Array.from(t), equity = Float64Array.from(e);
    const hourly = computeMetrics(inputOf(time, equity, 3600, 'exchange'));
    // Buckets from the first tick at 09:30: 7 a session hold ticks (09:30 … 16:00 inclusive).
    expect(hourly.buckets).toBe(40 * 7);
    const daily = computeMetrics(inputOf(time, equity, DAY, 'exchange'));
    expect(daily.buckets).toBe(40);
    expect(daily.annualised!.bucketsPerYear).toBe(252);
    expect(daily.annualised!.sharpe).toBe(sharpeSortino(bucketPnl(time, equity, DAY, true), 252).sharpe);
    // Trading time of 40 sessions of 6.5 h: the annualised PnL is 252/40 of the total.
    expect(daily.annualised!.pnl).toBeCloseTo(((equity[equity.length - 1] - equity[0]) * 252) / 40, 9);
  });

  it('buy-and-hold leaves out the same buckets as the strategy', () => {
    const { time } = weekdayMarket(6, 2);
    const rng = createRng(5);
    const mid = new Float64Array(time.length);
    mid[0] = 1.1;
    for (let i = 1; i < mid.length; i++) mid[i] = mid[i - 1] * (1 + 1e-4 * rng.normal());
    const size = 1000, takerBps = 0.5;
    const fx = buyAndHold(time, mid, mid[0], size, takerBps, DAY, '24/5');
    const fee = Math.abs(mid[0] * size) * (takerBps / 1e4);
    const eq = Float64Array.from(mid, (m) => size * (m - mid[0]) - fee);
    expect(fx.sharpe).toBe(sharpeSortino(bucketPnl(time, eq, DAY, true), 260).sharpe);
    expect(buyAndHold(time, mid, mid[0], size, takerBps, DAY, '24/7').sharpe).toBe(sharpeSortino(bucketPnl(time, eq, DAY), 365).sharpe);
  });

  it('a sample shorter than its bucket is not a bucket of trading time', () => {
    expect(tradingSeconds(0.012, 1, 60, '24/5')).toBe(0.012);
    expect(tradingSeconds(1000, 1, 60, '24/7')).toBe(1000);
  });
});
