import { describe, expect, it } from 'vitest';
import { asQuote, asTotalSpread, ParamError } from '../../../src/engine';

// Hand computations (paper values σ = 2, κ = 1.5 of Avellaneda & Stoikov 2008 §3.3):
//   γσ²τ = 0.1·4·τ;  (2/γ)·ln(1 + γ/κ) = 20·ln(16/15) = 1.290770640…
//   τ = 1   → total 1.690770640…,   τ = 0.5 → total 1.490770640… (the paper's "average spread 1.49":
//   over a unit horizon the average of T − t is 0.5).
const LN_16_15 = Math.log(16 / 15);

describe('asQuote', () => {
  it('matches the hand-computed paper example at τ = 1 and τ = 0.5', () => {
    const one = asQuote({ mid: 100, q: 0, gamma: 0.1, sigma: 2, kappa: 1.5, tau: 1 });
    expect(2 * one.halfSpread).toBeCloseTo(0.4 + 20 * LN_16_15, 12);
    expect(2 * one.halfSpread).toBeCloseTo(1.6907706, 6);
    const half = asQuote({ mid: 100, q: 0, gamma: 0.1, sigma: 2, kappa: 1.5, tau: 0.5 });
    expect(2 * half.halfSpread).toBeCloseTo(1.4907706, 6);
  });

  it('shifts the reservation price against inventory by q·γ·σ²·τ', () => {
    const r = asQuote({ mid: 100, q: 3, gamma: 0.1, sigma: 2, kappa: 1.5, tau: 0.25 });
    expect(r.reservation).toBeCloseTo(100 - 3 * 0.1 * 4 * 0.25, 12); // 99.7
    expect(r.bid).toBeCloseTo(r.reservation - r.halfSpread, 12);
    expect(r.ask).toBeCloseTo(r.reservation + r.halfSpread, 12);
    const short = asQuote({ mid: 100, q: -3, gamma: 0.1, sigma: 2, kappa: 1.5, tau: 0.25 });
    expect(short.reservation).toBeCloseTo(100.3, 12);
  });

  it('tends to halfSpread = 1/κ as γ → 0 and is exactly that at γ = 0', () => {
    for (const gamma of [1e-3, 1e-6, 1e-9, 1e-14]) {
      const r = asQuote({ mid: 50, q: 5, gamma, sigma: 2, kappa: 1.5, tau: 1 });
      expect(Number.isFinite(r.halfSpread)).toBe(true);
      expect(Math.abs(r.halfSpread - 1 / 1.5)).toBeLessThan(gamma * 2);
    }
    const zero = asQuote({ mid: 50, q: 5, gamma: 0, sigma: 2, kappa: 1.5, tau: 1 });
    expect(zero.halfSpread).toBe(1 / 1.5);
    expect(zero.reservation).toBe(50);
  });

  it('keeps only the intensity term at τ = 0 and puts the reservation on the mid', () => {
    const r = asQuote({ mid: 100, q: 7, gamma: 0.1, sigma: 2, kappa: 1.5, tau: 0 });
    expect(r.reservation).toBe(100);
    expect(r.halfSpread).toBeCloseTo(10 * LN_16_15, 14);
  });

  it('widens with γ for large γ (γσ²τ dominates) and with σ', () => {
    expect(asTotalSpread(1, 2, 1.5, 0.5)).toBeGreaterThan(asTotalSpread(0.1, 2, 1.5, 0.5));
    expect(asTotalSpread(0.1, 3, 1.5, 0.5)).toBeGreaterThan(asTotalSpread(0.1, 2, 1.5, 0.5));
  });

  it('rejects bad parameters with a message naming them', () => {
    expect(() => asQuote({ mid: 100, q: 0, gamma: 0.1, sigma: 2, kappa: 0, tau: 1 })).toThrow('kappa must be greater than 0 (got 0)');
    expect(() => asQuote({ mid: 100, q: 0, gamma: -1, sigma: 2, kappa: 1, tau: 1 })).toThrow('gamma must be at least 0 (got -1)');
    expect(() => asQuote({ mid: Number.NaN, q: 0, gamma: 0.1, sigma: 2, kappa: 1, tau: 1 })).toThrow(ParamError);
    expect(() => asQuote({ mid: 100, q: 0, gamma: 0.1, sigma: 2, kappa: 1, tau: -1 })).toThrow('tau must be at least 0');
  });
});
