import { describe, expect, it } from 'vitest';
import { generateSyntheticMarket, runBacktest } from '../../../src/engine';
import { cashOf, hasRegimeColumn } from '../../../src/engine/backtest/recorder';
import { buildSeriesView } from '../../../src/engine/views';

// What a run stores per tick (issue 15): outputs only; time and mid are the input's, cash is derived.
describe('run state per tick', () => {
  const m = generateSyntheticMarket({ seed: 11, nTicks: 20_000 });
  const data = { time: m.time, bid: m.bid, ask: m.ask, mid: m.mid, tradeTime: m.tradeTime, tradePrice: m.tradePrice, tradeSize: m.tradeSize, tradeSide: m.tradeSide };

  it("shares the input's time and mid columns instead of copying them", () => {
    const r = runBacktest(data, { strategy: 'as' });
    expect(r.time).toBe(data.time);
    expect(r.mid).toBe(data.mid);
  });

  it('derives cash once, on first read, as equity − inventory · mid (the account cash to within an ulp of equity)', () => {
    const r = runBacktest(data, { strategy: 'as' });
    expect(r.fills.time.length).toBeGreaterThan(10);
    const desc = Object.getOwnPropertyDescriptor(r, 'cash');
    expect(typeof desc?.get).toBe('function');
    expect(desc?.enumerable).toBe(true);
    const cash = r.cash;
    expect(r.cash).toBe(cash);
    // An independent account: replay the fills (cash changes only at fills).
    let c = 0, k = 0;
    for (let i = 0; i < r.time.length; i++) {
      while (k < r.fills.time.length && r.fills.index[k] <= i) {
        c -= r.fills.side[k] * r.fills.price[k] * r.fills.size[k] + r.fills.fee[k];
        k++;
      }
      expect(Math.abs(cash[i] - c)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(r.equity[i])));
    }
  });

  it('cashOf over a range equals the same ticks of the whole column', () => {
    const r = runBacktest(data, { strategy: 'as' });
    expect(Array.from(cashOf(r, 100, 200))).toEqual(Array.from(r.cash.subarray(100, 200)));
  });

  it('reports progress with the live series, and copies of a chunk only when asked', () => {
    const seen: Array<{ to: number; same: boolean; partialLen: number }> = [];
    const r = runBacktest(data, { strategy: 'as', progressChunk: 5_000 }, (p) => {
      seen.push({ to: p.to, same: p.series.equity.length === data.time.length, partialLen: p.partial.equity.length });
      expect(p.series.equity[p.to - 1]).toBe(p.partial.equity[p.partial.equity.length - 1]);
    });
    expect(seen.map((s) => s.to)).toEqual([5_000, 10_000, 15_000, 20_000]);
    expect(seen.every((s) => s.same && s.partialLen === 5_000)).toBe(true);
    expect(r.equity.length).toBe(20_000);
  });

  it('stores no regime column for a strategy without regimes: it reads as n NaNs, made only when read', () => {
    const r = runBacktest(data, { strategy: 'as' });
    expect(hasRegimeColumn(r)).toBe(false);
    const v = buildSeriesView(r, r.time.length, null);
    expect(Array.from(v.price.regime).every(Number.isNaN)).toBe(true);
    expect(r.regime.length).toBe(data.time.length);
    expect(r.regime.every(Number.isNaN)).toBe(true);
    expect(r.regime).toBe(r.regime);
  });

  it('keeps the regime column of a regime strategy', () => {
    const r = runBacktest(data, { strategy: 'as-regime', regime: { nStates: 2, seed: 1 } });
    expect(hasRegimeColumn(r)).toBe(true);
    const states = new Set(Array.from(r.regime.subarray(r.resolved.warmupTicks)));
    expect([...states].every((k) => k === 0 || k === 1)).toBe(true);
    expect(r.regimeShares.length).toBe(2);
  });
});
