import { describe, expect, it } from 'vitest';
import { runBacktest, type BacktestConfig } from '../../../src/engine';

// A hand-built market: 8 quote ticks one second apart and 6 trades between them.
// Strategy 'symmetric', half-spread 10 bps = 0.1 at mid 100 and 0.1002 at mid 100.2; size 1;
// trade-through fills with a 50 % queue haircut at our price; maker rebate 1 bp; mark-out 2 s.
const time = Float64Array.of(0, 1, 2, 3, 4, 5, 6, 7);
const bid = Float64Array.of(99.95, 99.95, 99.95, 100.15, 100.15, 100.15, 99.95, 99.95);
const ask = Float64Array.of(100.05, 100.05, 100.05, 100.25, 100.25, 100.25, 100.05, 100.05);
const trades = {
  tradeTime: Float64Array.of(0, 0.5, 0.7, 1.5, 3.5, 4.5),
  tradePrice: Float64Array.of(99.0, 99.9, 100.05, 100.3, 100.0, 100.4),
  tradeSize: Float64Array.of(5, 1, 2, 3, 0.4, 1),
  tradeSide: Float64Array.of(-1, -1, 1, 1, -1, 1),
};
const config: BacktestConfig = {
  strategy: 'symmetric',
  halfSpreadBps: 10,
  orderSize: 1,
  warmupTicks: 0,
  fill: { model: 'trade-through', queueHaircut: 0.5 },
  fees: { makerBps: -1 },
  markoutSec: 2,
  limits: { maxInventory: 10 },
};

describe('runBacktest on a hand-built 8-tick fixture', () => {
  const r = runBacktest({ time, bid, ask, ...trades }, config);

  it('fills exactly the four trades that reach our quotes, line by line', () => {
    // T0 (t=0) prints before any quote exists; T2 (100.05) reaches neither 99.9 nor 100.1.
    // T1 at our bid 99.9: half of its size 1 goes to the queue ahead → 0.5.
    // T3 at 100.3 trades through our ask 100.1 → our full size 1.
    // T4 at 100.0 through our bid 100.2 − 0.1002 = 100.0998 → the trade's size 0.4 caps it.
    // T5 at 100.4 through our ask 100.3002 → 1.
    expect(r.metrics.fills).toBe(4);
    expect(Array.from(r.fills.time)).toEqual([0.5, 1.5, 3.5, 4.5]);
    expect(Array.from(r.fills.side)).toEqual([1, -1, 1, -1]);
    const px = [99.9, 100.1, 100.0998, 100.3002];
    const sz = [0.5, 1, 0.4, 1];
    const midAt = [100, 100, 100.2, 100.2];
    const midAfter = [100, 100.2, 100.2, 100]; // mid at t + 2 s: ticks 2, 3, 5, 6
    const fee = [-0.004995, -0.01001, -0.004003992, -0.01003002]; // −1 bp of price × size
    for (let k = 0; k < 4; k++) {
      expect(r.fills.price[k]).toBeCloseTo(px[k], 10);
      expect(r.fills.size[k]).toBeCloseTo(sz[k], 12);
      expect(r.fills.midAtFill[k]).toBeCloseTo(midAt[k], 12);
      expect(r.fills.midAfter[k]).toBeCloseTo(midAfter[k], 12);
      expect(r.fills.fee[k]).toBeCloseTo(fee[k], 12);
      expect(r.fills.index[k]).toBe([1, 2, 4, 5][k]);
    }
  });

  it('tracks inventory and cash per tick', () => {
    expect(Array.from(r.inventory, (q) => +q.toFixed(12))).toEqual([0, 0.5, -0.5, -0.5, -0.1, -1.1, -1.1, -1.1]);
    // cash after each fill: −49.95 + 0.004995; + 100.1 + 0.01001; − 40.03992 + 0.004003992; + 100.3002 + 0.01003002
    const c1 = -49.945005;
    const c2 = c1 + 100.11001;
    const c3 = c2 - 40.035916008;
    const c4 = c3 + 100.31023002;
    const expected = [0, c1, c2, c2, c3, c4, c4, c4];
    expected.forEach((c, i) => expect(r.cash[i]).toBeCloseTo(c, 9));
    expect(r.equity[7]).toBeCloseTo(c4 - 1.1 * 100, 9);
  });

  it('attributes the PnL: spread, adverse selection, carry and fees add up to net', () => {
    const a = r.attribution;
    expect(a.spreadCapture).toBeCloseTo(0.05 + 0.1 + 0.04008 + 0.1002, 10); // side·size·(midAtFill − price)
    expect(a.adverseSelection).toBeCloseTo(0 - 0.2 + 0 + 0.2, 10); // side·size·(midAfter − midAtFill)
    expect(a.inventoryCarry).toBeCloseTo(-0.5 * 0.2 + -1.1 * -0.2 - 0, 10); // q·Δmid at ticks 3 and 6, minus AS (0)
    expect(a.fees).toBeCloseTo(0.029039012, 12); // rebates received
    expect(a.net).toBeCloseTo(0.439319012, 9);
    expect(a.spreadCapture + a.adverseSelection + a.inventoryCarry + a.fees).toBeCloseTo(a.net, 12);
  });

  it('records the quotes it placed at each tick (half-spread 10 bps around the mid)', () => {
    expect(r.bid[0]).toBeCloseTo(99.9, 12);
    expect(r.ask[0]).toBeCloseTo(100.1, 12);
    expect(r.bid[3]).toBeCloseTo(100.0998, 10);
    expect(r.ask[3]).toBeCloseTo(100.3002, 10);
    expect(Array.from(r.fairValue)).toEqual(Array.from(r.mid));
  });
});
