import { describe, expect, it } from 'vitest';
import { autoBucketSec, bucketReturns, generateSyntheticMarket, regimeSetup, runBacktest } from '../../../src/engine';
import { regimeVarFloor } from '../../../src/engine/strategy/regime-model';

describe('regimeSetup: the HMM of the regime strategy, on time-bucketed mid changes', () => {
  const market = generateSyntheticMarket({ seed: 5, nTicks: 300_000 }); // 0.1 s ticks, σ 0.006 / 0.01 / 0.02 per √s by regime

  it('fits on buckets of the prefix and finds volatilities in the range of the true regimes', () => {
    const reg = regimeSetup(market.time, market.mid, { nStates: 3, seed: 1 }, 0.01);
    expect(reg.bucketSec).toBe(autoBucketSec(market.time));
    expect(reg.bucketSec).toBe(10); // 3·10^4 s of data / 5000 buckets = 6 s → 10 s
    // Named by volatility level first (labelRegimes), lowest variance first; drift may follow after a comma.
    const byVariance = [0, 1, 2].sort((a, b) => reg.model.variances[a] - reg.model.variances[b]).map((k) => reg.labels[k].split(',')[0]);
    expect(byVariance).toEqual(['Low-vol', 'Mid-vol', 'High-vol']);
    const sigmas = Array.from(reg.model.variances, (v) => Math.sqrt(v / reg.bucketSec)).sort((a, b) => a - b);
    // Every state is a real regime: none collapsed onto the "no change" point mass of the price grid.
    expect(sigmas[0]).toBeGreaterThan(0.004);
    expect(sigmas[2]).toBeLessThan(0.03);
    expect(sigmas[2]).toBeGreaterThan(0.015); // the volatile (Bear) regime, true σ 0.02
  });

  it("the backtest resolves the bucket from the data unless config.regime.bucketSec sets it, and the strategy uses the resolved one", () => {
    const small = generateSyntheticMarket({ seed: 9, nTicks: 30_000 });
    const auto = runBacktest(small, { strategy: 'as-regime' });
    expect(auto.resolved.regimeBucketSec).toBe(autoBucketSec(small.time));
    expect(auto.regimeBucketSec).toBe(auto.resolved.regimeBucketSec);
    const set = runBacktest(small, { strategy: 'as-regime', regime: { bucketSec: 7 } });
    expect([set.resolved.regimeBucketSec, set.regimeBucketSec]).toEqual([7, 7]);
    expect(() => runBacktest(small, { regime: { bucketSec: -1 } })).toThrow(/config\.regime\.bucketSec/);
  });

  it('uses the given bucket and model when asked, and falls back to one state on a flat prefix', () => {
    const reg = regimeSetup(market.time, market.mid, { nStates: 2, bucketSec: 5, fitTicks: 50_000, seed: 2 }, 0.01);
    expect(reg.bucketSec).toBe(5);
    expect(reg.model.means).toHaveLength(2);
    const again = regimeSetup(market.time, market.mid, { model: reg.model, bucketSec: 5 }, 0.01);
    expect(again.model).toBe(reg.model);
    const flat = new Float64Array(1000).fill(100);
    const t = Float64Array.from({ length: 1000 }, (_, i) => i);
    const one = regimeSetup(t, flat, { nStates: 3 }, 0.02);
    expect(one.labels).toEqual(['Single regime']);
    expect(one.model.variances[0]).toBeCloseTo(0.02 ** 2 * one.bucketSec, 15);
    expect(() => regimeSetup(t, flat, { bucketSec: 0 }, 0.02)).toThrow(/config\.regime\.bucketSec/);
  });

  it('floors state variances at one price step and 1% of the series variance', () => {
    const x = bucketReturns(market.time, market.mid, 10, 60_000);
    let s = 0, s2 = 0, step = Infinity;
    for (const v of x) { s += v; s2 += v * v; if (v !== 0) step = Math.min(step, Math.abs(v)); }
    const variance = s2 / x.length - (s / x.length) ** 2;
    expect(regimeVarFloor(x)).toBeCloseTo(Math.max(0.01, step ** 2 / variance), 12);
    expect(regimeVarFloor(Float64Array.of(1, 1, 1))).toBe(1e-6);
  });
});

describe('regimeSetup memoised per dataset', () => {
  const m = generateSyntheticMarket({ seed: 13, nTicks: 40_000 });

  it('fits once per (dataset, settings): the same setup again, the same numbers as a fit on a copy of the data', () => {
    const opts = { nStates: 3, seed: 2, fitTicks: 20_000 };
    const a = regimeSetup(m.time, m.mid, opts, 0.01);
    expect(regimeSetup(m.time, m.mid, opts, 0.02)).toBe(a); // the fallback σ plays no part in a successful fit
    const copy = regimeSetup(m.time, new Float64Array(m.mid), opts, 0.01);
    expect(copy).not.toBe(a);
    expect(Array.from(copy.model.means)).toEqual(Array.from(a.model.means));
    expect(Array.from(copy.model.trans)).toEqual(Array.from(a.model.trans));
    expect(regimeSetup(m.time, m.mid, { ...opts, seed: 3 }, 0.01)).not.toBe(a);
    expect(regimeSetup(m.time, m.mid, { ...opts, nStates: 2 }, 0.01)).not.toBe(a);
  });

  it('a prefix too flat to fit falls back to one state with the σ of each call', () => {
    const flat = new Float64Array(5000).fill(100);
    const time = Float64Array.from({ length: 5000 }, (_, i) => i);
    const a = regimeSetup(time, flat, { nStates: 2, bucketSec: 10 }, 0.01);
    const b = regimeSetup(time, flat, { nStates: 2, bucketSec: 10 }, 0.02);
    expect(a.model.means.length).toBe(1);
    expect(b.model.variances[0]).toBeCloseTo(4 * a.model.variances[0], 15);
  });
});
