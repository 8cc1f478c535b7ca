// Reference: scipy.special.gammaincc / gammainc (scipy 1.10.1) on an (a, x) grid, from
// tests/fixtures/statsmodels/make_fixtures.py run with /usr/bin/python3.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chiSquareSf, logGamma, regularizedGammaP, regularizedGammaQ } from '../../../src/engine';
import { ref } from './reference';

describe('regularizedGammaQ / regularizedGammaP', () => {
  it('match scipy to 1e-13 relative wherever the value is a normal number', () => {
    let worst = 0;
    for (const g of ref.gamma) {
      const q = regularizedGammaQ(g.a, g.x);
      const p = regularizedGammaP(g.a, g.x);
      if (g.Q > 1e-300) worst = Math.max(worst, Math.abs(q - g.Q) / g.Q);
      else expect(q).toBeLessThan(1e-290);
      if (g.P > 1e-300) worst = Math.max(worst, Math.abs(p - g.P) / g.P);
    }
    expect(worst).toBeLessThan(1e-13);
  });

  it('P + Q = 1 and Q decreases in x', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 200, noNaN: true }), fc.double({ min: 0, max: 400, noNaN: true }), fc.double({ min: 0, max: 5, noNaN: true }), (a, x, dx) => {
        expect(regularizedGammaP(a, x) + regularizedGammaQ(a, x)).toBeCloseTo(1, 13);
        expect(regularizedGammaQ(a, x + dx)).toBeLessThanOrEqual(regularizedGammaQ(a, x) + 1e-15);
      }),
    );
  });

  it('has the closed forms Q(1, x) = e^−x and χ²₂ tail e^(−x/2)', () => {
    for (const x of [0.01, 1, 7.5, 30, 300]) {
      expect(regularizedGammaQ(1, x) / Math.exp(-x)).toBeCloseTo(1, 13);
      expect(chiSquareSf(x, 2) / Math.exp(-x / 2)).toBeCloseTo(1, 13);
    }
    expect(chiSquareSf(0, 3)).toBe(1);
  });

  it('logGamma hits factorials and Γ(½) = √π', () => {
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
    let f = 1;
    for (let k = 1; k < 30; k++) {
      f *= k;
      expect(Math.abs(logGamma(k + 1) - Math.log(f))).toBeLessThanOrEqual(1e-14 * Math.max(1, Math.log(f)));
    }
  });

  it('rejects a ≤ 0 and negative x by name', () => {
    expect(() => regularizedGammaQ(0, 1)).toThrow(/^a must/);
    expect(() => regularizedGammaQ(1, -1)).toThrow(/^x must/);
    expect(() => chiSquareSf(1, 0)).toThrow(/^dof/);
  });
});
