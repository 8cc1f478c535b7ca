import { describe, expect, it } from 'vitest';
import { HIST_CHECKPOINTS, inventoryHistogram } from '../../../src/engine/views/summary';

// Issue 14: inventory histograms binned on the levels the inventory takes (no bin at −9.54 for whole lots, no lone 0.5).
describe('inventoryHistogram', () => {
  const path = (levels: number[], step: number) => Float64Array.from(levels, (k) => k * step);

  it('orders of 16 lots of 0.001: bins of 0.016 centred on 0 and on each multiple of the order', () => {
    // Float residue as the engine's account makes it (0.016 added and removed).
    const inv: number[] = [];
    let q = 0;
    for (const d of [1, 1, -1, -1, -1, 1, 1, 1, 1, 1, -1]) { q += d * 0.016; inv.push(q); }
    const h = inventoryHistogram(Float64Array.from(inv), 0.001);
    expect(Array.from(h.centre)).toEqual([-0.016, 0, 0.016, 0.032, 0.048, 0.064]); // levels −1 … 4 orders
    expect(Array.from(h.share).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(h.share[1]).toBeCloseTo(2 / 11, 12); // q = 0 twice (within float residue)
  });

  it('whole lots from −10 to 10: 21 bins at the integers', () => {
    const h = inventoryHistogram(path([-10, -3, 0, 4, 10, 10, 2], 1), 1);
    expect(Array.from(h.centre)).toEqual(Array.from({ length: 21 }, (_, i) => i - 10));
    expect(h.share[20]).toBeCloseTo(2 / 7, 12);
  });

  it('a wide range keeps at most 41 bins of whole multiples of the lot', () => {
    const h = inventoryHistogram(path([-1000, -999, 0, 1, 500, 1000], 1), 1);
    expect(h.centre.length).toBeLessThanOrEqual(42);
    const w = h.centre[1] - h.centre[0];
    expect(Number.isInteger(w)).toBe(true);
    for (const c of h.centre) expect(Number.isInteger(c / w)).toBe(true);
    expect(Array.from(h.centre)).toContain(0);
  });

  it('without a lot size the bins are a 1-2-5 step of the range; a flat path is one bin at its level', () => {
    const h = inventoryHistogram(Float64Array.from([0, 0.1, 0.25, 0.5]), 0);
    expect(Array.from(h.centre)).toContain(0);
    expect(Array.from(h.centre)).toContain(0.5);
    const flat = inventoryHistogram(new Float64Array(5), 0.01);
    expect(Array.from(flat.centre)).toEqual([0]);
    expect(Array.from(flat.share)).toEqual([1]);
  });

  it('every tick lands in the bin whose centre is nearest its level', () => {
    const inv = path([0, 3, 6, 9, 6, 3, 0, -3, -6], 0.5);
    const h = inventoryHistogram(inv, 0.5);
    expect(Array.from(h.centre)).toEqual([-3, -1.5, 0, 1.5, 3, 4.5]);
    expect(Array.from(h.share, (s) => Math.round(s * 9))).toEqual([1, 1, 2, 2, 2, 1]);
  });
});

describe('inventoryHistogram checkpoints (replay)', () => {
  it('row j holds the shares of the ticks at or before its time; the last row is the whole run', () => {
    const n = 1_000;
    const time = Float64Array.from({ length: n }, (_, i) => 100 + i * 0.37 + (i % 7 === 0 ? 0.2 : 0));
    const inv = Float64Array.from({ length: n }, (_, i) => 0.01 * Math.round(5 * Math.sin(i / 40) + (i / 300)));
    const h = inventoryHistogram(inv, 0.01, time);
    const bins = h.centre.length;
    expect(h.checkpointTime.length).toBe(HIST_CHECKPOINTS + 1);
    expect(h.checkpointTime[0]).toBe(time[0]);
    expect(h.checkpointTime[HIST_CHECKPOINTS]).toBe(time[n - 1]);
    for (const j of [0, 1, 17, 40, HIST_CHECKPOINTS]) {
      // Independently: the ticks at or before the checkpoint, each in the whole run's bin nearest its level.
      const w = h.centre[1] - h.centre[0];
      const counts = new Float64Array(bins);
      let upTo = 0;
      for (let i = 0; i < n; i++) if (time[i] <= h.checkpointTime[j]) { counts[Math.round((inv[i] - h.centre[0]) / w)]++; upTo++; }
      for (let b = 0; b < bins; b++) expect(h.checkpointShare[j * bins + b]).toBeCloseTo(counts[b] / upTo, 12);
    }
    expect(Array.from(h.checkpointShare.subarray(HIST_CHECKPOINTS * bins))).toEqual(Array.from(h.share));
  });
});
