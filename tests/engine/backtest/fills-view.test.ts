import { describe, expect, it } from 'vitest';
import { blotterCsv, buildFillsView, runBacktest } from '../../../src/engine';

// The 8-tick fixture of fixture.test.ts: four trade-through fills at ticks 1, 2, 4, 5.
const data = {
  time: Float64Array.of(0, 1, 2, 3, 4, 5, 6, 7),
  bid: Float64Array.of(99.95, 99.95, 99.95, 100.15, 100.15, 100.15, 99.95, 99.95),
  ask: Float64Array.of(100.05, 100.05, 100.05, 100.25, 100.25, 100.25, 100.05, 100.05),
  tradeTime: Float64Array.of(0, 0.5, 0.7, 1.5, 3.5, 4.5),
  tradePrice: Float64Array.of(99.0, 99.9, 100.05, 100.3, 100.0, 100.4),
  tradeSize: Float64Array.of(5, 1, 2, 3, 0.4, 1),
  tradeSide: Float64Array.of(-1, -1, 1, 1, -1, 1),
};
const r = runBacktest(data, { strategy: 'symmetric', halfSpreadBps: 10, orderSize: 1, warmupTicks: 0, tickSize: 0, lotSize: 0, fill: { model: 'trade-through', queueHaircut: 0.5 }, fees: { makerBps: -1 }, limits: { maxInventory: 10 } });

describe('fills view and blotter CSV', () => {
  it('pages the blotter and carries the model, its reason, the notes and the markouts', () => {
    const v = buildFillsView(r, 1, 2, [1]);
    expect(v.total).toBe(4);
    expect(v.offset).toBe(1);
    expect(Array.from(v.page.time)).toEqual([1.5, 3.5]);
    expect(Array.from(v.page.sourceIndex)).toEqual([3, 4]); // the trades that filled them
    expect(v.fillModel).toBe('trade-through');
    expect(v.fillModelReason).toBe('chosen in the settings');
    expect(v.markouts.map((m) => m.side)).toEqual(['buy', 'sell', 'all']);
    expect(buildFillsView(r, 10, 5).page.time.length).toBe(0); // past the end: an empty page
  });
  it('writes one CSV line per fill with a header', () => {
    const lines = blotterCsv(r.fills).trim().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^time_s,side\(\+1 buy\),price,size_asset,mid_at_fill,fee_quote/);
    const first = lines[1].split(',');
    expect(Number(first[0])).toBe(0.5);
    expect(Number(first[1])).toBe(1);
    expect(Number(first[2])).toBeCloseTo(99.9, 10);
    expect(Number(first[3])).toBeCloseTo(0.5, 12);
    expect(first[7]).toBe(''); // trade-through does not know the queue
  });
});
