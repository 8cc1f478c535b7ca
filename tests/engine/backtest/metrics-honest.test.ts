import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buyAndHoldSeries, generateSyntheticMarket, runBacktest, STRATEGY_IDS, type StrategyId } from '../../../src/engine';

const market = generateSyntheticMarket({ seed: 11, nTicks: 3000 });

describe('fillRate: the share of quotes sent that filled at least in part', () => {
  it('stays in [0, 1] over random strategies, fill models and sizes (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<StrategyId>(...STRATEGY_IDS),
        fc.constantFrom('trade-through', 'quote-cross', 'poisson'),
        fc.double({ min: 0.05, max: 5, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 100 }),
        (strategy, model, orderSize, queueHaircut, seed) => {
          const r = runBacktest(market, { strategy, orderSize, seed, fill: { model, queueHaircut }, limits: { maxInventory: 20 * orderSize }, regime: { fitTicks: 1500 } });
          const m = r.metrics;
          expect(m.fillRate).toBeGreaterThanOrEqual(0);
          expect(m.fillRate).toBeLessThanOrEqual(1);
          expect(m.filledQuotes).toBeLessThanOrEqual(m.quoteUpdates);
          expect(m.filledQuotes).toBeLessThanOrEqual(m.fills);
          if (m.fills > 0) expect(m.filledQuotes).toBeGreaterThan(0);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('counts a quote filled in three parts once', () => {
    // One resting bid of 3 at 99.9 (symmetric, 10 bps at mid 100); three prints of 1 through it, nothing else moves.
    const time = Float64Array.of(0, 1, 2, 3);
    const r = runBacktest({
      time, bid: Float64Array.of(99.95, 99.95, 99.95, 99.95), ask: Float64Array.of(100.05, 100.05, 100.05, 100.05),
      tradeTime: Float64Array.of(0.2, 0.4, 0.6), tradePrice: Float64Array.of(99.8, 99.8, 99.8), tradeSize: Float64Array.of(1, 1, 1), tradeSide: Float64Array.of(-1, -1, -1),
    }, { strategy: 'symmetric', halfSpreadBps: 10, orderSize: 3, warmupTicks: 0, tickSize: 0, lotSize: 0, limits: { maxInventory: 100 } });
    expect(r.metrics.fills).toBe(3);
    expect(r.metrics.filledQuotes).toBe(1);
    expect(r.metrics.fillRate).toBeLessThanOrEqual(1);
  });
});

describe('buy-and-hold: one definition, taker fee on entry', () => {
  it('its series is finite and ends at the card, with the fee paid once on entry', () => {
    const r = runBacktest(market, { strategy: 'as', orderSize: 2, fees: { takerBps: 5 } });
    const b = r.benchmark;
    expect(b.fee).toBeCloseTo(Math.abs(market.ask[0] * 2) * 5e-4, 12);
    const curve = buyAndHoldSeries(b, r.mid);
    for (const v of curve) expect(Number.isFinite(v)).toBe(true);
    expect(curve[curve.length - 1]).toBe(b.totalPnl);
    expect(curve[0]).toBeCloseTo(2 * (market.mid[0] - market.ask[0]) - b.fee, 12);
  });
});

describe('degenerate prices get a clear error naming the cause', () => {
  const time = Float64Array.of(0, 1, 2);
  it('bid = ask = 0 everywhere', () => {
    expect(() => runBacktest({ time, bid: new Float64Array(3), ask: new Float64Array(3) }, {})).toThrow(/data\.mid must be not zero at every tick/);
  });
  it('prices near 1e200 (squares would overflow), not a complaint about σ', () => {
    const p = Float64Array.of(1e200, 1.0001e200, 1e200);
    expect(() => runBacktest({ time, mid: p }, {})).toThrow(/data\.mid\[0\].*below 1e100/);
  });
});
