import { describe, expect, it } from 'vitest';
import { generateSyntheticMarket, runBacktest } from '../../../src/engine';
import { createPartialSeriesView } from '../../../src/engine/views';

// Partial views while a run streams (issue 15): incremental, and the same numbers a full pass gives.
describe('createPartialSeriesView', () => {
  const m = generateSyntheticMarket({ seed: 3, nTicks: 30_000 });
  const r = runBacktest({ time: m.time, bid: m.bid, ask: m.ask, tradeTime: m.tradeTime, tradePrice: m.tradePrice, tradeSize: m.tradeSize, tradeSide: m.tradeSide }, { strategy: 'as' });
  const n = r.time.length;

  /** Brute force over ticks [0, to): PnL, running drawdown, and where the extremes are. */
  function brute(to: number) {
    const pnl = new Float64Array(to), dd = new Float64Array(to);
    let peak = -Infinity;
    for (let i = 0; i < to; i++) { pnl[i] = r.equity[i] - r.equity[0]; peak = Math.max(peak, pnl[i]); dd[i] = pnl[i] - peak; }
    return { pnl, dd };
  }

  it.each([1_000, 7_777, 15_000, 30_000])('at %i ticks: kept points carry the exact PnL and drawdown, and every extreme is kept', (to) => {
    const v = createPartialSeriesView(n).update(r, to);
    const b = brute(to);
    const times = Array.from(v.pnl.time);
    const idx = times.map((t) => r.time.indexOf(t));
    expect(idx[0]).toBe(0);
    expect(idx.at(-1)).toBe(to - 1);
    for (let j = 1; j < idx.length; j++) expect(idx[j]).toBeGreaterThan(idx[j - 1]);
    idx.forEach((i, j) => {
      expect(v.pnl.pnl[j]).toBe(b.pnl[i]);
      expect(v.pnl.drawdown[j]).toBe(b.dd[i]);
      expect(Number.isNaN(v.pnl.buyHold[j])).toBe(true);
    });
    const pnlKept = Array.from(v.pnl.pnl);
    expect(Math.max(...pnlKept)).toBe(Math.max(...b.pnl));
    expect(Math.min(...pnlKept)).toBe(Math.min(...b.pnl));
    expect(Math.min(...Array.from(v.pnl.drawdown))).toBe(Math.min(...b.dd));
    const mids = Array.from(r.mid.subarray(0, to));
    expect(Math.max(...Array.from(v.price.mid))).toBe(Math.max(...mids));
    expect(Math.min(...Array.from(v.price.mid))).toBe(Math.min(...mids));
    const inv = Array.from(r.inventory.subarray(0, to));
    expect(Math.max(...Array.from(v.inventory.inventory))).toBe(Math.max(...inv));
    expect(Math.min(...Array.from(v.inventory.inventory))).toBe(Math.min(...inv));
    expect(v.upTo).toBe(to);
    expect(v.price.time.length).toBeLessThanOrEqual(2 * 120 + 3);
  });

  it('gives the same view whatever the chunks it was fed in', () => {
    const once = createPartialSeriesView(n).update(r, 20_000);
    const inc = createPartialSeriesView(n);
    for (const to of [1, 2, 500, 4_321, 9_999, 10_000, 19_999, 20_000]) inc.update(r, to);
    const chunked = inc.update(r, 20_000);
    expect(chunked).toEqual(once);
  });
});
