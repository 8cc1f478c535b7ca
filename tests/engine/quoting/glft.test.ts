import { describe, expect, it } from 'vitest';
import { glftQuote, glftCoefficients } from '../../../src/engine';

// Hand computation for γ = ξ = 0.1, κ = 1.5, A = 140, Δ = 1, σ = 2 (Guéant 2017, eqs. 4.6–4.7):
//   x = ξΔ/κ = 1/15
//   c1 = 10·ln(16/15)                                   = 0.6453852…
//   c2 = √( 0.1/(2·140·1.5) · (16/15)^(15 + 1) )        = √(2.380952e-4 · 2.808404…)
const x = 0.1 / 1.5;
const c1Hand = Math.log(1 + x) / 0.1;
const c2Hand = Math.sqrt((0.1 / (2 * 140 * 1 * 1.5)) * Math.pow(1 + x, 1.5 / 0.1 + 1));

describe('glftQuote', () => {
  it('matches the hand-computed coefficients', () => {
    const { c1, c2 } = glftCoefficients(0.1, 1.5, 140, 0.1, 1);
    expect(c1).toBeCloseTo(0.64538521, 7);
    expect(c1).toBeCloseTo(c1Hand, 13);
    expect(c2).toBeCloseTo(c2Hand, 13);
    expect(Math.pow(16 / 15, 16)).toBeCloseTo(2.80840, 4);
  });

  it('builds half-spread, skew and quotes as eqs. 4.6–4.7 state', () => {
    const r = glftQuote({ mid: 100, q: 2, gamma: 0.1, sigma: 2, kappa: 1.5, A: 140 });
    expect(r.halfSpread).toBeCloseTo(c1Hand + 0.5 * 2 * c2Hand, 12);
    expect(r.skew).toBeCloseTo(2 * c2Hand, 12);
    expect(r.bid).toBeCloseTo(100 - (r.halfSpread + 2 * r.skew), 12);
    expect(r.ask).toBeCloseTo(100 + (r.halfSpread - 2 * r.skew), 12);
  });

  it('uses ξ = γ and Δ = 1 by default', () => {
    const a = glftQuote({ mid: 10, q: -1, gamma: 0.3, sigma: 0.5, kappa: 4, A: 20 });
    const b = glftQuote({ mid: 10, q: -1, gamma: 0.3, sigma: 0.5, kappa: 4, A: 20, xi: 0.3, delta: 1 });
    expect(a).toEqual(b);
  });

  it('has the exact ξ → 0 limit: c1 → 1/κ and the power → e', () => {
    const { c1, c2 } = glftCoefficients(0.1, 1.5, 140, 0, 1);
    expect(c1).toBeCloseTo(1 / 1.5, 14);
    expect(c2).toBeCloseTo(Math.sqrt((0.1 / (2 * 140 * 1.5)) * Math.E), 14);
    const near = glftCoefficients(0.1, 1.5, 140, 1e-12, 1);
    expect(near.c1).toBeCloseTo(c1, 10);
  });

  it('rejects a non-positive A with its name', () => {
    expect(() => glftQuote({ mid: 100, q: 0, gamma: 0.1, sigma: 2, kappa: 1.5, A: 0 })).toThrow('A must be greater than 0 (got 0)');
  });
});
