import { describe, expect, it } from 'vitest';
import { generateSyntheticMarket, runBacktest } from '../../../src/engine';

/** Quotes only, no trades (and no known truth): the arrival rate A cannot be estimated. */
function quotesOnly() {
  const m = generateSyntheticMarket({ seed: 3, nTicks: 3000 });
  return { time: m.time, bid: m.bid, ask: m.ask };
}

const aNote = (notes: readonly string[]) => notes.filter((n) => n.includes('arrival rate A'));

describe('resolveConfig: the note on an assumed arrival rate A', () => {
  it('is written only where A is read: GLFT quotes or the Poisson fill model, not AS with quote-cross fills', () => {
    const d = quotesOnly();
    expect(aNote(runBacktest(d, { strategy: 'as' }).resolved.notes)).toEqual([]);
    expect(aNote(runBacktest(d, { strategy: 'glft' }).resolved.notes)).toEqual(['No trades in the warm-up: the arrival rate A of the GLFT quotes is taken as 1 per second, an assumption, not the market.']);
    expect(aNote(runBacktest(d, { strategy: 'as', fill: { model: 'poisson' } }).resolved.notes)).toEqual(['No trades in the warm-up: the arrival rate A of the Poisson fill model is taken as 1 per second, an assumption, not the market.']);
    expect(aNote(runBacktest(d, { strategy: 'glft', fill: { model: 'poisson' } }).resolved.notes)).toEqual(['No trades in the warm-up: the arrival rate A of the GLFT quotes and the Poisson fill model is taken as 1 per second, an assumption, not the market.']);
    // Set by the user, it is no assumption of ours, and the note names only the reader whose A was not set.
    expect(aNote(runBacktest(d, { strategy: 'glft', A: 2 }).resolved.notes)).toEqual([]);
    expect(aNote(runBacktest(d, { strategy: 'glft', A: 2, fill: { model: 'poisson' } }).resolved.notes)).toEqual(['No trades in the warm-up: the arrival rate A of the Poisson fill model is taken as 1 per second, an assumption, not the market.']);
    expect(aNote(runBacktest(d, { strategy: 'glft', fill: { model: 'poisson', A: 0.5 } }).resolved.notes)).toEqual(['No trades in the warm-up: the arrival rate A of the GLFT quotes is taken as 1 per second, an assumption, not the market.']);
    const r = runBacktest(d, { strategy: 'as', fill: { model: 'poisson', A: 0.5 } }).resolved;
    expect(aNote(r.notes)).toEqual([]);
    expect(r.fillAAssumed).toBe(false);
  });

  it('is not written when the trades give the rate', () => {
    const m = generateSyntheticMarket({ seed: 3, nTicks: 3000 });
    const withTrades = { time: m.time, bid: m.bid, ask: m.ask, tradeTime: m.tradeTime, tradePrice: m.tradePrice, tradeSize: m.tradeSize, tradeSide: m.tradeSide };
    const r = runBacktest(withTrades, { strategy: 'glft', fill: { model: 'poisson' } }).resolved;
    expect(aNote(r.notes)).toEqual([]);
    expect(r.fillAAssumed).toBe(false);
  });
});

describe('resolveConfig: the note on an assumed half-spread', () => {
  it('names what the data lack: bars and a bare price have no bid and ask, quotes at bid = ask no spread', () => {
    const m = generateSyntheticMarket({ seed: 3, nTicks: 2000 });
    const spreadNote = (notes: readonly string[]) => notes.filter((n) => n.includes('half-spread is taken as 1 bps'));
    const bars = { time: m.time, high: Float64Array.from(m.mid, (v) => v + 0.01), low: Float64Array.from(m.mid, (v) => v - 0.01), close: m.mid };
    expect(spreadNote(runBacktest(bars, {}).resolved.notes)).toEqual(['Bars carry no bid and ask: the market half-spread is taken as 1 bps of the price.']);
    expect(spreadNote(runBacktest({ time: m.time, mid: m.mid }, {}).resolved.notes)).toEqual(['The data carry a price, no bid and ask: the market half-spread is taken as 1 bps of the price.']);
    expect(spreadNote(runBacktest({ time: m.time, bid: m.mid, ask: m.mid }, {}).resolved.notes)).toEqual(['The quotes have no spread over the warm-up (bid = ask): the market half-spread is taken as 1 bps of the price.']);
    expect(spreadNote(runBacktest({ time: m.time, bid: m.bid, ask: m.ask }, {}).resolved.notes)).toEqual([]);
  });
});
