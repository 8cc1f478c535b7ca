import { describe, expect, it } from 'vitest';
import { calibrateByRegime, createRng, intensityCurveByRegime, tradeExposureByRegime } from '../../../src/engine';

describe('calibrateByRegime', () => {
  it('separates a calm and a volatile regime with different trade depth decay', () => {
    const rng = createRng(8);
    const nq = 40_000;
    const quoteTime = Float64Array.from({ length: nq }, (_, i) => i / 10);
    const states = Int32Array.from({ length: nq }, (_, i) => (Math.floor(i / 2000) % 2));
    const sig = [0.1, 0.4];
    const kap = [30, 10];
    const mid = new Float64Array(nq);
    mid[0] = 100;
    for (let i = 1; i < nq; i++) mid[i] = mid[i - 1] + sig[states[i]] * Math.sqrt(0.1) * rng.normal();
    const tt: number[] = [], tp: number[] = [];
    for (let t = rng.exponential() / 5; t < nq / 10 - 0.1; t += rng.exponential() / 5) {
      const q = Math.floor(t * 10);
      tt.push(t);
      tp.push(mid[q] + (rng.uniform() < 0.5 ? 1 : -1) * rng.exponential() / kap[states[q]]);
    }
    const res = calibrateByRegime({ tradeTime: Float64Array.from(tt), tradePrice: Float64Array.from(tp), quoteTime, mid }, states, 2);
    for (const k of [0, 1]) {
      expect(res[k].sigma / sig[k]).toBeGreaterThan(0.95);
      expect(res[k].sigma / sig[k]).toBeLessThan(1.05);
      expect(res[k].intensity!.kappa / kap[k]).toBeGreaterThan(0.85);
      expect(res[k].intensity!.kappa / kap[k]).toBeLessThan(1.15);
      expect(res[k].seconds).toBeCloseTo(2000, -1);
    }
    // One per-regime λ: the same A and κ as the calibration view's curve of each regime (same trades, exposure and levels).
    const curves = intensityCurveByRegime({ tradeTime: Float64Array.from(tt), tradePrice: Float64Array.from(tp), quoteTime, mid }, states, 2, { bootstrap: 0 });
    for (const k of [0, 1]) {
      expect(curves[k].curve!.exp!.kappa).toBeCloseTo(res[k].intensity!.kappa, 9);
      expect(curves[k].curve!.exp!.A / res[k].intensity!.A).toBeCloseTo(1, 12);
    }
  });

  it('books each quote interval to the regime of the quote prevailing in it (the regime its trades take)', () => {
    const quoteTime = Float64Array.from([0, 1, 3, 6, 10]);
    const states = Int32Array.from([0, 1, 1, 0, 1]);
    // (0,1] → states[0] = 0; (1,3] → 1; (3,6] → 1; (6,10] → states[3] = 0; the last quote starts no interval.
    expect(Array.from(tradeExposureByRegime(quoteTime, states, 2))).toEqual([1 + 4, 2 + 3]);
    expect(() => tradeExposureByRegime(quoteTime, Int32Array.from([0, 2, 0, 0, 0]), 2)).toThrow(/states\[1\]/);
  });

  it('reports a regime with too few trades instead of failing the others', () => {
    const quoteTime = Float64Array.from({ length: 100 }, (_, i) => i);
    const mid = Float64Array.from({ length: 100 }, (_, i) => 100 + Math.sin(i));
    const states = new Int32Array(100);
    states[99] = 1;
    const tradeTime = Float64Array.from({ length: 90 }, (_, i) => i + 0.5);
    const tradePrice = Float64Array.from(tradeTime, (t, i) => mid[Math.floor(t)] + 0.01 * ((i % 9) + 1) * (i % 2 ? 1 : -1));
    const res = calibrateByRegime({ tradeTime, tradePrice, quoteTime, mid }, states, 2);
    expect(res[0].intensity).not.toBeNull();
    expect(res[1].intensity).toBeNull();
    expect(res[1].intensityError).toMatch(/at least 50 trades/);
    expect(() => calibrateByRegime({ tradeTime, tradePrice, quoteTime, mid }, states, 1)).toThrow(/states\[99\]/);
  });
});
