import { describe, expect, it } from 'vitest';
import { fitIntensity } from '../../../src/engine';
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
