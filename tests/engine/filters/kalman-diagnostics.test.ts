import { describe, expect, it } from 'vitest';
import { createRng, kalmanDiagnostics, kalmanLocalLevel, kalmanOU, steadyStateGain } from '../../../src/engine';

describe('steadyStateGain', () => {
  it('is the limit of the gain sequence for both models', () => {
    const y = new Float64Array(5000).fill(1);
    const ll = { q: 0.3, r: 2, x0: 0, p0: 10 };
    expect(steadyStateGain(ll)).toBeCloseTo(kalmanLocalLevel(y, ll).gain[4999], 12);
    const ou = { kappa: 5, mu: 1, sigma: 0.4, r: 0.02, dt: 0.01, x0: 0, p0: 1 };
    expect(steadyStateGain(ou)).toBeCloseTo(kalmanOU(y, ou).gain[4999], 12);
  });

  it('solves P² − qP − qr = 0 for the local level (hand formula)', () => {
    const q = 1, r = 2;
    const P = (q + Math.sqrt(q * q + 4 * q * r)) / 2; // = 2
    expect(steadyStateGain({ q, r, x0: 0, p0: 0 })).toBeCloseTo(P / (P + r), 15);
    expect(steadyStateGain({ q: 0, r, x0: 0, p0: 0 })).toBe(0);
  });
});

describe('kalmanDiagnostics', () => {
  it('reports innovation std, RMSE and a smoothing ratio below 1 on a noisy random walk', () => {
    const rng = createRng(9);
    const n = 20000;
    const y = new Float64Array(n);
    let x = 100;
    for (let i = 0; i < n; i++) { x += 0.05 * rng.normal(); y[i] = x + 0.2 * rng.normal(); }
    const p = { q: 0.0025, r: 0.04, x0: 100, p0: 1 };
    const d = kalmanDiagnostics(y, kalmanLocalLevel(y, p), p);
    // Innovation variance of the correct model is the steady-state F = P∞ + r.
    const K = d.steadyStateGain;
    const F = 0.04 / (1 - K);
    expect(d.innovationStd).toBeGreaterThan(Math.sqrt(F) * 0.97);
    expect(d.innovationStd).toBeLessThan(Math.sqrt(F) * 1.03);
    // Filtered minus raw is (1 − K)·v on average in scale.
    expect(d.rmseFilteredVsRaw).toBeCloseTo((1 - K) * d.innovationStd, 2);
    expect(d.smoothingRatio).toBeLessThan(1);
    expect(d.smoothingRatio).toBeGreaterThan(0.9);
  });

  it('names a result that belongs to another series', () => {
    const p = { q: 1, r: 1, x0: 0, p0: 1 };
    expect(() => kalmanDiagnostics(Float64Array.of(1, 2, 3), kalmanLocalLevel(Float64Array.of(1, 2), p), p)).toThrow(/result.mean.length/);
  });
});
