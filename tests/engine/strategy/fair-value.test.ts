import { describe, expect, it } from 'vitest';
import { fairValueParams, fitLocalLevel, generateSyntheticMarket, gridSearch, kalmanLocalLevel, localLevelMoments, runBacktest } from '../../../src/engine';

describe('the Kalman fair value of the AS strategies', () => {
  const m = generateSyntheticMarket({ seed: 21, nTicks: 20_000 });

  it('fits q and r by maximum likelihood on the warm-up, the same estimator as the Kalman panel, and quotes around that filter', () => {
    const r = runBacktest(m, { strategy: 'as-kalman', warmupTicks: 1500 });
    const ml = fitLocalLevel(m.mid.subarray(0, 1500));
    expect(r.kalman).toEqual({ q: ml.q, r: ml.r, source: 'ml', fitTicks: 1500 });
    // The recorded fair value is the batch local-level filter with those parameters, first step an update from the first mid.
    const k = kalmanLocalLevel(r.mid, { q: ml.q, r: ml.r, x0: r.mid[0], p0: ml.r });
    for (let i = 0; i < r.mid.length; i += 997) expect(r.fairValue[i]).toBeCloseTo(k.mean[i], 9);
  });

  it('uses q and r as given, and a single one given overrides its fitted value', () => {
    expect(runBacktest(m, { strategy: 'as-regime', kalman: { q: 1e-6, r: 2e-6 } }).kalman).toEqual({ q: 1e-6, r: 2e-6, source: 'given', fitTicks: 0 });
    const half = fairValueParams(m.mid, 1000, 0.01, { r: 3e-6 });
    expect(half.r).toBe(3e-6);
    expect(half.q).toBe(fitLocalLevel(m.mid.subarray(0, 1000)).q);
    expect(() => fairValueParams(m.mid, 1000, 0.01, { q: -1 })).toThrow(/config\.kalman\.q/);
  });

  it('falls back to the moment estimates when the warm-up is flat, and says so', () => {
    const flat = Float64Array.from({ length: 500 }, (_, i) => (i < 300 ? 100 : 100 + 0.01 * (i % 2)));
    const p = fairValueParams(flat, 200, 0.01);
    expect(p.source).toBe('moments');
    const mo = localLevelMoments(flat, 200, 0.01);
    expect([p.q, p.r]).toEqual([mo.q, mo.r]);
  });

  it('a grid fits the fair value once and gets the same metrics as separate runs', () => {
    const small = generateSyntheticMarket({ seed: 22, nTicks: 6000 });
    const g = gridSearch(small, { strategy: 'as-kalman' }, { x: { param: 'gamma', values: [0.1, 1] }, y: { param: 'kappa', values: [20, 60] }, metric: 'totalPnl' });
    const one = runBacktest(small, { strategy: 'as-kalman', gamma: 1, kappa: 20 });
    expect(g.values[1]).toBeCloseTo(one.metrics.totalPnl, 9);
  });
});
