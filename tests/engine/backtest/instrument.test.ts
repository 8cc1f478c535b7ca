import { describe, expect, it } from 'vitest';
import { defaultOrderSize, generateSyntheticMarket, inferStep, runBacktest, type MarketData } from '../../../src/engine';
import { loadSample } from './samples';

const many = (xs: number[], n = 200) => Float64Array.from({ length: n }, (_, i) => xs[i % xs.length]);

describe('inferStep: the grid of decimal values', () => {
  it('finds the tick and lot from the decimals in use', () => {
    expect(inferStep(many([61800.2, 61800.3, 61801]))).toBe(0.1);
    expect(inferStep(many([100, 100.5, 99.5]))).toBe(0.5);
    expect(inferStep(many([0.006, 0.199, 1.25]))).toBe(0.001);
    expect(inferStep(many([1.38005, 1.38012, 1.38013]))).toBe(0.00001);
    expect(inferStep(many([1.38005, 1.38012]))).toBe(0.00007); // the gcd of what is seen: a multiple of the true tick when few levels occur
  });
  it('gives 0 for continuous values, too few values, or all zeros', () => {
    const m = generateSyntheticMarket({ seed: 1, nTicks: 500 });
    expect(inferStep(m.bid)).toBe(m.truth.tickSize); // the generator's quotes are on its tick…
    expect(inferStep(m.tradePrice)).toBe(0); // …its trade prices are continuous
    expect(inferStep(m.bid.map((x) => x * Math.PI))).toBe(0); // scaled by an irrational: no decimal grid
    expect(inferStep(Float64Array.of(100.1, 100.2))).toBe(0);
    expect(inferStep(new Float64Array(300))).toBe(0);
  });
});

describe('defaultOrderSize: about 1,000 quote units, in whole lots', () => {
  it('sizes by notional at any price level', () => {
    expect(defaultOrderSize(61800, 0.001)).toBe(0.016);
    expect(defaultOrderSize(1.38, 0)).toBe(720);
    expect(defaultOrderSize(585, 1)).toBe(1);
    expect(defaultOrderSize(0.0001, 0)).toBe(1e7);
    expect(defaultOrderSize(1e6, 0.001)).toBe(0.001); // at least one lot
  });
});

describe('defaults fit the instrument', () => {
  it('infers tick 0.1 and lot 0.001 on the USD-M sample and sizes orders at ~1,000 USDT, saying so', async () => {
    const d = await loadSample('usdm-btcusdt-2024-08-08');
    const r = runBacktest(d, { strategy: 'symmetric' });
    expect(r.resolved.tickSize).toBe(0.1);
    expect(r.resolved.lotSize).toBe(0.001);
    expect(r.resolved.orderSize).toBe(0.016);
    expect(r.notes.join(' ')).toMatch(/Tick size 0\.1 inferred.*Lot size 0\.001 inferred.*Order size 0\.016/);
  });

  // The same synthetic market at four price levels (sizes scaled so notional is unchanged): the
  // default AS and GLFT quotes sit within 1.6 market half-spreads of the mid at every level.
  const base = generateSyntheticMarket({ seed: 3, nTicks: 6000 });
  it.each([60000, 1.38, 585, 0.0001])('quotes near the touch at price level %s', (level) => {
    const c = level / base.mid[0];
    const d: MarketData = { time: base.time, bid: base.bid.map((x) => x * c), ask: base.ask.map((x) => x * c), tradeTime: base.tradeTime, tradePrice: base.tradePrice.map((x) => x * c), tradeSize: base.tradeSize.map((x) => x / c), tradeSide: base.tradeSide };
    for (const strategy of ['as', 'glft'] as const) {
      const r = runBacktest(d, { strategy });
      let ours = 0, mkt = 0;
      for (let i = 1000; i < r.bid.length; i++) {
        if (Number.isFinite(r.bid[i]) && Number.isFinite(r.ask[i])) { ours += r.ask[i] - r.bid[i]; mkt += d.ask![i] - d.bid![i]; }
      }
      expect(mkt).toBeGreaterThan(0);
      expect(ours / mkt).toBeGreaterThan(0.9);
      expect(ours / mkt).toBeLessThan(1.6);
      expect(r.metrics.fills).toBeGreaterThan(0);
    }
  });

  // Real quotes without their trades (an OANDA-like file), moved to each price level: the default
  // model is quote-cross and the default strategy's quotes fill.
  it.each([60000, 1.38, 585, 0.0001])('fills real quotes without trades at price level %s with the defaults', async (level) => {
    const real = await loadSample('usdm-btcusdt-2024-08-08');
    const c = level / real.bid![0];
    const r = runBacktest({ time: real.time, bid: real.bid!.map((x) => x * c), ask: real.ask!.map((x) => x * c) }, {});
    expect(r.resolved.fillModel).toBe('quote-cross');
    expect(r.resolved.fillModelReason).toMatch(/quotes but no trades/);
    expect(r.metrics.fills).toBeGreaterThan(0);
  });

  it('says where the default κ comes from (1/market half-spread, not the trades), and says nothing when κ is set or unused', async () => {
    const d = await loadSample('usdm-btcusdt-2024-08-08');
    const r = runBacktest(d, { strategy: 'as-kalman' });
    expect(r.resolved.kappa).toBeCloseTo(20, 9); // half-spread 0.05: one tick of 0.1
    expect(r.notes.find((n) => n.startsWith('κ '))).toMatch(/^κ 20 1\/price is 1\/\(the market's median half-spread 0\.05 over the warm-up\): a scale default .* not a fit to the trades/);
    expect(runBacktest(d, { strategy: 'as-kalman', kappa: 5 }).notes.some((n) => n.startsWith('κ '))).toBe(false);
    expect(runBacktest(d, { strategy: 'symmetric' }).notes.some((n) => n.startsWith('κ '))).toBe(false);
  });

  it('notes a calibrated κ beyond the range of its control', () => {
    const c = 0.0001 / base.mid[0];
    const r = runBacktest({ time: base.time, bid: base.bid.map((x) => x * c), ask: base.ask.map((x) => x * c) }, { strategy: 'as' });
    expect(r.notes.some((n) => /Calibrated κ = .* above the range of its control/.test(n))).toBe(true);
  });
});
