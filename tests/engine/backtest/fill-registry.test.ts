import { describe, expect, it } from 'vitest';
import { applicableFillModels, defaultFillModel, fillModelSpecs, generateSyntheticMarket, prepareData, registerFillModel, runBacktest, FILL_SOURCE_QUOTE } from '../../../src/engine';
import { everyOtherTickSpec } from './fixtures/every-other-tick-model';

describe('fill model registry', () => {
  const market = generateSyntheticMarket({ seed: 4, nTicks: 400 });

  it('lists the built-in models and which apply to the data', () => {
    expect(fillModelSpecs().map((s) => s.id)).toEqual(expect.arrayContaining(['trade-through', 'quote-cross', 'poisson', 'queue', 'bar']));
    const withTrades = applicableFillModels(prepareData(market));
    expect(withTrades).toEqual(expect.arrayContaining(['trade-through', 'quote-cross', 'poisson']));
    expect(withTrades).not.toContain('bar');
    expect(withTrades).not.toContain('queue'); // no displayed sizes in the synthetic market
    expect(applicableFillModels(prepareData({ time: market.time, mid: market.mid }))).not.toContain('trade-through');
  });

  it('chooses the default from the data and says why', () => {
    const withTrades = runBacktest(market, { strategy: 'symmetric' });
    expect(withTrades.resolved.fillModel).toBe('trade-through');
    expect(withTrades.resolved.fillModelReason).toMatch(/^default: the data has \d+ trades/);
    const quotes = defaultFillModel(prepareData({ time: market.time, bid: market.bid, ask: market.ask }));
    expect(quotes.id).toBe('quote-cross');
    expect(quotes.reason).toMatch(/quotes but no trades/);
    const sized = defaultFillModel(prepareData({ ...market, bidSize: new Float64Array(400).fill(1), askSize: new Float64Array(400).fill(1) }));
    expect(sized.reason).toMatch(/'queue' is also available/);
  });

  it('runs a model added as one file plus one registerFillModel line', () => {
    expect(() => runBacktest(market, { strategy: 'symmetric', fill: { model: everyOtherTickSpec.id } })).toThrow(/config\.fill\.model/);
    registerFillModel(everyOtherTickSpec);
    const r = runBacktest(market, { strategy: 'symmetric', orderSize: 1, warmupTicks: 10, limits: { maxInventory: 1e9 }, fill: { model: everyOtherTickSpec.id } });
    expect(r.resolved.fillModel).toBe('test-every-other-tick');
    expect(r.resolved.fillModelReason).toMatch(/chosen/);
    expect(r.metrics.fills).toBeGreaterThan(0);
    // Every fill happened on an even row, from a quote event, for the full order size.
    for (let k = 0; k < r.fills.time.length; k++) {
      expect(r.fills.index[k] % 2).toBe(0);
      expect(r.fills.source[k]).toBe(FILL_SOURCE_QUOTE);
      expect(r.fills.sourceIndex[k]).toBe(r.fills.index[k]);
      expect(r.fills.size[k]).toBe(1);
    }
    // Both sides were quoted from row 10 on, live from row 11: each even row from 12 fills both.
    expect(r.metrics.fills).toBe(2 * Math.floor((400 - 12 + 1) / 2));
  });
});
