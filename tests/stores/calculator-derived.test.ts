import { describe, expect, it } from 'vitest';
import { computeCalculator, skewVsInventory, spreadVsGamma } from '../../src/stores/calculator-derived';
import { DEFAULT_PARAMS } from '../../src/stores/calculator-params';

describe('calculator derivations', () => {
  it('converts σ and T − t and reports AS numbers in bps of mid', () => {
    const p = { ...DEFAULT_PARAMS, mid: 100, sigmaAnnualPct: 50, hoursToClose: 6.5, gamma: 0.1, kappa: 10, q: 2 };
    const r = computeCalculator(p);
    const sigma = (100 * 0.5) / Math.sqrt(365 * 86400);
    expect(r.sigmaPerSqrtSec).toBeCloseTo(sigma, 15);
    expect(r.tauSec).toBe(23400);
    const risk = 0.1 * sigma * sigma * 23400;
    expect(r.skewBps).toBeCloseTo((-2 * risk / 100) * 1e4, 9);
    const total = risk + 20 * Math.log(1.01);
    expect(r.fullSpreadBps).toBeCloseTo((total / 100) * 1e4, 9);
    expect(r.halfSpreadBps).toBeCloseTo(r.fullSpreadBps / 2, 12);
  });

  it('skews quotes down when long and up when short, symmetric around q = 0', () => {
    const pts = skewVsInventory({ ...DEFAULT_PARAMS, maxQ: 5 });
    expect(pts.map((x) => x.q)).toEqual([-5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5]);
    expect(pts[0].skewBps).toBeGreaterThan(0);
    expect(pts[10].skewBps).toBeLessThan(0);
    expect(pts[0].skewBps).toBeCloseTo(-pts[10].skewBps, 10);
    expect(pts[5].skewBps).toBe(0);
  });

  it('gives a δ*(γ) curve over the slider range that has the 1/κ floor at small γ', () => {
    const p = { ...DEFAULT_PARAMS, hoursToClose: 0 };
    const curve = spreadVsGamma(p, 11);
    // The slider's range: the one γ spec the calculator and the backtest share (src/lib/params/catalog.ts).
    expect(curve[0].gamma).toBeCloseTo(1e-6, 14);
    expect(curve[10].gamma).toBeCloseTo(1000, 8);
    expect(curve[0].halfSpreadBps).toBeCloseTo((1 / p.kappa / p.mid) * 1e4, 3);
  });

  it('GLFT: the quote centre moves by skew·q and the spread stays 2δ*', () => {
    const p = { ...DEFAULT_PARAMS, model: 'glft' as const, q: 3 };
    const r = computeCalculator(p);
    expect(r.glft).toBeDefined();
    expect(r.skew).toBeCloseTo(-3 * r.glft!.skewPerLot, 12);
    expect(r.ask - r.bid).toBeCloseTo(2 * r.halfSpread, 12);
  });
});
