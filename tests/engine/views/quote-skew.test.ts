import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { generateSyntheticMarket, runBacktest } from '../../../src/engine';
import { buildSummaryView, inventoryHistogram, quoteSkewByInventory, type InventoryHistogram } from '../../../src/engine/views';

/**
 * The reference, by another route: each two-sided tick goes to the bin whose centre is nearest its
 * inventory (not the histogram's bin rule), and each bin's mean is taken over a plain list.
 */
function reference(inv: Float64Array, bid: Float64Array, ask: Float64Array, mid: Float64Array, h: InventoryHistogram, upTo = inv.length): number[] {
  const lists: number[][] = Array.from(h.centre, () => []);
  for (let i = 0; i < upTo; i++) {
    const centre = (bid[i] + ask[i]) / 2;
    if (!Number.isFinite(centre)) continue;
    let best = 0;
    for (let b = 1; b < h.centre.length; b++) if (Math.abs(h.centre[b] - inv[i]) < Math.abs(h.centre[best] - inv[i])) best = b;
    const k = ((centre - mid[i]) / mid[i]) * 1e4;
    lists[best].push(Math.abs(k) < 1e-6 ? 0 : k);
  }
  return lists.map((l) => (l.length > 0 ? l.reduce((a, b) => a + b, 0) / l.length : NaN));
}

describe('quoteSkewByInventory', () => {
  it('averages the quote-centre skew of the two-sided ticks per inventory bin; one-sided ticks and empty bins are left out', () => {
    const time = Float64Array.from({ length: 8 }, (_, i) => i);
    const inventory = Float64Array.of(0, 0, 1, 1, 1, 2, 2, 0);
    const mid = new Float64Array(8).fill(100);
    // Centres 100, 100, 99.99, 99.98, (ask not quoted), (bid not quoted), (neither), 100.
    const bid = Float64Array.of(99.9, 99.9, 99.89, 99.88, 99.85, NaN, NaN, 99.9);
    const ask = Float64Array.of(100.1, 100.1, 100.09, 100.08, NaN, 100.05, NaN, 100.1);
    const h = inventoryHistogram(inventory, 1, time);
    const k = quoteSkewByInventory({ time, inventory, bid, ask, mid }, h);
    expect(Array.from(h.centre)).toEqual([0, 1, 2]);
    expect(Array.from(k.ticks)).toEqual([3, 2, 0]);
    expect(k.skewBps[0]).toBe(0); // (bid + ask)/2 − mid is float residue here: counted as 0
    expect(k.skewBps[1]).toBeCloseTo(-1.5, 9); // −1 and −2 bps
    expect(k.skewBps[2]).toBeNaN();
    expect(k.atTouchShare).toBeNaN(); // no market quotes given
  });

  it('counts the ticks at which both quotes were the market touch', () => {
    const time = Float64Array.of(0, 1, 2, 3);
    const inventory = new Float64Array(4);
    const mid = new Float64Array(4).fill(100);
    const bid = Float64Array.of(99.9, 99.9, 99.8, 99.9);
    const ask = Float64Array.of(100.1, 100.1, 100.1, 100.2);
    const market = { bid: new Float64Array(4).fill(99.9), ask: new Float64Array(4).fill(100.1) };
    const k = quoteSkewByInventory({ time, inventory, bid, ask, mid }, inventoryHistogram(inventory, 1, time), market);
    expect(k.atTouchShare).toBe(0.5); // ticks 0 and 1; tick 2 bid and tick 3 ask are off the touch
  });

  // A run of the 'as' strategy: its quotes lean against the inventory (AS 2008 eq. 29), and every bin
  // agrees with the reference over all ticks and, for replay, over the ticks up to each checkpoint.
  const m = generateSyntheticMarket({ seed: 11, nTicks: 20_000 });
  const data = { time: m.time, bid: m.bid, ask: m.ask, tradeTime: m.tradeTime, tradePrice: m.tradePrice, tradeSize: m.tradeSize, tradeSide: m.tradeSide };
  const r = runBacktest(data, { strategy: 'as', seed: 11 });
  const s = buildSummaryView(r, { bid: m.bid, ask: m.ask });

  it('on a run, equals the per-tick reference in every bin, the whole run and up to each replay checkpoint', () => {
    const h = s.inventoryHist, k = s.quoteSkew, bins = h.centre.length;
    expect(bins).toBeGreaterThan(3);
    const whole = reference(r.inventory, r.bid, r.ask, r.mid, h);
    for (let b = 0; b < bins; b++) {
      if (Number.isNaN(whole[b])) expect(k.skewBps[b]).toBeNaN();
      else expect(k.skewBps[b]).toBeCloseTo(whole[b], 9);
    }
    const C = h.checkpointTime.length - 1;
    for (const j of [0, 7, 31, C]) {
      let upTo = 0;
      while (upTo < r.time.length && r.time[upTo] <= h.checkpointTime[j]) upTo++;
      const ref = reference(r.inventory, r.bid, r.ask, r.mid, h, j === C ? r.time.length : upTo);
      for (let b = 0; b < bins; b++) {
        const v = k.checkpointSkewBps[j * bins + b];
        if (Number.isNaN(ref[b])) expect(v).toBeNaN();
        else expect(v).toBeCloseTo(ref[b], 9);
      }
    }
    expect(Array.from(k.checkpointSkewBps.subarray(C * bins))).toEqual(Array.from(k.skewBps));
  });

  it("on a run, the 'as' quotes lean against the inventory: long → quote centre below the mid, short → above", () => {
    const h = s.inventoryHist, k = s.quoteSkew;
    let longs = 0, shorts = 0;
    for (let b = 0; b < h.centre.length; b++) {
      if (!Number.isFinite(k.skewBps[b]) || k.ticks[b] < 20) continue;
      if (h.centre[b] > 0) { expect(k.skewBps[b]).toBeLessThan(0); longs++; }
      if (h.centre[b] < 0) { expect(k.skewBps[b]).toBeGreaterThan(0); shorts++; }
    }
    expect(longs).toBeGreaterThan(0);
    expect(shorts).toBeGreaterThan(0);
    expect(s.quoteSkew.atTouchShare).toBeGreaterThanOrEqual(0);
    expect(s.quoteSkew.atTouchShare).toBeLessThan(1);
  });
});

// The shipped USD-M sample without its trades (the page's quotes-only case): one-tick spreads of 0.1 at
// ≈ 61 800 (0.016 bps), where the strategy's lean against its inventory is rounded away by the tick grid.
describe('quoteSkewByInventory on real quotes with a one-tick spread', () => {
  const text = gunzipSync(readFileSync(new URL('../../../public/samples/usdm-btcusdt-2024-08-08-bookticker.csv.gz', import.meta.url))).toString('utf8');
  const rows = text.trim().split('\n').slice(1).map((l) => l.split(','));
  const t0 = Number(rows[0][0]) / 1e9;
  const bid = Float64Array.from(rows, (r) => Number(r[4])), ask = Float64Array.from(rows, (r) => Number(r[6]));
  const r = runBacktest({ time: Float64Array.from(rows, (x) => Number(x[0]) / 1e9 - t0), bid, ask }, { strategy: 'as-kalman', fill: { model: 'quote-cross' } });
  const k = buildSummaryView(r, { bid, ask }).quoteSkew;

  it('the quote centre is the mid at every inventory level reached, and the at-touch share is a share', () => {
    expect(r.metrics.fills).toBeGreaterThan(50);
    const levels = Array.from(k.skewBps).filter(Number.isFinite);
    expect(levels.length).toBeGreaterThan(4); // the inventory did move
    for (const v of levels) expect(v).toBe(0);
    // Symmetric about the mid, mostly a tick or more away from the touch on both sides (not at it).
    expect(k.atTouchShare).toBeGreaterThanOrEqual(0);
    expect(k.atTouchShare).toBeLessThan(0.5);
  });
});
