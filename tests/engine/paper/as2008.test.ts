import { describe, expect, it } from 'vitest';
import { simulateAS2008 } from '../../../src/engine';

/**
 * Avellaneda & Stoikov (2008), §3.3, Tables 1–3: 1000 simulations, S0 = 100, T = 1, σ = 2, dt = 0.005,
 * A = 140, κ = 1.5. Figures as published (profit mean / std, final q mean / std), and average spreads.
 * Known ambiguity: the symmetric strategy quotes "the average spread of the inventory strategy" around
 * the mid; we take the time average of eq. (30), which gives the published spreads.
 */
const PUBLISHED = [
  { gamma: 0.1, spread: 1.49, inventory: [65.0, 6.6, 0.08, 2.9], symmetric: [68.4, 12.7, 0.26, 8.4] },
  { gamma: 0.01, spread: 1.35, inventory: [68.6, 8.7, 0.12, 5.1], symmetric: [68.8, 12.8, 0.09, 8.7] },
  { gamma: 1, spread: 3.02, inventory: [31.4, 5.0, 0.02, 1.7], symmetric: [44.0, 11.0, 0.0, 5.1] },
] as const;

const PATHS = 10_000;
const PUBLISHED_PATHS = 1000;

describe('simulateAS2008 reproduces Avellaneda & Stoikov (2008), Tables 1–3', () => {
  for (const row of PUBLISHED) {
    it(`γ = ${row.gamma}: average spread ${row.spread}`, () => {
      expect(simulateAS2008({ gamma: row.gamma, strategy: 'inventory', paths: 2, seed: 1 }).meanSpread).toBeCloseTo(row.spread, 2);
    });
    for (const strategy of ['inventory', 'symmetric'] as const) {
      it(`γ = ${row.gamma}, ${strategy}: means within 3 Monte-Carlo s.e., stds within 10%`, () => {
        const [pMean, pStd, qMean, qStd] = row[strategy];
        const r = simulateAS2008({ gamma: row.gamma, strategy, paths: PATHS, seed: 2008 });
        // Standard error of the difference between our mean and the published one (both Monte Carlo).
        const se = (sdOurs: number, sdPub: number) => Math.sqrt((sdOurs * sdOurs) / PATHS + (sdPub * sdPub) / PUBLISHED_PATHS);
        expect(Math.abs(r.profitMean - pMean)).toBeLessThanOrEqual(3 * se(r.profitStd, pStd));
        expect(Math.abs(r.finalQMean - qMean)).toBeLessThanOrEqual(3 * se(r.finalQStd, qStd));
        expect(Math.abs(r.profitStd / pStd - 1)).toBeLessThanOrEqual(0.1);
        expect(Math.abs(r.finalQStd / qStd - 1)).toBeLessThanOrEqual(0.1);
      });
    }
  }

  it('inventory strategy trades a little profit for much less risk than the symmetric one', () => {
    const inv = simulateAS2008({ gamma: 0.1, strategy: 'inventory', seed: 3 });
    const sym = simulateAS2008({ gamma: 0.1, strategy: 'symmetric', seed: 3 });
    expect(inv.profitStd).toBeLessThan(0.7 * sym.profitStd);
    expect(inv.finalQStd).toBeLessThan(0.5 * sym.finalQStd);
    expect(inv.profit.length).toBe(1000);
  });

  it('is deterministic for a seed and validates its inputs by name', () => {
    const a = simulateAS2008({ gamma: 0.1, strategy: 'inventory', paths: 50, seed: 9 });
    const b = simulateAS2008({ gamma: 0.1, strategy: 'inventory', paths: 50, seed: 9 });
    expect(Array.from(a.profit)).toEqual(Array.from(b.profit));
    expect(() => simulateAS2008({ gamma: -1, strategy: 'inventory' })).toThrow(/^gamma/);
    expect(() => simulateAS2008({ gamma: 0.1, strategy: 'both' as never })).toThrow(/^strategy/);
    expect(() => simulateAS2008({ gamma: 0.1, strategy: 'symmetric', paths: 1 })).toThrow(/^paths/);
  });
});
