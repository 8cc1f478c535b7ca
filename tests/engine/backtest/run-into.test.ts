import { describe, expect, it } from 'vitest';
import { generateSyntheticMarket, prefaultedOutputs, runBacktest, runBacktestInto, STRATEGY_IDS, type BacktestConfig, type BacktestResult } from '../../../src/engine';
import { outputsOf } from '../../../src/engine/backtest/recorder';
import { heldFillBuffers } from '../../../src/engine/backtest/run';

// runBacktestInto writes a run over the previous run's columns (the lab worker, grid cells): the
// result must be the one a fresh run gives, whatever the previous run left in the buffers.
const market = generateSyntheticMarket({ seed: 11, nTicks: 6000 });

const many: BacktestConfig = { strategy: 'as', fill: { model: 'trade-through' }, warmupTicks: 200 };
const few: BacktestConfig = { strategy: 'as-kalman', fill: { model: 'trade-through' }, gamma: 5, warmupTicks: 200 };
const regimes: BacktestConfig = { strategy: 'as-regime', fill: { model: 'poisson' }, warmupTicks: 200, regime: { fitTicks: 3000 } };

function fields(r: BacktestResult) {
  return {
    metrics: r.metrics, attribution: r.attribution,
    fills: Object.fromEntries(Object.entries(r.fills).map(([k, v]) => [k, Array.from(v as ArrayLike<number>)])),
    equity: Array.from(r.equity), inventory: Array.from(r.inventory), bid: Array.from(r.bid), ask: Array.from(r.ask), fairValue: Array.from(r.fairValue),
  };
}

describe('runBacktestInto over a previous run', () => {
  it('gives a fresh run\'s result, after runs with more and with fewer fills', () => {
    const fresh = [many, few, regimes, many].map((c) => fields(runBacktest(market, c)));
    expect(fresh[0].fills.time.length).toBeGreaterThan(fresh[1].fills.time.length); // the sequence shrinks and grows the fill count
    let prev = runBacktest(market, regimes);
    [many, few, regimes, many].forEach((c, i) => {
      prev = runBacktestInto(market, c, undefined, outputsOf(prev), 'full');
      expect(fields(prev)).toEqual(fresh[i]);
    });
  });

  it('keeps the fill buffers for the next run, found through a new outputs object (as the lab worker passes)', () => {
    const first = runBacktestInto(market, many, undefined, outputsOf(runBacktest(market, many)), 'full');
    const held = heldFillBuffers(outputsOf(first));
    expect(held).toBeDefined();
    expect(held!.time.length).toBeGreaterThanOrEqual(first.fills.time.length);
    const second = runBacktestInto(market, many, undefined, outputsOf(first), 'full');
    expect(heldFillBuffers(outputsOf(second))?.time).toBe(held!.time); // written over, not grown afresh
  });

  it('hands its fills over as views of the kept buffers, which the next run over the same columns writes over', () => {
    const first = runBacktestInto(market, many, undefined, outputsOf(runBacktest(market, few)), 'full');
    const second = runBacktestInto(market, few, undefined, outputsOf(first), 'full');
    expect(second.fills.time.buffer).toBe(first.fills.time.buffer); // no copy per run: the result over these columns owns them now
    expect(fields(second)).toEqual(fields(runBacktest(market, few)));
  });

  it('leaves a result alone when later runs write over other columns', () => {
    const kept = runBacktest(market, many);
    const before = fields(kept);
    let scratch = outputsOf(runBacktest(market, few));
    for (const c of [regimes, many, few]) scratch = outputsOf(runBacktestInto(market, c, undefined, scratch, 'full'));
    expect(fields(kept)).toEqual(before);
  });
});

describe('prefaultedOutputs', () => {
  it('gives five written-through columns of n ticks and no regime column', () => {
    const o = prefaultedOutputs(1000);
    for (const c of [o.fairValue, o.bid, o.ask, o.inventory, o.equity]) expect(c.length).toBe(1000);
    expect(o.regime.length).toBe(0);
  });

  it('serves a first run of every strategy: the result a fresh run gives (each tick written over its NaNs)', () => {
    for (const strategy of STRATEGY_IDS) {
      const config: BacktestConfig = { strategy, fill: { model: 'trade-through' }, warmupTicks: 200, regime: { fitTicks: 3000 } };
      const r = runBacktestInto(market, config, undefined, prefaultedOutputs(market.time.length), 'full');
      expect(fields(r)).toEqual(fields(runBacktest(market, config)));
    }
  });
});
