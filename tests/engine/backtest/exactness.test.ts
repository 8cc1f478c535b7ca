import { describe, expect, it } from 'vitest';
import { gridScale, minTradeSize, roundAsk, roundBid, roundLot, runBacktest, type BacktestConfig } from '../../../src/engine';

describe('grid prices and sizes are their decimal values', () => {
  it('rounds to the decimal level itself, not k × tick in binary', () => {
    expect(618311 * 0.1).not.toBe(61831.1); // the float residue this guards against
    expect(roundBid(61831.13, 0.1)).toBe(61831.1);
    expect(roundAsk(61831.13, 0.1)).toBe(61831.2);
    expect(roundBid(61831.1, 0.1)).toBe(61831.1); // on the grid: kept
    expect(roundAsk(1.38005, 0.00001)).toBe(1.38005);
    expect(roundBid(0.000123456, 0.0000001)).toBe(0.0001234);
    expect(roundLot(0.7, 0.1)).toBe(0.7);
    expect(roundLot(0.30000000000000004, 0.1)).toBe(0.3);
    expect(gridScale(0.1)).toBe(10);
    expect(gridScale(0.25)).toBe(100);
    expect(gridScale(Math.PI / 1000)).toBe(0); // not a short decimal: plain k × step
    expect(roundBid(1, Math.PI / 1000)).toBeCloseTo(318 * (Math.PI / 1000), 12);
  });

  it('states the dust threshold: one lot, or 1e-9 of the order size', () => {
    expect(minTradeSize(0.001, 0.01)).toBeCloseTo(0.001, 9);
    expect(minTradeSize(0.001, 0.01)).toBeLessThan(0.001);
    expect(minTradeSize(0, 0.01)).toBeCloseTo(1e-11, 20);
  });
});

// Two quote rows at a real BTC level; the tick is 0.1, so our bid rounds to 61831.1, the best bid.
const time = Float64Array.of(0, 1, 2, 3);
const bid = Float64Array.of(61831.1, 61831.1, 61831.1, 61831.1);
const ask = Float64Array.of(61831.2, 61831.2, 61831.2, 61831.2);

describe('a print exactly at our grid price is "at" it', () => {
  const config: BacktestConfig = {
    strategy: 'symmetric', halfSpreadBps: 0.001, orderSize: 1, warmupTicks: 0, tickSize: 0.1,
    fill: { model: 'trade-through', queueHaircut: 0.5 }, limits: { maxInventory: 10 },
  };
  it('gets the queue haircut (half the print), at the decimal price', () => {
    const r = runBacktest({ time, bid, ask, tradeTime: Float64Array.of(0.5), tradePrice: Float64Array.of(61831.1), tradeSize: Float64Array.of(0.8), tradeSide: Float64Array.of(-1) }, config);
    expect(r.bid[0]).toBe(61831.1);
    expect(r.metrics.fills).toBe(1);
    expect(r.fills.price[0]).toBe(61831.1);
    expect(r.fills.size[0]).toBeCloseTo(0.4, 12); // at: (1 − 0.5) × 0.8, not the whole print as "through"
  });
  it('a print one tick lower is through: up to the whole print', () => {
    const r = runBacktest({ time, bid, ask, tradeTime: Float64Array.of(0.5), tradePrice: Float64Array.of(61831.0), tradeSize: Float64Array.of(0.8), tradeSide: Float64Array.of(-1) }, config);
    expect(r.fills.size[0]).toBeCloseTo(0.8, 12);
  });
});

describe('no dust at the inventory limit', () => {
  // Ten sells of 0.01 leave q = −0.09999999999999999 under a limit of 0.1: the 1.4e-17 of room is not a quote nor a fill.
  const n = 40;
  const t = Float64Array.from({ length: n }, (_, i) => i);
  const b = new Float64Array(n).fill(100), a = new Float64Array(n).fill(100.1);
  const tradeTime = Float64Array.from({ length: n - 1 }, (_, k) => k + 0.5);
  const data = { time: t, bid: b, ask: a, tradeTime, tradePrice: new Float64Array(n - 1).fill(100.2), tradeSize: new Float64Array(n - 1).fill(5), tradeSide: new Float64Array(n - 1).fill(1) };
  const r = runBacktest(data, { strategy: 'symmetric', halfSpreadBps: 1, orderSize: 0.01, warmupTicks: 0, limits: { maxInventory: 0.1 }, fill: { model: 'trade-through' } });

  it('fills exactly ten times, every fill a whole order', () => {
    expect(r.metrics.fills).toBe(10);
    for (let k = 0; k < r.fills.size.length; k++) expect(r.fills.size[k]).toBeCloseTo(0.01, 15);
    expect(r.inventory[n - 1]).toBeCloseTo(-0.1, 15);
  });

  it('stops the ask at the limit on the tick of the tenth fill, and never quotes dust', () => {
    const stop = r.riskLog.find((e) => e.side === 'ask' && e.kind === 'stop');
    expect(stop?.index).toBe(r.fills.index[9]);
    for (let i = 0; i < n; i++) if (Number.isFinite(r.ask[i])) expect(i).toBeLessThan(stop!.index);
  });
});
