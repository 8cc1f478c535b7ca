import { describe, expect, it } from 'vitest';
import { asQuote, createAs, kalmanFair, localLevelMoments } from '../../../src/engine';
import { quoteOnce } from './helpers';

describe('createAs', () => {
  const p = { gamma: 0.1, sigma: 2, kappa: 1.5, horizonSec: 0.5, orderSize: 1 };

  it('matches asQuote (Avellaneda & Stoikov 2008 eqs. 29–30) around the mid', () => {
    const s = createAs(p);
    for (const q of [-3, 0, 4]) {
      const o = quoteOnce(s, { mid: 100 }, { inventory: q });
      const ref = asQuote({ mid: 100, q, gamma: 0.1, sigma: 2, kappa: 1.5, tau: 0.5 });
      expect(o.bid).toBeCloseTo(ref.bid, 12);
      expect(o.ask).toBeCloseTo(ref.ask, 12);
    }
  });

  it("centres on the fair value it is given ('as-kalman')", () => {
    const s = createAs(p, 'as-kalman', () => 101);
    const o = quoteOnce(s, { mid: 100 }, { inventory: 0 });
    expect(o.fairValue).toBe(101);
    expect((o.bid + o.ask) / 2).toBeCloseTo(101, 12);
  });
});

describe('Kalman fair value', () => {
  it('recovers the local-level variances from moments and smooths the noise', () => {
    // x random walk (q = 1e-4), y = x + noise (r = 4e-4): Var Δy = q + 2r, Cov lag 1 = −r.
    let s = 7;
    const rand = () => { s = (s * 16807) % 2147483647; return s / 2147483647; };
    const gauss = () => Math.sqrt(-2 * Math.log(rand())) * Math.cos(2 * Math.PI * rand());
    const n = 100_000;
    const x = new Float64Array(n), y = new Float64Array(n);
    for (let i = 0; i < n; i++) { x[i] = (i > 0 ? x[i - 1] : 100) + 0.01 * gauss(); y[i] = x[i] + 0.02 * gauss(); }
    const fit = localLevelMoments(y, n, 0.01);
    expect(fit.q / 1e-4).toBeGreaterThan(0.85);
    expect(fit.q / 1e-4).toBeLessThan(1.15);
    expect(fit.r / 4e-4).toBeGreaterThan(0.95);
    expect(fit.r / 4e-4).toBeLessThan(1.05);
    const f = kalmanFair(fit, y[0]);
    let errMid = 0, errFair = 0;
    for (let i = 0; i < n; i++) { const m = f(y[i]); errFair += (m - x[i]) ** 2; errMid += (y[i] - x[i]) ** 2; }
    expect(errFair).toBeLessThan(0.6 * errMid);
  });
});
