import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fitDepths, fitIntensity } from '../../../src/engine';
import { market } from './market';

describe('fitIntensity', () => {
  it('recovers A (per second) and κ (per price unit) from simulated prints', () => {
    const A = 3, kappa = 20;
    const fit = fitIntensity(market(A, kappa, 5000, 1));
    expect(fit.kappa / kappa).toBeGreaterThan(0.93);
    expect(fit.kappa / kappa).toBeLessThan(1.07);
    expect(fit.A / A).toBeGreaterThan(0.9);
    expect(fit.A / A).toBeLessThan(1.1);
    expect(fit.r2).toBeGreaterThan(0.98);
    expect(fit.nTrades).toBeGreaterThan(14000);
    for (let j = 1; j < fit.rates.length; j++) expect(fit.rates[j]).toBeLessThanOrEqual(fit.rates[j - 1]);
  });

  it('skips trades before the first quote', () => {
    const m = market(3, 20, 200, 2);
    const shifted = { ...m, quoteTime: m.quoteTime.map((t) => t + 50) };
    const all = fitIntensity(m).nTrades;
    expect(fitIntensity(shifted).nTrades).toBeLessThan(all);
  });

  it('says clearly when the trades are too few', () => {
    const m = market(3, 20, 5, 3);
    expect(() => fitIntensity(m)).toThrow(/at least 50 trades/);
    expect(() => fitIntensity(m, { minTrades: 5 })).not.toThrow();
    const noMove = { ...m, tradePrice: Float64Array.from(m.tradeTime, (t) => m.mid[Math.floor(t * 10)]) };
    expect(() => fitIntensity(noMove, { minTrades: 5 })).toThrow(/not all zero/);
    expect(() => fitIntensity({ ...m, tradeTime: m.tradeTime.slice(1) })).toThrow(/tradeTime.length/);
  });
});

describe('fitDepths', () => {
  /** The fit as first written: sort the depths, read the 95 % order statistic, walk the levels up the sorted array. */
  function fitBySort(tradeDepths: Float64Array, span: number, nDepths = 20, minCount = 3) {
    const depth = Float64Array.from(tradeDepths).sort();
    const used = depth.length;
    const maxDepth = depth[Math.min(used - 1, Math.floor(0.95 * used))];
    const depths: number[] = [], rates: number[] = [];
    let sx = 0, sy = 0, sxx = 0, sxy = 0, m = 0, lo = 0;
    for (let j = 0; j < nDepths; j++) {
      const d = (maxDepth * j) / (nDepths - 1);
      while (lo < used && depth[lo] < d) lo++;
      const count = used - lo;
      depths.push(d); rates.push(count / span);
      if (count >= minCount) { const y = Math.log(count / span); sx += d; sy += y; sxx += d * d; sxy += d * y; m++; }
    }
    const slope = (sxy - (sx * sy) / m) / (sxx - (sx * sx) / m);
    return { kappa: -slope, A: Math.exp((sy - slope * sx) / m), depths, rates };
  }

  it('gives the sorted-walk numbers bitwise without sorting: ties, depths exactly on levels, NaN', () => {
    let fitted = 0;
    fc.assert(fc.property(
      fc.array(fc.oneof({ arbitrary: fc.integer({ min: 0, max: 40 }).map((k) => k * 0.05), weight: 20 }, { arbitrary: fc.double({ min: 0, max: 3, noNaN: true }), weight: 20 }, { arbitrary: fc.constant(NaN), weight: 1 }), { minLength: 60, maxLength: 600 }),
      (values) => {
        const x = Float64Array.from(values);
        const want = fitBySort(x, 100);
        let got;
        try { got = fitDepths(x, 100); } catch { expect(want.kappa > 0 && want.depths[1] > 0).toBe(false); return; } // refused only where the fit is undefined
        fitted++;
        expect(Array.from(got.depths)).toEqual(want.depths);
        expect(Array.from(got.rates)).toEqual(want.rates);
        expect([got.kappa, got.A]).toEqual([want.kappa, want.A]);
      },
    ), { numRuns: 400 });
    expect(fitted).toBeGreaterThan(200);
  });
});
