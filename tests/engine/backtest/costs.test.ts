import { describe, expect, it } from 'vitest';
import { bpsFees, constantLatency, gridLevel, gridScale, roundAsk, roundBid, roundLot } from '../../../src/engine';
import { ceilIndex, ceilToGrid, floorIndex, floorToGrid } from '../../../src/engine/backtest/costs';

describe('costs: latency, fees, price and size grids', () => {
  it('activates an order latencySec after it is sent', () => {
    expect(constantLatency(0.25).activeFrom(10)).toBe(10.25);
  });
  it('charges maker and taker bps of notional, a negative maker fee being a rebate', () => {
    const f = bpsFees(-1, 5);
    expect(f.fee(100, 2, true)).toBeCloseTo(-0.02, 12);
    expect(f.fee(100, 2, false)).toBeCloseTo(0.1, 12);
  });
  it('rounds bids down and asks up to the tick, sizes down to whole lots', () => {
    expect(roundBid(100.037, 0.01)).toBeCloseTo(100.03, 12);
    expect(roundAsk(100.031, 0.01)).toBeCloseTo(100.04, 12);
    expect(roundBid(100.03, 0.01)).toBeCloseTo(100.03, 12); // already on the grid: unchanged
    expect(roundAsk(100.03, 0.01)).toBeCloseTo(100.03, 12);
    expect(roundLot(0.74, 0.25)).toBeCloseTo(0.5, 12);
    expect(roundBid(1.2345, 0)).toBe(1.2345);
    expect(roundLot(0.74, 0)).toBe(0.74);
  });
});

describe('grid index and level: floorToGrid / ceilToGrid are floorIndex / ceilIndex then gridLevel', () => {
  it('gives the same prices as the composed rounding, and a repeated index the same level', () => {
    let seed = 17;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (const step of [0.1, 0.01, 0.5, 0.25, 1e-8, 3]) {
      const scale = gridScale(step);
      for (let k = 0; k < 2000; k++) {
        const x = 61_000 * rnd() + (rnd() < 0.3 ? Math.round(rnd() * 1000) * step : 0);
        expect(gridLevel(floorIndex(x, step), step, scale)).toBe(floorToGrid(x, step, scale));
        expect(gridLevel(ceilIndex(x, step), step, scale)).toBe(ceilToGrid(x, step, scale));
        expect(floorToGrid(x, step, scale)).toBeLessThanOrEqual(x + step * 1e-9 * 2);
        expect(ceilToGrid(x, step, scale)).toBeGreaterThanOrEqual(x - step * 1e-9 * 2);
      }
    }
    // A price on the grid stays there (the 1e-9 slack absorbs float residue), decimal levels exactly.
    expect(floorToGrid(61831.1, 0.1, gridScale(0.1))).toBe(61831.1);
    expect(ceilToGrid(61831.1, 0.1, gridScale(0.1))).toBe(61831.1);
    expect(floorIndex(61831.1, 0.1)).toBe(618311);
    expect(ceilIndex(61831.1, 0.1)).toBe(618311);
  });
});
