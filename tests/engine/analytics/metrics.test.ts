import { describe, expect, it } from 'vitest';
import { fmtDuration } from '../../../src/lib/format';
import fc from 'fast-check';
import {
  annualisationBlocked, MIN_PERIOD_SEC, bucketPnl, buyAndHold, computeMetrics, createRng, describeDuration, histogram, markoutMids, maxDrawdown, periodFigures, rankByNetPnl, regimeShares,
  sharpePerObservation, sharpeSortino, YEAR_SECONDS_24_7, type MetricsInput,
} from '../../../src/engine';

describe('drawdown', () => {
  it('finds the largest fall from a running peak, absolute and in % of capital + peak', () => {
    const eq = Float64Array.of(0, 5, 3, 8, 2, 4, 9);
    const dd = maxDrawdown(eq, 100);
    expect(dd.abs).toBe(6); // 8 → 2
    expect(dd.pct).toBeCloseTo((6 / 108) * 100, 12);
  });
});

describe('buckets, Sharpe and Sortino', () => {
  it('splits equity into per-bucket PnL that sums to the total', () => {
    const t = Float64Array.of(0, 30, 60, 90, 120, 150);
    const eq = Float64Array.of(0, 1, 3, 2, 2, 6);
    const b = bucketPnl(t, eq, 60);
    expect(Array.from(b)).toEqual([1, 1, 4]); // [0,60): 0→1, [60,120): 1→2, [120,..]: 2→6
    expect(b.reduce((s, x) => s + x, 0)).toBe(6);
  });
  it('annualises mean/sd by √(buckets per year)', () => {
    const b = Float64Array.of(1, 2, 3, -1);
    const mean = 1.25;
    const sd = Math.sqrt(((1 - mean) ** 2 + (2 - mean) ** 2 + (3 - mean) ** 2 + (-1 - mean) ** 2) / 3);
    const down = Math.sqrt(1 / 4);
    const { sharpe, sortino } = sharpeSortino(b, 365);
    expect(sharpe).toBeCloseTo((mean / sd) * Math.sqrt(365), 12);
    expect(sortino).toBeCloseTo((mean / down) * Math.sqrt(365), 12);
    expect(sharpeSortino(b, 365).sortinoDefined).toBe(true);
    expect(sharpeSortino(Float64Array.of(1), 365)).toEqual({ sharpe: 0, sortino: 0, sortinoDefined: false });
    // No losing bucket: no downside deviation, so Sortino is undefined: 0 and flagged, never +∞ (a gain) or NaN (flat).
    const gain = sharpeSortino(Float64Array.of(1, 2, 3), 365);
    expect(gain).toEqual({ sharpe: (2 / 1) * Math.sqrt(365), sortino: 0, sortinoDefined: false });
    expect(sharpeSortino(Float64Array.of(0, 0, 0), 365)).toEqual({ sharpe: 0, sortino: 0, sortinoDefined: false });
    // One small loss is enough to define it.
    expect(sharpeSortino(Float64Array.of(1, 2, -0.5), 365).sortinoDefined).toBe(true);
  });
  it('a run whose equity never falls over a bucket: finite Sortino, flagged "no losing bucket"', () => {
    const eq = Float64Array.from({ length: 400 }, (_, i) => i * 0.01);
    const m = computeMetrics(inputOf(eq, 1, 60));
    expect(m.buckets).toBeGreaterThan(2);
    expect(m.sortino).toBe(0);
    expect(m.sortinoDefined).toBe(false);
    expect(m.sortinoReason).toBe('no losing bucket');
    const dip = computeMetrics(inputOf(Float64Array.from(eq, (v, i) => (i >= 200 ? v - 5 : v)), 1, 60));
    expect(dip.sortinoDefined).toBe(true);
    expect(dip.sortinoReason).toBeNull();
    expect(Number.isFinite(dip.sortino)).toBe(true);
  });
  it('counts every value once in the histogram', () => {
    const h = histogram(Float64Array.of(0, 1, 1, 2, 10), 5);
    expect(h.counts.reduce((s, x) => s + x, 0)).toBe(5);
    expect(h.edges[0]).toBe(0);
    expect(h.edges[5]).toBe(10);
  });
});

describe('markoutMids', () => {
  it('takes the mid prevailing at fill time + horizon, the last mid past the end', () => {
    const t = Float64Array.of(0, 1, 2, 3);
    const mid = Float64Array.of(10, 11, 12, 13);
    const out = new Float64Array(3);
    markoutMids(t, mid, Float64Array.of(0.5, 1, 2.5), 3, 1, out);
    expect(Array.from(out)).toEqual([11, 12, 13]);
  });
});

describe('computeMetrics', () => {
  it('computes inventory, fill and PnL figures from hand-sized inputs', () => {
    const time = Float64Array.of(0, 10, 20, 30, 40);
    const m = computeMetrics({
      time,
      mid: Float64Array.of(100, 100, 100, 100, 100),
      inventory: Float64Array.of(0, 2, -1, -1, 0),
      equity: Float64Array.of(0, 1, 0.5, 2, 3),
      fills: {
        side: Float64Array.of(1, -1),
        size: Float64Array.of(2, 3),
        price: Float64Array.of(99.9, 100.2),
        midAtFill: Float64Array.of(100, 100),
        midAfter: Float64Array.of(99.8, 100),
      },
      fillCount: 2,
      quoteUpdates: 8,
      volume: 5,
      feesPaid: 0,
      maxInventory: 2,
      bucketSec: 10,
      yearBasis: '24/7',
      capital: 200,
      timeKilledSec: 0,
    });
    expect(m.totalPnl).toBe(3);
    expect(m.annualisedPnl).toBeCloseTo((3 * YEAR_SECONDS_24_7) / 40, 6);
    expect(m.fills).toBe(2);
    expect(m.fillRate).toBe(0.25);
    expect(m.avgAbsInventory).toBeCloseTo((0 + 2 + 1 + 1) * 10 / 40, 12);
    expect(m.maxAbsInventory).toBe(2);
    expect(m.timeAtLimit).toBeCloseTo(0.25, 12);
    expect(m.inventoryTurnover).toBeCloseTo(5 / (2 * 1), 12);
    // marked-out PnL: buy 2 @99.9 marked at 99.8 → −0.2 (loss); sell 3 @100.2 marked at 100 → +0.6
    expect(m.winRate).toBe(0.5);
    expect(m.profitFactor).toBeCloseTo(3, 12);
    expect(m.profitFactorReason).toBeNull();
    // spread captured: (2·10 bps + 3·20 bps) / 5
    expect(m.avgSpreadCapturedBps).toBeCloseTo(16, 9);
    expect(m.maxDrawdown).toBeCloseTo(0.5, 12);
    expect(m.calmar).toBeCloseTo(m.annualisedPnl / 0.5, 6);
  });

  it('profit factor with no losing fill is 0 and flagged, never +∞', () => {
    const n = 5;
    const base = inputOf(Float64Array.of(0, 1, 2, 3, 4), 10, 10);
    const winners = { side: Float64Array.of(1, -1), size: Float64Array.of(1, 1), price: Float64Array.of(99.9, 100.1), midAtFill: Float64Array.of(100, 100), midAfter: Float64Array.of(100, 100) };
    const m = computeMetrics({ ...base, fills: winners, fillCount: 2, quoteUpdates: n });
    expect(m.winRate).toBe(1);
    expect(m.profitFactor).toBe(0);
    expect(m.profitFactorReason).toBe('no losing fill');
    expect(computeMetrics(base).profitFactorReason).toBe('no fills');
  });

  it('says why a per-fill, per-quote or per-bucket figure means nothing, instead of leaving a bare 0', () => {
    const base = inputOf(Float64Array.of(0, 1, 2, 3, 4), 10, 10); // 5 buckets, no fill, no quote
    const none = computeMetrics(base);
    expect([none.winRate, none.winRateReason]).toEqual([0, 'no fills']);
    expect([none.avgSpreadCapturedBps, none.spreadCaptureReason]).toEqual([0, 'no fills']);
    expect([none.fillRate, none.fillRateReason]).toEqual([0, 'no quotes sent']);
    expect(none.sharpeReason).toBeNull();
    const quoted = computeMetrics({ ...base, quoteUpdates: 4 }); // quotes sent, none filled: a real 0 %
    expect([quoted.fillRate, quoted.fillRateReason]).toEqual([0, null]);
    const oneBucket = computeMetrics(inputOf(Float64Array.of(0, 1, 2), 1, 10));
    expect([oneBucket.buckets, oneBucket.sharpePerBucket, oneBucket.sharpeReason]).toEqual([1, 0, 'fewer than 2 buckets']);
    const winners = { side: Float64Array.of(1), size: Float64Array.of(1), price: Float64Array.of(99.9), midAtFill: Float64Array.of(100), midAfter: Float64Array.of(100) };
    const filled = computeMetrics({ ...base, fills: winners, fillCount: 1, quoteUpdates: 2 });
    expect([filled.winRateReason, filled.spreadCaptureReason, filled.fillRateReason]).toEqual([null, null, null]);
  });
});

describe('buyAndHold', () => {
  it('holds size from the first ask and reports its PnL, return and drawdown', () => {
    const time = Float64Array.of(0, 60, 120, 180);
    const mid = Float64Array.of(100, 102, 99, 101);
    const b = buyAndHold(time, mid, 100.5, 2, 10, 60, '24/7');
    const fee = 100.5 * 2 * 1e-3;
    // equity 2·(mid − 100.5) − fee: −1, 3, −3, 1 (minus the fee): peak 3 → trough −3
    expect(b.totalPnl).toBeCloseTo(1 - fee, 12);
    expect(b.maxDrawdown).toBeCloseTo(6, 12);
    expect(b.returnPct).toBeCloseTo(((1 - fee) / 201) * 100, 12);
    expect(b.entryPrice).toBe(100.5);
  });
});

/** Metrics input of an equity curve sampled every `dtSec` (flat mid, no fills): only the PnL figures matter. */
function inputOf(equity: Float64Array, dtSec: number, bucketSec: number, yearBasis: '24/7' | 'exchange' = '24/7'): MetricsInput {
  const n = equity.length;
  return {
    time: Float64Array.from({ length: n }, (_, i) => i * dtSec), mid: new Float64Array(n).fill(100), inventory: new Float64Array(n), equity,
    fills: { side: new Float64Array(0), size: new Float64Array(0), price: new Float64Array(0), midAtFill: new Float64Array(0), midAfter: new Float64Array(0) },
    fillCount: 0, quoteUpdates: 0, volume: 0, feesPaid: 0, maxInventory: 1, bucketSec, yearBasis, capital: 1000, timeKilledSec: 0,
  };
}

function metricsOf(equity: Float64Array, dtSec: number, bucketSec: number, yearBasis: '24/7' | 'exchange' = '24/7') {
  return computeMetrics(inputOf(equity, dtSec, bucketSec, yearBasis));
}

describe('figures honest for their sample', () => {
  it('a 6-minute sample: per-hour PnL, a per-bucket Sharpe with its bucket count, no annualised figures (and says why)', () => {
    const rng = createRng(3);
    const eq = new Float64Array(345);
    for (let i = 1; i < eq.length; i++) eq[i] = eq[i - 1] + rng.normal() - 0.1;
    const m = metricsOf(eq, 1, 60); // 344 s, six 1-minute buckets
    expect(m.annualised).toBeNull();
    expect(m.annualisedReason).toMatch(/5 min 44 s, under 30 24 h days/);
    expect(m.annualisation).toMatch(/Not annualised/);
    expect(m.perPeriod.unit).toBe('hour');
    expect(m.perPeriod.pnl).toBeCloseTo((m.totalPnl * 3600) / 344, 9);
    expect(m.perPeriod.periods).toBeCloseTo(344 / 3600, 12);
    expect(m.buckets).toBe(6);
    expect(m.sharpeStats.buckets).toBe(6);
    expect(m.sharpePerBucket).toBeCloseTo(sharpePerObservation(m.histogram.bucketPnl), 14);
    expect(m.sharpeStats.ci!.lo).toBeLessThan(m.sharpePerBucket);
    expect(m.sharpeStats.ci!.hi).toBeGreaterThan(m.sharpePerBucket);
    expect(m.sharpeStats.ci!.method).toBe('noncentral-t'); // 6 buckets: the exact small-sample interval, no resampling
    expect(m.sharpeStats.ci!.resamples).toBe(0);
    // Runs that keep only numbers skip the interval but keep the Sharpe and its bucket count.
    const bare = computeMetrics({ ...inputOf(eq, 1, 60), sharpeInterval: false });
    expect(bare.sharpeStats).toEqual({ sharpe: m.sharpePerBucket, buckets: 6, ci: null, loSe: null });
    // Legacy fields still there and finite.
    for (const v of [m.sharpe, m.sortino, m.annualisedPnl, m.calmar]) expect(Number.isFinite(v)).toBe(true);
  });

  it('40 days of hourly buckets: per-day PnL and annualised figures equal to the legacy ones', () => {
    const rng = createRng(4);
    const eq = new Float64Array(40 * 24 + 1);
    for (let i = 1; i < eq.length; i++) eq[i] = eq[i - 1] + rng.normal() + 0.05;
    const m = metricsOf(eq, 3600, 3600);
    expect(m.perPeriod.unit).toBe('day');
    expect(m.perPeriod.pnl).toBeCloseTo(m.totalPnl / 40, 9);
    expect(m.annualised).not.toBeNull();
    expect(m.annualised!.sharpe).toBe(m.sharpe);
    expect(m.annualised!.pnl).toBe(m.annualisedPnl);
    expect(m.annualised!.sharpe).toBeCloseTo(m.sharpePerBucket * Math.sqrt(365 * 24), 9);
  });

  it('the rule follows the year basis: 30 sessions of 6.5 h are enough for exchange hours, not for 24/7', () => {
    const span = 30 * 6.5 * 3600;
    expect(annualisationBlocked(span, 200, 'exchange')).toBeNull();
    expect(annualisationBlocked(span, 200, '24/7')).toMatch(/under 30 24 h days/);
    expect(annualisationBlocked(40 * 86_400, 10, '24/7')).toMatch(/10 PnL buckets, under 30/);
    expect(periodFigures(5, 0)).toEqual({ unit: 'hour', seconds: 3600, pnl: 0, periods: 0, reason: 'under 1 min of data', overSec: 0, openMarket: false });
    expect(periodFigures(5, 59.9).reason).toBe('under 1 min of data');
    expect(periodFigures(5, MIN_PERIOD_SEC)).toEqual({ unit: 'hour', seconds: 3600, pnl: 300, periods: 1 / 60, reason: null, overSec: MIN_PERIOD_SEC, openMarket: false });
    // Under a minute the yearly factor means nothing (12 ms: × 2.6e9): the reason says so in words, without it.
    expect(annualisationBlocked(0.012, 1, '24/7')).toBe('Not annualised: the sample spans 12 ms, too short to scale to an hour, let alone a year.');
    expect(annualisationBlocked(0, 1, '24/7')).toBe('Not annualised: the sample spans 0 s, too short to scale to an hour, let alone a year.');
    expect(annualisationBlocked(120, 2, '24/7')).toMatch(/2 min, under 30 24 h days; a yearly figure would multiply it by 262,800\.$/);
    expect(describeDuration(0.012)).toBe('12 ms');
    expect(describeDuration(0.000_85)).toBe('850 µs');
    expect(describeDuration(0.999_96)).toBe('1 s');
    expect(describeDuration(4.2)).toBe('4.2 s');
    expect(describeDuration(9.96)).toBe('9.96 s'); // three significant digits below a minute
    expect(describeDuration(59.96)).toBe('1 min');
    // The panels' formatter is this one: the data card and the PnL subtitle write a span alike.
    expect(fmtDuration).toBe(describeDuration);
    expect(describeDuration(NaN)).toBe('—');
    expect(describeDuration(-90)).toBe('\u22121 min 30 s');
    expect(describeDuration(3599.6)).toBe('1 h');
    expect(describeDuration(3540)).toBe('59 min');
    expect(describeDuration(86_400)).toBe('1 day');
    expect(describeDuration(2 * 86_400 + 4 * 3600 + 100)).toBe('2 days 4 h');
    expect(describeDuration(86_400 * 3 - 60)).toBe('3 days');
  });
});

describe('rankByNetPnl', () => {
  it('ranks by net PnL, not by a Sharpe ratio; NaN last, ties in input order', () => {
    // The case: GLFT (−1,408) must rank below AS (−1,146) whatever their Sharpe.
    const rows = [{ totalPnl: -1408, sharpe: -500 }, { totalPnl: -1146, sharpe: -586 }, { totalPnl: NaN, sharpe: 0 }, { totalPnl: -1146, sharpe: 1 }];
    expect(rankByNetPnl(rows)).toEqual([1, 3, 0, 2]);
  });
});

/** regimeShares' sums one tick at a time through pnl[k] and dur[k] (a typed array ignores a non-integer index): the form before runs. */
function regimeSumsPerTick(time: Float64Array, equity: Float64Array, regime: Float64Array | Int32Array, K: number): { pnl: number[]; dur: number[] } {
  const pnl = new Float64Array(K), dur = new Float64Array(K);
  for (let i = 1; i < time.length; i++) {
    const k = regime[i - 1];
    if (!(k >= 0 && k < K)) continue;
    pnl[k] += equity[i] - equity[i - 1];
    dur[k] += time[i] - time[i - 1];
  }
  return { pnl: Array.from(pnl), dur: Array.from(dur) };
}

/** regimeShares' sums from the definition: each maximal run of intervals under one valid regime adds its end-minus-start equity and time. */
function regimeSumsPerRun(time: Float64Array, equity: Float64Array, regime: Float64Array | Int32Array, K: number): { pnl: number[]; dur: number[] } {
  const pnl = new Float64Array(K), dur = new Float64Array(K);
  let start = 0; // the run covers intervals (t[m − 1], t[m]] for m = start + 1 .. end
  for (let end = 1; end < time.length; end++) {
    const last = end + 1 === time.length || regime[end] !== regime[start]; // NaN !== NaN: a run of one
    if (!last) continue;
    const k = regime[start];
    if (k >= 0 && k < K && Number.isInteger(k)) {
      pnl[k] += equity[end] - equity[start];
      dur[k] += time[end] - time[start];
    }
    start = end;
  }
  return { pnl: Array.from(pnl), dur: Array.from(dur) };
}

/** The exact sum of doubles, rounded once: each is an integer times a power of 2, summed as BigInt at the smallest exponent. */
function exactSum(xs: number[]): number {
  const parts = xs.filter((x) => x !== 0).map(mantissaExponent);
  if (parts.length === 0) return 0;
  const emin = Math.min(...parts.map(([, e]) => e));
  let s = 0n;
  for (const [m, e] of parts) s += BigInt(m) << BigInt(e - emin);
  return Number(s) * 2 ** emin; // Number(bigint) rounds to nearest; the scaling is exact away from the subnormal range
}

function mantissaExponent(x: number): [number, number] {
  let e = Math.max(-1074, Math.floor(Math.log2(Math.abs(x))) - 52);
  let m = x / 2 ** e;
  while (!Number.isInteger(m)) { e -= 1; m = x / 2 ** e; }
  return [m, e];
}

describe('regimeShares', () => {
  // Runs of one regime (NaN, out of range, non-integer and −0 among them), repeated stamps, epoch-like times.
  const ticks = fc.record({
    t0: fc.constantFrom(0, 1.7e9, 1722470400.123456),
    steps: fc.array(fc.tuple(
      fc.constantFrom(0, 0.001, 0.1, 0.3, 7.5),
      fc.double({ min: -5, max: 5, noNaN: true }),
      fc.constantFrom(0, 1, 2, -0, NaN, -1, 3, 1.5),
      fc.integer({ min: 1, max: 12 }),
    ), { minLength: 1, maxLength: 60 }),
    int32: fc.boolean(),
  });
  const columns = ({ t0, steps, int32 }: { t0: number; steps: [number, number, number, number][]; int32: boolean }) => {
    const time: number[] = [], equity: number[] = [], regime: number[] = [];
    let t = t0, e = 0;
    for (const [dt, de, r, len] of steps) {
      for (let j = 0; j < len; j++) { t += dt; e += de * (j + 1); time.push(t); equity.push(e); regime.push(r); }
    }
    const rc = int32 ? Int32Array.from(regime, (r) => (Number.isInteger(r) ? r : -1)) : Float64Array.from(regime);
    return { tc: Float64Array.from(time), ec: Float64Array.from(equity), rc };
  };
  const labels = ['a', 'b', 'c'];

  it('sums each run of a regime: bitwise the per-run form, Float64Array or Int32Array regimes', () => {
    fc.assert(fc.property(ticks, (x) => {
      const { tc, ec, rc } = columns(x);
      const got = regimeShares(tc, ec, rc, labels);
      const want = regimeSumsPerRun(tc, ec, rc, labels.length);
      expect(got.map((s) => s.pnl)).toEqual(want.pnl);
      const total = want.dur.reduce((s, d) => s + d, 0);
      expect(got.map((s) => s.timeShare)).toEqual(want.dur.map((d) => (total > 0 ? d / total : 0)));
    }), { numRuns: 500 });
  });

  it('agrees with the per-tick sums up to their rounding, and is mostly the closer of the two to the exact equity change', () => {
    let closer = 0, farther = 0;
    fc.assert(fc.property(ticks, (x) => {
      const { tc, ec, rc } = columns(x);
      const got = regimeShares(tc, ec, rc, labels).map((s) => s.pnl);
      const tick = regimeSumsPerTick(tc, ec, rc, labels.length).pnl;
      for (let k = 0; k < labels.length; k++) {
        // The exact equity change under regime k: Σ over its intervals of equity[i] − equity[i − 1], in exact arithmetic.
        const ends: number[] = [];
        let scale = 0;
        for (let i = 1; i < tc.length; i++) if (rc[i - 1] === k) { ends.push(ec[i], -ec[i - 1]); scale += Math.abs(ec[i]) + Math.abs(ec[i - 1]); }
        const exact = exactSum(ends);
        expect(Math.abs(got[k] - tick[k])).toBeLessThanOrEqual(4 * (ends.length + 1) * Number.EPSILON * scale);
        const eRun = Math.abs(got[k] - exact), eTick = Math.abs(tick[k] - exact);
        if (eRun < eTick) closer++;
        else if (eRun > eTick) farther++;
      }
    }), { numRuns: 500 });
    expect(closer).toBeGreaterThan(3 * farther);
  });

  it('one regime over 10^5 ticks: its PnL is the equity change rounded once (the per-tick sum is off by its roundings)', () => {
    const n = 100_001;
    const time = Float64Array.from({ length: n }, (_, i) => 1.7e9 + i * 0.1);
    const equity = Float64Array.from({ length: n }, (_, i) => Math.sin(i) * 1000); // crosses 0: the per-tick changes round
    const [a, b] = regimeShares(time, equity, new Float64Array(n), ['a', 'b']);
    expect(a.pnl).toBe(equity[n - 1] - equity[0]);
    expect(exactSum([equity[n - 1], -equity[0]])).toBe(a.pnl);
    expect(regimeSumsPerTick(time, equity, new Float64Array(n), 2).pnl[0]).not.toBe(a.pnl);
    expect([a.timeShare, b.timeShare]).toEqual([1, 0]);
  });

  it('books the interval (t[i−1], t[i]] to regime[i−1]', () => {
    const s = regimeShares(Float64Array.of(0, 1, 3, 6, 10), Float64Array.of(0, 1, 2, 4, 8), Float64Array.of(0, 0, 1, NaN, 1), ['x', 'y']);
    expect(s.map((r) => r.pnl)).toEqual([2, 2]);
    expect(s.map((r) => r.timeShare)).toEqual([3 / 6, 3 / 6]);
    expect(s.map((r) => r.pnlShare)).toEqual([2 / 8, 2 / 8]);
  });
});

/** computeMetrics' inventory and fill figures straight from their definitions: one tick (fill) at a time. */
function tickAndFillFigures(x: MetricsInput) {
  const n = x.time.length, duration = x.time[n - 1] - x.time[0];
  let absInvTime = 0, maxAbs = 0, atLimit = 0;
  const atLim = Number.isFinite(x.maxInventory) ? x.maxInventory * (1 - 1e-9) : Infinity;
  for (let i = 0; i < n; i++) {
    const a = Math.abs(x.inventory[i]);
    const w = i + 1 < n ? x.time[i + 1] - x.time[i] : 0;
    absInvTime += a * w;
    if (a > maxAbs) maxAbs = a;
    if (a >= atLim) atLimit += w;
  }
  let wins = 0, gain = 0, loss = 0, num = 0, den = 0;
  const f = x.fills;
  for (let k = 0; k < x.fillCount; k++) {
    const pnl = f.side[k] * f.size[k] * (f.midAfter[k] - f.price[k]);
    if (pnl > 0) { wins++; gain += pnl; } else loss -= pnl;
    num += f.size[k] * ((f.side[k] * (f.midAtFill[k] - f.price[k])) / f.midAtFill[k]) * 1e4;
    den += f.size[k];
  }
  const avgAbsInventory = duration > 0 ? absInvTime / duration : maxAbs;
  return {
    avgAbsInventory, maxAbsInventory: maxAbs, timeAtLimit: duration > 0 ? atLimit / duration : 0,
    winRate: x.fillCount > 0 ? wins / x.fillCount : 0, profitFactor: loss > 0 ? gain / loss : 0, avgSpreadCapturedBps: den > 0 ? num / den : 0,
  };
}

describe('computeMetrics: inventory and fill figures', () => {
  const run = fc.record({
    t0: fc.constantFrom(0, 1.7e9),
    ticks: fc.array(fc.tuple(fc.constantFrom(0, 0.1, 0.25, 3), fc.oneof(
      { weight: 10, arbitrary: fc.integer({ min: -12, max: 12 }) },
      { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -0, 9.999999999, 10.5) },
    )), { minLength: 1, maxLength: 300 }),
    fills: fc.array(fc.tuple(fc.constantFrom(1, -1), fc.constantFrom(0.5, 1, 3), fc.double({ min: -0.3, max: 0.3, noNaN: true }), fc.double({ min: -0.5, max: 0.5, noNaN: true }), fc.constantFrom(100, 0, 1e-3)), { maxLength: 60 }),
    maxInventory: fc.constantFrom(10, Infinity, 3),
  });

  it('bitwise the per-tick and per-fill forms (NaN and infinite inventories, zero mids, ties at the limit)', () => {
    fc.assert(fc.property(run, ({ t0, ticks, fills, maxInventory }) => {
      let t = t0;
      const time = Float64Array.from(ticks, ([dt]) => (t += dt));
      const inventory = Float64Array.from(ticks, ([, q]) => q);
      const x: MetricsInput = {
        ...inputOf(Float64Array.from(ticks, (_, i) => Math.cos(i)), 1, 60), time, inventory, maxInventory,
        fills: {
          side: Float64Array.from(fills, (f) => f[0]), size: Float64Array.from(fills, (f) => f[1]),
          price: Float64Array.from(fills, (f) => f[4] + f[2]), midAtFill: Float64Array.from(fills, (f) => f[4]), midAfter: Float64Array.from(fills, (f) => f[4] + f[3]),
        },
        fillCount: fills.length, sharpeInterval: false,
      };
      const m = computeMetrics(x);
      const want = tickAndFillFigures(x);
      expect({
        avgAbsInventory: m.avgAbsInventory, maxAbsInventory: m.maxAbsInventory, timeAtLimit: m.timeAtLimit,
        winRate: m.winRate, profitFactor: m.profitFactor, avgSpreadCapturedBps: m.avgSpreadCapturedBps,
      }).toEqual(want);
    }), { numRuns: 1000 });
  });
});

describe('computeMetrics: inventory figures across span boundaries', () => {
  // inventoryFigures sums ticks in spans of 512 (two per step; an odd tick left over after the spans): lengths
  // around the span and pair edges, the largest |q| and the at-limit ticks placed at the edges, NaN / ±∞ / −0 marks.
  const lengths = [1, 2, 3, 4, 5, 6, 510, 511, 512, 513, 514, 515, 1023, 1024, 1025, 1026, 1027, 4095, 4096, 4097, 4098, 4099];
  const series = fc.record({
    n: fc.constantFrom(...lengths),
    seed: fc.integer({ min: 1, max: 1e6 }),
    peakAt: fc.constantFrom('first', 'span end', 'span start', 'second last', 'last', 'random'),
    marks: fc.boolean(),
    maxInventory: fc.constantFrom(10, Infinity, 4),
  });
  const indexOf = (where: string, n: number, u: number) => {
    const at = { first: 0, 'span end': 511, 'span start': 512, 'second last': n - 2, last: n - 1, random: Math.floor(u * n) }[where] ?? 0;
    return Math.max(0, Math.min(n - 1, at));
  };

  it('bitwise the per-tick form', () => {
    fc.assert(fc.property(series, ({ n, seed, peakAt, marks, maxInventory }) => {
      const rng = createRng(seed);
      let t = 1.7e9;
      const time = Float64Array.from({ length: n }, () => (t += rng.uniform() < 0.1 ? 0 : rng.uniform() * 0.3));
      const inventory = Float64Array.from({ length: n }, () => Math.round((rng.uniform() - 0.5) * 2 * maxInventoryOr(maxInventory, 6)));
      inventory[indexOf(peakAt, n, rng.uniform())] = -(maxInventoryOr(maxInventory, 6) + 0.5); // the largest |q|, beyond any limit
      for (const at of [510, 511, 512, 513, n - 2, n - 1]) if (at >= 0 && at < n && rng.uniform() < 0.5) inventory[at] = maxInventoryOr(maxInventory, 6);
      if (marks) for (let m = 0; m < 3; m++) inventory[Math.floor(rng.uniform() * n)] = [NaN, Infinity, -0][m];
      const x: MetricsInput = { ...inputOf(Float64Array.from({ length: n }, (_, i) => Math.sin(i)), 1, 60), time, inventory, maxInventory, sharpeInterval: false };
      const m = computeMetrics(x);
      const want = tickAndFillFigures(x);
      expect({ avgAbsInventory: m.avgAbsInventory, maxAbsInventory: m.maxAbsInventory, timeAtLimit: m.timeAtLimit })
        .toEqual({ avgAbsInventory: want.avgAbsInventory, maxAbsInventory: want.maxAbsInventory, timeAtLimit: want.timeAtLimit });
    }), { numRuns: 400 });
  });
});

function maxInventoryOr(maxInventory: number, fallback: number): number {
  return Number.isFinite(maxInventory) ? maxInventory : fallback;
}

describe('computeMetrics: fill figures across span boundaries', () => {
  // fillFigures sums fills in spans of 4096: counts around one and two spans, fewer counted than the columns hold.
  it('bitwise the per-fill form', () => {
    fc.assert(fc.property(fc.constantFrom(1, 4095, 4096, 4097, 8191, 8192, 8193), fc.constantFrom(0, 3), fc.integer({ min: 1, max: 1e6 }), (count, extra, seed) => {
      const rng = createRng(seed);
      const m = count + extra;
      const col = (f: () => number) => Float64Array.from({ length: m }, f);
      const zeroMids = seed % 4 === 0; // a zero mid makes the spread captured NaN: in a quarter of the cases only
      const midAtFill = col(() => (zeroMids && rng.uniform() < 0.001 ? 0 : 100 + rng.normal()));
      const fills = {
        side: col(() => (rng.uniform() < 0.5 ? 1 : -1)), size: col(() => [0.5, 1, 3][Math.floor(rng.uniform() * 3)]),
        price: Float64Array.from(midAtFill, (v) => v + (rng.uniform() - 0.5) * 0.2), midAtFill, midAfter: Float64Array.from(midAtFill, (v) => v + rng.normal() * 0.1),
      };
      const x: MetricsInput = { ...inputOf(Float64Array.from({ length: 50 }, (_, i) => Math.cos(i)), 1, 60), fills, fillCount: count, quoteUpdates: m, sharpeInterval: false };
      const got = computeMetrics(x);
      const want = tickAndFillFigures(x);
      expect({ winRate: got.winRate, profitFactor: got.profitFactor, avgSpreadCapturedBps: got.avgSpreadCapturedBps })
        .toEqual({ winRate: want.winRate, profitFactor: want.profitFactor, avgSpreadCapturedBps: want.avgSpreadCapturedBps });
    }), { numRuns: 100 });
  });
});
