import { describe, expect, it } from 'vitest';
import { generateSyntheticMarket } from '../../../src/engine';
import { runEventLoop, type EventLoopInput } from '../../../src/engine/backtest/event-loop';
import { createAccount } from '../../../src/engine/backtest/account';
import { bpsFees, constantLatency, gridScale, minTradeSize, priceTolerance } from '../../../src/engine/backtest/costs';
import { createFillDesk, type FillDesk } from '../../../src/engine/backtest/fill-desk';
import { tradeThroughFillModel } from '../../../src/engine/backtest/fills/trade-through';
import { createOutputs, withInput } from '../../../src/engine/backtest/recorder';
import { createRiskLog } from '../../../src/engine/backtest/risk';
import type { Strategy } from '../../../src/engine/strategy/types';
import type { BacktestProgress } from '../../../src/engine/backtest/types';

/** A strategy that always quotes 99 / 101 for one unit. */
const fixedQuotes: Strategy = {
  id: 'symmetric',
  quote(_m, _p, out) {
    out.bid = 99; out.ask = 101; out.bidSize = 1; out.askSize = 1; out.fairValue = 100; out.regime = NaN;
  },
  onFill() {},
};

/** Four quote rows (bid 99.5, ask 100.5) at t = 0…3 s, prints at 1.5 s (98.9, through our bid) and 2.5 s (101, at our ask). */
function loopInput(over: Partial<EventLoopInput> = {}): EventLoopInput {
  const time = Float64Array.of(0, 1, 2, 3);
  const bid = new Float64Array(4).fill(99.5), ask = new Float64Array(4).fill(100.5), mid = new Float64Array(4).fill(100);
  const tickSize = 0.01, lotSize = 0;
  const model = tradeThroughFillModel(0.5, priceTolerance(tickSize));
  const fees = bpsFees(0, 5);
  const acc = createAccount(16);
  const minSize = minTradeSize(lotSize, 1);
  const desk: FillDesk = createFillDesk({ acc, strategy: fixedQuotes, fees, model, lotSize, lotScale: gridScale(lotSize), minSize });
  return {
    n: 4, time, bid, ask, mid,
    nTrades: 2, tradeTime: Float64Array.of(1.5, 2.5), tradePrice: Float64Array.of(98.9, 101), tradeSize: Float64Array.of(3, 3), tradeSide: Float64Array.of(-1, 1),
    model, latency: constantLatency(0), fees, strategy: fixedQuotes, acc, desk, risk: createRiskLog(),
    series: withInput(createOutputs(4, false), time, mid, false), recordRegime: false,
    tickSize, tickScale: gridScale(tickSize), lotSize, lotScale: gridScale(lotSize), eps: priceTolerance(tickSize), minSize,
    maxInventory: 10, maxPositionValue: Infinity, maxDailyLoss: Infinity, dayLengthSec: 86_400, flattenOnKill: false,
    warmupTicks: 0, progressChunk: 2, needFlow: false, onProgress: undefined,
    ...over,
  };
}

describe('runEventLoop (the per-tick loop of runBacktest)', () => {
  it('fills a print through our bid and a print at our ask at their times, re-quotes the filled sides and records equity', () => {
    const x = loopInput();
    const totals = runEventLoop(x);
    const f = x.acc.fills;
    expect(x.acc.fillCount).toBe(2);
    // Through the bid: the whole order at our price, at the print's time, booked on the tick after it, against the mid before it.
    expect([f.time[0], f.side[0], f.price[0], f.size[0], f.index[0], f.midAtFill[0]]).toEqual([1.5, 1, 99, 1, 2, 100]);
    // At the ask: (1 − haircut) of the print's 3 units, capped by our 1 unit.
    expect([f.time[1], f.side[1], f.price[1], f.size[1], f.index[1]]).toEqual([2.5, -1, 101, 1, 3]);
    expect(Array.from(x.series.inventory)).toEqual([0, 0, 1, 0]);
    expect(x.series.equity[2]).toBe(1); // bought at 99, marked at 100 (maker fee 0 bps)
    expect(x.series.equity[3]).toBe(2); // sold at 101: flat with 2 of spread
    expect(Array.from(x.series.bid)).toEqual([99, 99, 99, 99]);
    // Two quotes at tick 0, the bid again at tick 2 and the ask again at tick 3 after their fills.
    expect(totals.quoteUpdates).toBe(4);
    expect(totals.timeKilledSec).toBe(0);
  });

  it('does not quote before the warm-up ends and reports progress in chunks with the fills so far', () => {
    const reports: BacktestProgress[] = [];
    const x = loopInput({ warmupTicks: 2, onProgress: (p) => reports.push({ ...p }) });
    runEventLoop(x);
    expect(Array.from(x.series.bid.subarray(0, 2))).toEqual([NaN, NaN]);
    expect(x.acc.fillCount).toBe(1); // only the print at 2.5 s meets a live quote (placed at tick 2)
    expect(reports.map((r) => [r.from, r.to, r.fills])).toEqual([[0, 2, 0], [2, 4, 1]]);
  });

  it('kills quoting on a daily loss beyond the limit, flattening at the touch when asked', () => {
    // Marking 1 unit bought at 99 against a mid that falls to 90 loses 9 (beyond a 5 budget) at tick 3.
    const x = loopInput({ mid: Float64Array.of(100, 100, 100, 90), bid: Float64Array.of(99.5, 99.5, 99.5, 89.5), ask: Float64Array.of(100.5, 100.5, 100.5, 90.5), maxDailyLoss: 5, flattenOnKill: true, tradePrice: Float64Array.of(98.9, 100) }); // the second print reaches neither quote
    x.series = withInput(createOutputs(4, false), x.time, x.mid, false);
    runEventLoop(x);
    expect(x.risk.events.map((e) => e.kind)).toEqual(['stop']);
    expect(x.acc.fillCount).toBe(2);
    expect([x.acc.fills.side[1], x.acc.fills.price[1], x.acc.fills.liquidity[1]]).toEqual([-1, 89.5, -1]); // sold at the bid as a taker
    expect(x.acc.fills.fee[1]).toBeCloseTo(89.5 * 5e-4, 12); // the taker fee, 5 bps
    expect(x.series.inventory[3]).toBe(0);
    expect(Number.isNaN(x.series.bid[3]) && Number.isNaN(x.series.ask[3])).toBe(true);
  });
});

describe('runEventLoop in chunks: the state carried between chunks is the whole state', () => {
  /** Quotes around the mid, skewed by inventory and the flow imbalance; the regime field only on some ticks, so a stale `out` would show. */
  const skewed: Strategy = {
    id: 'skew',
    quote(m, p, out) {
      const s = 0.02 * p.inventory;
      out.fairValue = m.mid;
      out.bid = m.mid - 0.05 - s + 0.01 * m.flowImbalance;
      out.ask = m.mid + 0.05 - s;
      out.bidSize = 1; out.askSize = 1;
      if (m.index % 7 === 0) out.regime = m.index % 3;
    },
    onFill() {},
  };

  function run(chunkTicks: number) {
    const m = generateSyntheticMarket({ seed: 4, nTicks: 3000 });
    const n = m.time.length;
    const mid = Float64Array.from(m.bid, (b, i) => (b + m.ask[i]) / 2);
    const tickSize = 0.01, lotSize = 0;
    const model = tradeThroughFillModel(0.5, priceTolerance(tickSize));
    const fees = bpsFees(10, 10); // a maker fee: every fill loses, so the daily budget runs out
    const acc = createAccount(16);
    const minSize = minTradeSize(lotSize, 1);
    const desk = createFillDesk({ acc, strategy: skewed, fees, model, lotSize, lotScale: gridScale(lotSize), minSize });
    const x: EventLoopInput = {
      n, time: m.time, bid: m.bid, ask: m.ask, mid,
      nTrades: m.tradeTime.length, tradeTime: m.tradeTime, tradePrice: m.tradePrice, tradeSize: m.tradeSize, tradeSide: m.tradeSide,
      model, latency: constantLatency(0.35), fees, strategy: skewed, acc, desk, risk: createRiskLog(),
      series: withInput(createOutputs(n, true), m.time, mid, true), recordRegime: true,
      tickSize, tickScale: gridScale(tickSize), lotSize, lotScale: gridScale(lotSize), eps: priceTolerance(tickSize), minSize,
      // A small loss budget over short days: kills, flattenings and restarts across chunk boundaries.
      maxInventory: 4, maxPositionValue: Infinity, maxDailyLoss: 0.05, dayLengthSec: 20, flattenOnKill: true,
      warmupTicks: 5, progressChunk: 250, needFlow: true, onProgress: undefined,
    };
    const totals = runEventLoop(x, chunkTicks);
    return { totals, series: x.series, fills: acc.fills, fillCount: acc.fillCount, risk: x.risk.events, cash: acc.cash, inventoryPnl: acc.inventoryPnl };
  }

  it('gives the same series, fills, risk events and totals for chunks of 1, 7, 1000 ticks and one chunk', () => {
    const whole = run(1_000_000);
    expect(whole.fillCount).toBeGreaterThan(20);
    expect(whole.risk.some((e) => e.kind === 'stop')).toBe(true);
    expect(whole.risk.some((e) => e.kind === 'restart')).toBe(true);
    for (const size of [1, 7, 1000]) {
      const r = run(size);
      expect(r.totals).toEqual(whole.totals);
      for (const k of ['inventory', 'equity', 'bid', 'ask', 'fairValue', 'regime'] as const) expect(Array.from(r.series[k])).toEqual(Array.from(whole.series[k]));
      expect(r.fillCount).toBe(whole.fillCount);
      for (const k of Object.keys(whole.fills) as Array<keyof typeof whole.fills>) expect(Array.from(r.fills[k].subarray(0, r.fillCount))).toEqual(Array.from(whole.fills[k].subarray(0, whole.fillCount)));
      expect(r.risk).toEqual(whole.risk);
      expect([r.cash, r.inventoryPnl]).toEqual([whole.cash, whole.inventoryPnl]);
    }
  });
});
