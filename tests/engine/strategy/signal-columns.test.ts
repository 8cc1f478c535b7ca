import { describe, expect, it } from 'vitest';
import { generateSyntheticMarket, runBacktest, runBacktestInto, type BacktestConfig, type BacktestResult, type MarketData } from '../../../src/engine';
import { outputsOf } from '../../../src/engine/backtest/recorder';
import { forgetSignalColumn, holdsSignal, signalColumn } from '../../../src/engine/strategy/signal-columns';

describe('signalColumn', () => {
  const time = new Float64Array(4), mid = new Float64Array(4);

  it('fills once per (column, dataset, key) and again when any of them changes', () => {
    const col = new Float64Array(8);
    let fills = 0;
    const fill = (into: Float64Array) => { fills++; into.fill(fills); };
    signalColumn(col, time, mid, 'a', fill);
    signalColumn(col, time, mid, 'a', fill);
    expect(fills).toBe(1);
    signalColumn(col, time, mid, 'b', fill); // other settings
    expect(fills).toBe(2);
    signalColumn(col, time, new Float64Array(4), 'b', fill); // other dataset
    expect(fills).toBe(3);
    signalColumn(col.subarray(0, 4), time, mid, 'b', fill); // same buffer, another view of it
    expect(fills).toBe(4);
    forgetSignalColumn(col);
    signalColumn(col.subarray(0, 4), time, mid, 'b', fill);
    expect(fills).toBe(5);
  });

  it('leaves a column whose fill threw unmarked', () => {
    const col = new Float64Array(4);
    expect(() => signalColumn(col, time, mid, 'k', () => { throw new RangeError('no'); })).toThrow('no');
    expect(holdsSignal(col, time, mid, 'k')).toBe(false);
  });
});

// Re-runs over the previous run's columns (the lab worker's slider moves, grid cells) skip the Kalman
// fair value and the causal regimes when the column already holds them: every result must still be
// the one a fresh run gives, whatever ran before over the same columns.
describe('runBacktestInto reusing the fair-value and regime columns', () => {
  const market = generateSyntheticMarket({ seed: 19, nTicks: 8000 });
  const data: MarketData = { time: market.time, bid: market.bid, ask: market.ask, tradeTime: market.tradeTime, tradePrice: market.tradePrice, tradeSize: market.tradeSize, tradeSide: market.tradeSide };
  const other: MarketData = { ...data, bid: market.bid.map((b) => b + 0.05), ask: market.ask.map((a) => a + 0.05) };
  const base: BacktestConfig = { strategy: 'as-regime', fill: { model: 'trade-through' }, warmupTicks: 300, regime: { fitTicks: 4000 } };

  function fields(r: BacktestResult) {
    return { metrics: r.metrics, fairValue: Array.from(r.fairValue), regime: Array.from(r.regime), bid: Array.from(r.bid), equity: Array.from(r.equity) };
  }

  const steps: Array<[string, MarketData, BacktestConfig]> = [
    ['as-regime', data, base],
    ['γ changed', data, { ...base, gamma: 0.5 }],
    ["'as' (its own fair value: the mid)", data, { ...base, strategy: 'as' }],
    ['as-regime again', data, base],
    ['Kalman q and r by hand', data, { ...base, kalman: { q: 1e-4, r: 1e-3 } }],
    ['two regimes', data, { ...base, regime: { fitTicks: 4000, nStates: 2 } }],
    ['another bucket', data, { ...base, regime: { fitTicks: 4000, bucketSec: 7 } }],
    ['as-kalman', data, { ...base, strategy: 'as-kalman' }],
    ['other data', other, base],
    ['back to the first data', data, { ...base, gamma: 0.2 }],
    // Strategies without regimes keep the columns (a regime strategy after them gets fresh ones: no regime column is stored).
    ['as-kalman, γ changed', data, { ...base, strategy: 'as-kalman', gamma: 0.3 }],
    ["'as' between", data, { ...base, strategy: 'as' }],
    ['as-kalman after it', data, { ...base, strategy: 'as-kalman', gamma: 0.3 }],
  ];

  it('gives a fresh run\'s fair value, regimes, quotes and metrics at every step', () => {
    let prev = runBacktest(data, base);
    for (const [name, d, c] of steps) {
      prev = runBacktestInto(d, c, undefined, outputsOf(prev), 'full');
      const fresh = runBacktest(d, c);
      expect({ name, ...fields(prev) }).toEqual({ name, ...fields(fresh) });
    }
  });

  it('really skips the pass on a re-run with only strategy settings changed', () => {
    const first = runBacktest(data, base);
    const fairKey = `kalman-fair|${first.kalman!.q}|${first.kalman!.r}`;
    expect(holdsSignal(first.fairValue, data.time, first.mid, fairKey)).toBe(true);
    const second = runBacktestInto(data, { ...base, gamma: 0.4 }, undefined, outputsOf(first), 'full');
    expect(second.fairValue.buffer).toBe(first.fairValue.buffer);
    expect(holdsSignal(second.fairValue, data.time, second.mid, fairKey)).toBe(true);
    expect(second.kalman).toBe(first.kalman); // the fits are memoised on the dataset too
    expect(second.regimeModel).toBe(first.regimeModel);
    const asRun = runBacktestInto(data, { ...base, strategy: 'as' }, undefined, outputsOf(second), 'full');
    expect(holdsSignal(asRun.fairValue, data.time, asRun.mid, fairKey)).toBe(false); // 'as' wrote the mid there
    // A value changed behind the engine's back stays: proof that a re-run reads the column, not a new pass.
    const third = runBacktest(data, base);
    third.fairValue[5000] = 123;
    const fourth = runBacktestInto(data, { ...base, gamma: 0.3 }, undefined, outputsOf(third), 'full');
    expect(fourth.fairValue[5000]).toBe(123);
  });
});
