import { describe, expect, it } from 'vitest';
import { barFillModel, runBacktest } from '../../../src/engine';

describe("'bar' fill model", () => {
  const high = Float64Array.of(100.5, 100.2, 100.1);
  const low = Float64Array.of(99.5, 100, 99.9);
  const m = barFillModel(high, low, 0.25, 1e-7);
  it("fills a bid in full when the bar's low goes through it, (1 − haircut) of it on a touch, nothing above", () => {
    expect(m.onQuote(1, 100, 2, NaN, NaN, 0)).toBe(2); // low 99.5 < 100
    expect(m.onQuote(1, 100, 2, NaN, NaN, 1)).toBeCloseTo(1.5, 12); // low = 100: a touch
    expect(m.onQuote(1, 99.8, 2, NaN, NaN, 2)).toBe(0); // low 99.9 > 99.8
  });
  it('mirrors for an ask with the high', () => {
    expect(m.onQuote(-1, 100.1, 1, NaN, NaN, 0)).toBe(1);
    expect(m.onQuote(-1, 100.2, 1, NaN, NaN, 1)).toBeCloseTo(0.75, 12);
    expect(m.onQuote(-1, 100.2, 1, NaN, NaN, 2)).toBe(0);
  });
});

describe('bars in a run', () => {
  // Six bars around 100 with ranges of ±0.3.
  const close = Float64Array.of(100, 100.1, 99.9, 100, 100.2, 100);
  const bars = { time: Float64Array.of(60, 120, 180, 240, 300, 360), close, high: close.map((c) => c + 0.3), low: close.map((c) => c - 0.3) };
  it("defaults to 'bar' and says why", () => {
    const r = runBacktest(bars, { strategy: 'symmetric', halfSpreadBps: 10, warmupTicks: 0 });
    expect(r.resolved.fillModel).toBe('bar');
    expect(r.resolved.fillModelReason).toMatch(/bars/);
    expect(r.metrics.fills).toBeGreaterThan(0);
    // The first quotes (bid 99.9, ask 100.1 at the close of bar 0) rest through bar 1: [99.8, 100.4] crosses both.
    expect(Array.from(r.fills.index.slice(0, 2))).toEqual([1, 1]);
  });
  it("books a fill at the close its quote rested against, so the quoted half-spread is the capture and the bar's move is adverse selection", () => {
    const r = runBacktest(bars, { strategy: 'symmetric', halfSpreadBps: 10, warmupTicks: 0 });
    // Bid 99.9 and ask 100.1 set at bar 0's close (100) fill in bar 1 (close 100.1): booked at 100, not 100.1.
    expect(r.fills.midAtFill[0]).toBe(100);
    expect(r.fills.midAtFill[1]).toBe(100);
    for (let k = 0; k < r.fills.side.length; k++) {
      // Each fill's capture is its quote's distance from the close before its bar: 10 bps of it, never negative.
      const capture = r.fills.side[k] * (r.fills.midAtFill[k] - r.fills.price[k]);
      expect(capture, `fill ${k}`).toBeCloseTo(close[r.fills.index[k] - 1] * 1e-3, 9);
    }
    const a = r.attribution;
    expect(a.spreadCapture).toBeGreaterThan(0);
    expect(a.spreadCapture + a.adverseSelection + a.inventoryCarry + a.fees).toBeCloseTo(a.net, 9);
    expect(a.net).toBeCloseTo(r.equity[r.equity.length - 1] - r.equity[0], 9);
  });

  it('never treats bars as quotes: quote-cross on bars is refused with the reason', () => {
    expect(() => runBacktest(bars, { fill: { model: 'quote-cross' } })).toThrow(/OHLC bars/);
  });
  it('rejects a close outside its bar, naming the row', () => {
    expect(() => runBacktest({ ...bars, close: Float64Array.of(100, 100.1, 99.9, 100, 101, 100) }, {})).toThrow(/data\.close\[4\]/);
  });
});
