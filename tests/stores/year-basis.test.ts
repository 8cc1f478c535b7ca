import { describe, expect, it } from 'vitest';
import { generateSyntheticMarket, runBacktest } from '../../src/engine';
import { toBacktestConfig } from '../../src/stores/lab-config';
import { DEFAULT_LAB } from '../../src/stores/lab-settings';

describe('one year basis for the calculator and the run (issue 14)', () => {
  it("passes the calculator's year basis into the run config, where the metrics annualise with it", () => {
    const basis = { refMid: 100, yearBasis: 'exchange' as const };
    const c = toBacktestConfig(DEFAULT_LAB, basis);
    expect(c.yearBasis).toBe('exchange');
    expect(toBacktestConfig(DEFAULT_LAB, { ...basis, yearBasis: '24/7' }).yearBasis).toBe('24/7');
    // No basis given: the engine's default ('24/7').
    expect(toBacktestConfig(DEFAULT_LAB).yearBasis).toBeUndefined();
    const m = generateSyntheticMarket({ seed: 2, nTicks: 2000 });
    const r = runBacktest(m, { ...c, progressChunk: undefined });
    expect(r.resolved.yearBasis).toBe('exchange');
    expect(r.metrics.annualisation).toMatch(/252 × 6\.5 h/);
    expect(r.metrics.annualisedReason).toMatch(/6\.5 h sessions/);
  });

  it('the FX basis (24/5) reaches the run: 260 × 24 h, and closed buckets are left out', () => {
    const c = toBacktestConfig(DEFAULT_LAB, { refMid: 100, yearBasis: '24/5' });
    expect(c.yearBasis).toBe('24/5');
    const m = generateSyntheticMarket({ seed: 2, nTicks: 2000 });
    const r = runBacktest(m, { ...c, progressChunk: undefined });
    expect(r.resolved.yearBasis).toBe('24/5');
    expect(r.metrics.annualisation).toMatch(/260 × 24 h/);
    expect(r.metrics.annualisedReason).toMatch(/of open market, under 30 24 h weekdays/);
  });
});
