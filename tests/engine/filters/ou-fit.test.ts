// Reference: statsmodels 0.13.5 OLS of x[1:] on (1, x[:-1]) in
// tests/fixtures/statsmodels/make_fixtures.py (run with /usr/bin/python3), converted to κ, μ, σ with the
// exact discretisation there. Agreement 1e-9 relative.
import { describe, expect, it } from 'vitest';
import { createRng, fitOU } from '../../../src/engine';
import { ref, relClose } from './reference';

describe('fitOU', () => {
  it('matches the statsmodels AR(1) OLS fit to 1e-9', () => {
    const o = ref.ouFit;
    const fit = fitOU(Float64Array.from(o.x), o.dt);
    for (const k of ['phi', 'kappa', 'mu', 'sigma', 'halfLife'] as const) expect(relClose(fit[k], o[k], 1e-9), k).toBe(true);
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
