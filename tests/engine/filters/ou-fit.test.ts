// Reference: statsmodels 0.13.5 OLS of x[1:] on (1, x[:-1]) in
// tests/fixtures/statsmodels/make_fixtures.py (run with /usr/bin/python3), converted to κ, μ, σ with the
// exact discretisation there. Agreement 1e-9 relative.
import { describe, expect, it } from 'vitest';
import { createRng, dickeyFullerCritical5, fitOU } from '../../../src/engine';
import { ref, relClose } from './reference';

describe('fitOU', () => {
  it('matches the statsmodels AR(1) OLS fit to 1e-9', () => {
    const o = ref.ouFit;
    const fit = fitOU(Float64Array.from(o.x), o.dt);
    for (const k of ['phi', 'kappa', 'mu', 'sigma', 'halfLife'] as const) expect(relClose(fit[k], o[k], 1e-9), k).toBe(true);
  });

  it("carries the Dickey–Fuller τ of the same regression: NumPy's OLS t statistic on the fixture's path", () => {
    // numpy 2.4.6 lstsq of x[1:] on (1, x[:-1]) over ref.ouFit.x, (φ̂ − 1)/√(s²·(XᵀX)⁻¹₂₂) with s² = RSS/(n − 3): −3.591551248052098.
    const df = fitOU(Float64Array.from(ref.ouFit.x), ref.ouFit.dt).dickeyFuller;
    expect(df.tau).toBeCloseTo(-3.591551248052098, 9);
    expect(df.critical5).toBeCloseTo(dickeyFullerCritical5(499), 14);
    expect(df.rejected).toBe(true); // a true OU path of 500 steps with φ = 0.95
  });

  it('the 5 % critical value: MacKinnon’s −2.86 for large samples and Fuller’s (1976) table at 25, 100 and 500', () => {
    expect(dickeyFullerCritical5(1e12)).toBeCloseTo(-2.86154, 6);
    // Fuller (1976), Table 8.5.2, τ_μ at 5 %: −3.00 (25), −2.89 (100), −2.87 (500), to two decimals.
    expect(Math.abs(dickeyFullerCritical5(25) + 3.0)).toBeLessThan(0.02);
    expect(Math.abs(dickeyFullerCritical5(100) + 2.89)).toBeLessThan(0.005);
    expect(Math.abs(dickeyFullerCritical5(500) + 2.87)).toBeLessThan(0.01);
  });

  it('rejects a random walk about 5 % of the time and a mean-reverting path nearly always (300 seeded paths of 400 steps each)', () => {
    const rng = createRng(31);
    let walkRejected = 0, ouRejected = 0;
    for (let r = 0; r < 300; r++) {
      const w = new Float64Array(400), o = new Float64Array(400);
      for (let i = 1; i < 400; i++) { w[i] = w[i - 1] + rng.normal(); o[i] = 0.9 * o[i - 1] + rng.normal(); }
      try { if (fitOU(w, 1).dickeyFuller.rejected) walkRejected++; } catch { /* φ̂ ≥ 1: no OU fit, and no rejection */ }
      if (fitOU(o, 1).dickeyFuller.rejected) ouRejected++;
    }
    // Binomial s.e. of a 5 % share over 300 paths: 1.3 %.
    expect(walkRejected / 300).toBeGreaterThan(0.015);
    expect(walkRejected / 300).toBeLessThan(0.095);
    expect(ouRejected / 300).toBeGreaterThan(0.97);
  });

  it('recovers κ, μ, σ from an exactly discretised OU path', () => {
    const rng = createRng(4);
    const kappa = 2, mu = 5, sigma = 0.7, dt = 0.05, n = 100_000;
    const phi = Math.exp(-kappa * dt);
    const sd = sigma * Math.sqrt((1 - phi * phi) / (2 * kappa));
    const x = new Float64Array(n);
    x[0] = mu;
    for (let i = 1; i < n; i++) x[i] = mu + phi * (x[i - 1] - mu) + sd * rng.normal();
    const fit = fitOU(x, dt);
    expect(fit.kappa).toBeGreaterThan(kappa * 0.9);
    expect(fit.kappa).toBeLessThan(kappa * 1.1);
    expect(fit.mu).toBeCloseTo(mu, 1);
    expect(fit.sigma).toBeGreaterThan(sigma * 0.98);
    expect(fit.sigma).toBeLessThan(sigma * 1.02);
    expect(fit.halfLife).toBeCloseTo(Math.LN2 / fit.kappa, 14);
  });

  it('explains why a random walk or an alternating series has no OU fit', () => {
    const walk = Float64Array.from({ length: 50 }, (_, i) => i * i);
    expect(() => fitOU(walk, 1)).toThrow(/≥ 1/);
    const alt = Float64Array.from({ length: 50 }, (_, i) => (i % 2 ? 1 : -1) * (1 + i / 100));
    expect(() => fitOU(alt, 1)).toThrow(/≤ 0/);
    expect(() => fitOU(new Float64Array(10), 1)).toThrow(/constant/);
    expect(() => fitOU(Float64Array.of(1, 2, 3), 0)).toThrow(/^dt/);
  });
});
