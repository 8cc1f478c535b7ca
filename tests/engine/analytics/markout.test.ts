import { describe, expect, it } from 'vitest';
import { DEFAULT_MARKOUT_HORIZONS_SEC, markoutCurve, markoutHorizonsFor, ParamError, runBacktest, generateSyntheticMarket } from '../../../src/engine';

// Mids once a second for 10 s, and five fills (side +1 = we bought).
const time = Float64Array.from({ length: 11 }, (_, i) => i);
const mid = Float64Array.of(100, 100, 101, 101, 99, 99, 100, 100, 100, 100, 100);
const fills = {
  time: Float64Array.of(1, 2, 3.5, 4, 9.5),
  side: Float64Array.of(1, -1, 1, -1, 1),
  midAtFill: Float64Array.of(100, 101, 101, 99, 100),
  liquidity: Float64Array.of(1, 1, 1, -1, 1), // the 4th is a taker fill (kill-switch flatten): not a markout
};
const fixture = { time, mid, fills };
const row = (rows: ReturnType<typeof markoutCurve>, h: number, side: string) => rows.find((r) => r.horizonSec === h && r.side === side)!;

describe('markoutCurve on a hand-built fixture', () => {
  const rows = markoutCurve(fixture, [1, 5]);

  it('one row per horizon and side', () => {
    expect(rows.map((r) => `${r.horizonSec}:${r.side}`)).toEqual(['1:buy', '1:sell', '1:all', '5:buy', '5:sell', '5:all']);
  });

  it('1 s: the mid 1 s later against the mid at the fill, in bps, signed by our side', () => {
    // buy @1: mid(2) = 101 vs 100 → +100 bps; sell @2: mid(3) = 101 vs 101 → 0; buy @3.5: mid(4) = 99 vs 101 → −198.0198 bps;
    // buy @9.5: 10.5 s is past the data → left out.
    const a = 100, b = (-2 / 101) * 1e4;
    const buy = row(rows, 1, 'buy');
    expect(buy.count).toBe(2);
    expect(buy.meanBps).toBeCloseTo((a + b) / 2, 9);
    expect(buy.stderrBps).toBeCloseTo(Math.abs(a - b) / 2, 9); // two values: sd = |a − b|/√2, / √2
    const sell = row(rows, 1, 'sell');
    expect(sell).toEqual({ horizonSec: 1, side: 'sell', meanBps: 0, stderrBps: 0, count: 1 });
    const all = row(rows, 1, 'all');
    const xs = [a, 0, b];
    const m = (a + b) / 3;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / 2);
    expect(all.count).toBe(3);
    expect(all.meanBps).toBeCloseTo(m, 9);
    expect(all.stderrBps).toBeCloseTo(sd / Math.sqrt(3), 9);
  });

  it('5 s: buy @1 → 0, sell @2 → +99.01 (the mid fell after we sold), buy @3.5 → −99.01', () => {
    const x = (1 / 101) * 1e4;
    expect(row(rows, 5, 'sell').meanBps).toBeCloseTo(x, 9);
    expect(row(rows, 5, 'buy').meanBps).toBeCloseTo((0 - x) / 2, 9);
    expect(row(rows, 5, 'all').count).toBe(3);
  });

  it('defaults to 1, 5, 30 and 60 s and rejects bad horizons by name', () => {
    expect([...new Set(markoutCurve(fixture).map((r) => r.horizonSec))]).toEqual([1, 5, 30, 60]);
    expect(row(markoutCurve(fixture), 30, 'all').count).toBe(0); // no fill has 30 s of data after it
    expect(() => markoutCurve(fixture, [1, -2])).toThrow(ParamError);
    expect(() => markoutCurve(fixture, [1, -2])).toThrow(/horizonsSec\[1\]/);
  });

  it('reads a backtest result directly', () => {
    const r = runBacktest(generateSyntheticMarket({ seed: 2, nTicks: 3000 }), { strategy: 'symmetric' });
    const all = markoutCurve(r).filter((p) => p.side === 'all');
    expect(all[0].count).toBeGreaterThan(0);
    for (const p of markoutCurve(r)) { expect(Number.isFinite(p.meanBps)).toBe(true); expect(Number.isFinite(p.stderrBps)).toBe(true); }
  });
});

describe('markoutHorizonsFor', () => {
  it('keeps 1 s, 5 s, 30 s and 1 min for ticks, and counts in bars for bars', () => {
    const ticks = Float64Array.from({ length: 5000 }, (_, i) => 1_700_000_000 + i * 0.05);
    expect(markoutHorizonsFor(ticks)).toEqual(DEFAULT_MARKOUT_HORIZONS_SEC);
    // One-minute bars with a weekend gap: 1, 5, 30 and 60 bars.
    const bars = Float64Array.from({ length: 3000 }, (_, i) => 1_700_000_000 + i * 60 + (i >= 1500 ? 172_800 : 0));
    expect(markoutHorizonsFor(bars)).toEqual([60, 300, 1800, 3600]);
    // Many identical timestamps (median gap 0) and tiny inputs: the defaults.
    expect(markoutHorizonsFor(Float64Array.from({ length: 100 }, (_, i) => Math.floor(i / 3)))).toEqual(DEFAULT_MARKOUT_HORIZONS_SEC);
    expect(markoutHorizonsFor(Float64Array.of(5))).toEqual(DEFAULT_MARKOUT_HORIZONS_SEC);
  });

  it('on bars, each horizon reaches a later bar: the curve has as many distinct points as horizons', () => {
    const n = 400;
    const time = Float64Array.from({ length: n }, (_, i) => 1_700_000_000 + i * 60);
    const mid = Float64Array.from({ length: n }, (_, i) => 100 + Math.sin(i / 7));
    const fills = { time: Float64Array.of(time[10], time[50]), side: Float64Array.of(1, -1), midAtFill: Float64Array.of(mid[10], mid[50]), liquidity: Float64Array.of(1, 1) };
    const all = markoutCurve({ time, mid, fills }, markoutHorizonsFor(time)).filter((p) => p.side === 'all');
    expect(new Set(all.map((p) => p.meanBps)).size).toBe(4);
    const sub = markoutCurve({ time, mid, fills }).filter((p) => p.side === 'all');
    expect(new Set(sub.slice(0, 3).map((p) => p.meanBps)).size).toBe(1); // 1, 5 and 30 s all end on the fill's own bar
  });
});
