import { describe, expect, it } from 'vitest';
import { CALIBRATED_RANGES, generateSyntheticMarket, intensityCurve, intensityCurveByRegime, runBacktest, type MarketData } from '../../../src/engine';
import { buildIntensityByRegimeView, buildIntensityView, buildRegimeView, decodeRegimes } from '../../../src/engine/views';

const m = generateSyntheticMarket({ seed: 11, nTicks: 30_000 });
const data: MarketData = { time: m.time, bid: m.bid, ask: m.ask, tradeTime: m.tradeTime, tradePrice: m.tradePrice, tradeSize: m.tradeSize, tradeSide: m.tradeSide };
const mid = Float64Array.from(m.bid, (b, i) => (b + m.ask[i]) / 2);
const input = { tradeTime: m.tradeTime, tradePrice: m.tradePrice, quoteTime: m.time, mid };

describe('calibration views: λ(δ) for all the data and per regime', () => {
  it('the all-data view is intensityCurve over the same range, checked against the κ range a run accepts', () => {
    const v = buildIntensityView(data, mid, { maxDepth: 0.2, bootstrap: 20 });
    const c = intensityCurve(input, { maxDepth: 0.2, bootstrap: 20, kappaBounds: CALIBRATED_RANGES.kappa });
    expect(v.fitRange).toEqual([0, 0.2]);
    expect(Array.from(v.rates)).toEqual(Array.from(c.rates));
    expect(v.exp?.kappa).toBe(c.exp?.kappa);
    expect(v.warnings).toEqual(c.warnings);
  });

  it('per regime: the regime view\'s names and time shares, and each curve equal to intensityCurveByRegime on its Viterbi path', () => {
    const result = runBacktest(data, { strategy: 'as-regime', seed: 3, regime: { nStates: 2 } });
    const opts = { nStates: 2, seed: 3 };
    const v = buildIntensityByRegimeView(data, mid, result, opts, { maxDepth: 0.3, bootstrap: 0 });
    const regimes = buildRegimeView(data, mid, result, opts);
    expect(v.nStates).toBe(2);
    expect(v.refitted).toBe(false); // the run's own model
    expect(v.bucketSec).toBe(regimes.bucketSec);
    for (const r of v.rows) {
      const row = regimes.rows.find((x) => x.state === r.state)!;
      expect(r.label).toBe(row.label);
      expect(r.timeShare).toBeCloseTo(row.timeShare, 12);
    }
    expect(v.rows.filter((r) => r.curve !== null).length).toBeGreaterThan(0);
    const dec = decodeRegimes(data, mid, result, opts);
    const direct = intensityCurveByRegime(input, dec.tickState, 2, { maxDepth: 0.3, bootstrap: 0 });
    v.rows.forEach((r, k) => {
      expect(r.curve === null).toBe(direct[k].curve === null);
      if (r.curve && direct[k].curve) {
        expect(Array.from(r.curve.rates)).toEqual(Array.from(direct[k].curve!.rates));
        expect(r.curve.fitRange).toEqual([0, 0.3]); // every regime over the same range
      }
    });
    // Each regime's exposure is its share of the seconds: they add up to the data's span.
    const seconds = v.rows.reduce((a, r) => a + (r.curve?.exposureSec ?? 0), 0);
    expect(seconds).toBeLessThanOrEqual(m.time[m.time.length - 1] - m.time[0] + 1e-9);
  });

  it('refits for other settings than the run\'s, and says so; quotes-only data gets a clear refusal', () => {
    const result = runBacktest(data, { strategy: 'symmetric' });
    const v = buildIntensityByRegimeView(data, mid, result, { nStates: 3, seed: 1 }, { bootstrap: 0 });
    expect(v.refitted).toBe(true);
    expect(v.rows).toHaveLength(3);
    const quotesOnly: MarketData = { time: data.time, bid: data.bid, ask: data.ask };
    expect(() => buildIntensityView(quotesOnly, mid)).toThrow(/needs trades.*quotes only/);
    expect(() => buildIntensityByRegimeView(quotesOnly, mid, null, { nStates: 2, seed: 1 })).toThrow(/needs trades/);
    const bars: MarketData = { time: data.time, close: mid, high: mid.map((m) => m + 1), low: mid.map((m) => m - 1) };
    expect(() => buildIntensityView(bars, mid)).toThrow(/needs trades: this dataset has none \(OHLC bars: a bar says a price traded/);
  });
});
