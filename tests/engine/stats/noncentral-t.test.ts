import { describe, expect, it } from 'vitest';
import { normalCdf, noncentralTCdf, noncentralityFor } from '../../../src/engine';

describe('noncentralTCdf', () => {
  it('at δ = 0 is the central t, in closed form for ν = 1 (Cauchy) and ν = 2', () => {
    for (const t of [-30, -3, -0.7, 0, 0.4, 2.5, 12]) {
      expect(noncentralTCdf(t, 1, 0)).toBeCloseTo(0.5 + Math.atan(t) / Math.PI, 7);
      expect(noncentralTCdf(t, 2, 0)).toBeCloseTo(0.5 + t / (2 * Math.sqrt(2 + t * t)), 7);
    }
  });

  it('tends to Φ(t − δ) as ν grows, and at t = 0 is Φ(−δ) whatever ν', () => {
    for (const [t, d] of [[1.2, 0.5], [-0.3, -1.1], [3, 2.2]]) expect(noncentralTCdf(t, 1e6, d)).toBeCloseTo(normalCdf(t - d), 4);
    // P(T ≤ 0) = P(Z + δ ≤ 0) for any positive denominator.
    for (const nu of [1, 2, 5, 29]) expect(noncentralTCdf(0, nu, 0.8)).toBeCloseTo(normalCdf(-0.8), 8);
  });

  it('matches SciPy 1.17 scipy.stats.nct.cdf (an independent implementation) to 1e-8', () => {
    // Values printed by scipy.stats.nct.cdf(t, df, nc) on this machine.
    const cases: [number, number, number, number][] = [
      [1.5, 5, 0.7, 0.7447233113254513], [-2.0, 2, -1.0, 0.2933379504900904], [0.3, 29, 2.0, 0.044446697349477655],
      [4.0, 9, 1.0, 0.984936248141199], [-0.5, 3, 0.0, 0.3257239824240755], [2.5, 100, 2.0, 0.6865838004768232],
      // Large t (a Sharpe of 8.7 per bucket over 28 buckets, and beyond): Φ turns over a narrow range of S.
      [46.18, 27, 40.0, 0.8166972146868154], [46.18, 27, 55.0, 0.07559283423103234], [-30, 5, -25, 0.3728484072549299],
      [100, 5, 160.231, 0.024999312621886063], [300, 2, 576.2, 0.02499974684525437], [300, 2, 47.7, 0.9750256026506916],
    ];
    for (const [t, nu, d, p] of cases) expect(Math.abs(noncentralTCdf(t, nu, d) - p), `${t}, ${nu}, ${d}`).toBeLessThan(1e-8);
  });

  it('falls as δ rises; stays in [0, 1]; ±∞ give 0 and 1', () => {
    let prev = 1;
    for (let d = -6; d <= 6; d += 0.5) { const p = noncentralTCdf(0.7, 4, d); expect(p).toBeLessThanOrEqual(prev); expect(p).toBeGreaterThanOrEqual(0); prev = p; }
    expect(noncentralTCdf(Infinity, 3, 1)).toBe(1);
    expect(noncentralTCdf(-Infinity, 3, 1)).toBe(0);
    expect(() => noncentralTCdf(1, 0, 0)).toThrow(/degrees of freedom/);
  });
});

describe('noncentralityFor', () => {
  it('inverts the CDF in δ', () => {
    for (const [t, nu, p] of [[1.5, 5, 0.025], [1.5, 5, 0.975], [-4, 2, 0.5], [0, 29, 0.1], [9, 12, 0.9]]) {
      expect(noncentralTCdf(t, nu, noncentralityFor(t, nu, p))).toBeCloseTo(p, 7);
    }
    expect(() => noncentralityFor(1, 5, 1)).toThrow(/strictly between 0 and 1/);
  });
});
