import { describe, expect, it } from 'vitest';
import { createRng, intensityCurve, intensityCurveByRegime, ParamError } from '../../../src/engine';
import { market } from './market';

describe('intensityCurve: λ(δ) with its fits, bands and warnings', () => {
  const m = market(3, 20, 3000, 1);
  const c = intensityCurve(m, { bootstrap: 300, seed: 2 });

  it('recovers A and κ of the exponential law, with κ inside its bootstrap interval', () => {
    expect(c.exp).not.toBeNull();
    expect(c.exp!.kappa / 20).toBeGreaterThan(0.9);
    expect(c.exp!.kappa / 20).toBeLessThan(1.1);
    expect(c.exp!.A / 3).toBeGreaterThan(0.9);
    expect(c.exp!.A / 3).toBeLessThan(1.1);
    expect(c.kappaInterval[0]).toBeLessThan(c.exp!.kappa);
    expect(c.kappaInterval[1]).toBeGreaterThan(c.exp!.kappa);
    expect(c.kappaInterval[0]).toBeLessThan(20 * 1.1);
    expect(c.kappaInterval[1]).toBeGreaterThan(20 * 0.9);
  });

  it('bands bracket the empirical rate at each level; the fitted curve is the exponential', () => {
    for (let j = 0; j < c.depths.length; j++) {
      expect(c.lower[j]).toBeLessThanOrEqual(c.rates[j] * 1.0000001);
      expect(c.upper[j]).toBeGreaterThanOrEqual(c.rates[j] * 0.9999999);
      expect(c.exp!.fitted[j]).toBeCloseTo(c.exp!.A * Math.exp(-c.exp!.kappa * c.depths[j]), 9);
    }
    expect(Number.isNaN(c.power!.fitted[0])).toBe(true); // δ = 0: no power law there
    expect(c.exp!.r2).toBeGreaterThan(c.power!.r2);
    expect(c.warnings.some((w) => /power law fits better/.test(w))).toBe(false);
  });

  it('honours the fit range, and warns when the range reaches the deepest prints or is too narrow', () => {
    const narrow = intensityCurve(m, { minDepth: 0.01, maxDepth: 0.05, bootstrap: 0 });
    expect(narrow.depths[0]).toBe(0.01);
    expect(narrow.depths[narrow.depths.length - 1]).toBeCloseTo(0.05, 12);
    expect(narrow.fitRange).toEqual([0.01, 0.05]);
    const deep = intensityCurve(m, { maxDepth: 10, bootstrap: 0 });
    expect(deep.warnings.some((w) => /deepest trade/.test(w))).toBe(true);
    expect(() => intensityCurve(m, { minDepth: 0.2, maxDepth: 0.1 })).toThrow(ParamError);
  });

  it('reports the deepest trade depth (the end of any fit range)', () => {
    let deepest = 0, q = -1;
    for (let i = 0; i < m.tradeTime.length; i++) {
      while (q + 1 < m.quoteTime.length && m.quoteTime[q + 1] <= m.tradeTime[i]) q++;
      if (q >= 0) deepest = Math.max(deepest, Math.abs(m.tradePrice[i] - m.mid[q]));
    }
    expect(c.deepestTrade).toBe(deepest);
    expect(c.fitRange[1]).toBeLessThan(c.deepestTrade); // default end: the 95th percentile
  });

  it('warns when the fitted κ is outside the range a run accepts (kappaBounds), and only then', () => {
    // κ ≈ 20 per price unit: inside [1e-3, 1e5], outside [100, 1e5] and [1e-3, 5].
    expect(intensityCurve(m, { bootstrap: 0, kappaBounds: [1e-3, 1e5] }).warnings.some((w) => /outside the range/.test(w))).toBe(false);
    for (const bounds of [[100, 1e5], [1e-3, 5]] as const) {
      const w = intensityCurve(m, { bootstrap: 0, kappaBounds: bounds }).warnings.find((x) => /outside the range/.test(x));
      expect(w).toContain(`(${bounds[0]} to ${bounds[1]})`);
    }
  });

  it('warns on a poor fit: depths that do not thin out exponentially', () => {
    const rng = createRng(5);
    const n = 2000;
    const quoteTime = Float64Array.from({ length: n }, (_, i) => i);
    const mid = new Float64Array(n).fill(100);
    // Depths uniform on [0, 1]: λ(δ) falls linearly to 0, far from an exponential near the end.
    const tradePrice = Float64Array.from({ length: n }, () => 100 + rng.uniform());
    const c2 = intensityCurve({ tradeTime: quoteTime.map((t) => t + 0.5), tradePrice, quoteTime, mid }, { maxDepth: 0.99, bootstrap: 0 });
    expect(c2.warnings.some((w) => /Poor exponential fit|power law/.test(w))).toBe(true);
  });
});

describe('intensityCurveByRegime', () => {
  it('fits each regime on its own trades and seconds', () => {
    // κ = 40 for the first 1,500 s, 10 after; the regime labels say which half each quote is in.
    const m = market(3, 40, 3000, 3, 10, 1500);
    const states = Int32Array.from(m.quoteTime, (t) => (t < 1500 ? 0 : 1));
    const [a, b] = intensityCurveByRegime(m, states, 2, { bootstrap: 0 });
    expect(a.curve!.exp!.kappa / 40).toBeGreaterThan(0.85);
    expect(a.curve!.exp!.kappa / 40).toBeLessThan(1.15);
    expect(b.curve!.exp!.kappa / 10).toBeGreaterThan(0.85);
    expect(b.curve!.exp!.kappa / 10).toBeLessThan(1.15);
    expect(a.curve!.exposureSec).toBeCloseTo(1500, 0);
  });
  it('reports a regime without enough trades instead of throwing', () => {
    const m = market(3, 20, 300, 4);
    const states = Int32Array.from(m.quoteTime, (t) => (t < 299.5 ? 0 : 1));
    const rows = intensityCurveByRegime(m, states, 2, { bootstrap: 0 });
    expect(rows[0].curve).not.toBeNull();
    expect(rows[1].curve).toBeNull();
    expect(rows[1].error).toMatch(/at least 10 trades/);
  });
});
