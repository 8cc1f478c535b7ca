import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateSyntheticMarket, runBacktest, STRATEGY_IDS, ParamError, type BacktestConfig, type StrategyId } from '../../../src/engine';

const market = generateSyntheticMarket({ seed: 3, nTicks: 4000 });

const arbConfig = fc.record({
  strategy: fc.constantFrom<StrategyId>(...STRATEGY_IDS),
  fillModel: fc.constantFrom<'poisson' | 'trade-through' | 'quote-cross'>('poisson', 'trade-through', 'quote-cross'),
  orderSize: fc.double({ min: 0.1, max: 3, noNaN: true }),
  maxInventory: fc.double({ min: 0.5, max: 20, noNaN: true }),
  makerBps: fc.double({ min: -2, max: 5, noNaN: true }),
  latencySec: fc.double({ min: 0, max: 2, noNaN: true }),
  markoutSec: fc.double({ min: 0, max: 30, noNaN: true }),
  queueHaircut: fc.double({ min: 0, max: 1, noNaN: true }),
  guard: fc.boolean(),
  lotSize: fc.constantFrom(0, 0.1),
  tickSize: fc.constantFrom(0, 0.01),
  seed: fc.integer({ min: 0, max: 1000 }),
});

type Drawn = typeof arbConfig extends fc.Arbitrary<infer T> ? T : never;

function toConfig(c: Drawn): BacktestConfig {
  return {
    strategy: c.strategy,
    orderSize: c.orderSize,
    fill: { model: c.fillModel, queueHaircut: c.queueHaircut },
    fees: { makerBps: c.makerBps },
    latencySec: c.latencySec,
    markoutSec: c.markoutSec,
    limits: { maxInventory: c.maxInventory },
    guard: { enabled: c.guard },
    lotSize: c.lotSize,
    tickSize: c.tickSize,
    seed: c.seed,
    regime: { fitTicks: 1500 },
  };
}

describe('runBacktest invariants (property tests)', () => {
  it('attribution sums to net PnL, and net equals the final equity cash + q·mid', () => {
    fc.assert(
      fc.property(arbConfig, (c) => {
        const r = runBacktest(market, toConfig(c));
        const a = r.attribution;
        const n = r.equity.length;
        const scale = 1 + Math.abs(a.spreadCapture) + Math.abs(a.adverseSelection) + Math.abs(a.inventoryCarry) + Math.abs(a.fees);
        expect(Math.abs(a.spreadCapture + a.adverseSelection + a.inventoryCarry + a.fees - a.net)).toBeLessThan(1e-9 * scale);
        expect(a.net).toBeCloseTo(r.cash[n - 1] + r.inventory[n - 1] * r.mid[n - 1], 8);
        expect(r.metrics.totalPnl).toBeCloseTo(a.net, 8);
      }),
      { numRuns: 40 },
    );
  });

  it('inventory never exceeds its limit', () => {
    fc.assert(
      fc.property(arbConfig, (c) => {
        const r = runBacktest(market, toConfig(c));
        let worst = 0;
        for (let i = 0; i < r.inventory.length; i++) worst = Math.max(worst, Math.abs(r.inventory[i]));
        expect(worst).toBeLessThanOrEqual(c.maxInventory + 1e-9);
        expect(r.metrics.maxAbsInventory).toBeLessThanOrEqual(c.maxInventory + 1e-9);
      }),
      { numRuns: 40 },
    );
  });

  it('never fills a quote on the event where it was placed, nor before its latency elapsed', () => {
    fc.assert(
      fc.property(arbConfig, fc.integer({ min: 0, max: 3000 }), (c, warmup) => {
        const r = runBacktest(market, { ...toConfig(c), warmupTicks: warmup });
        // The first quotes are placed at tick `warmup`, so any fill comes from a later event.
        const firstQuoteTime = market.time[warmup];
        for (let k = 0; k < r.fills.time.length; k++) {
          expect(r.fills.index[k]).toBeGreaterThan(warmup);
          expect(r.fills.time[k]).toBeGreaterThanOrEqual(firstQuoteTime + c.latencySec);
          if (c.fillModel === 'trade-through') expect(r.fills.time[k]).toBeGreaterThan(firstQuoteTime);
        }
      }),
      { numRuns: 30 },
    );
  });
});

describe('runBacktest behaviour', () => {
  it('runs with an empty config: the default strategy is AS on the Kalman fair value', () => {
    const r = runBacktest(market, {});
    expect(r.strategy).toBe('as-kalman');
    expect(r.metrics.fills).toBeGreaterThan(0);
    expect(Number.isFinite(r.metrics.sharpe)).toBe(true);
    // The Kalman fair value smooths the mid: it differs from it but stays close.
    let diff = 0;
    for (let i = 100; i < r.mid.length; i++) diff += Math.abs(r.fairValue[i] - r.mid[i]);
    expect(diff).toBeGreaterThan(0);
    expect(diff / r.mid.length).toBeLessThan(0.05);
  });

  it('is deterministic for a seed, and the Poisson model depends on the seed', () => {
    const a = runBacktest(market, { strategy: 'as', fill: { model: 'poisson' }, seed: 5 });
    const b = runBacktest(market, { strategy: 'as', fill: { model: 'poisson' }, seed: 5 });
    const c = runBacktest(market, { strategy: 'as', fill: { model: 'poisson' }, seed: 6 });
    expect(Array.from(a.equity)).toEqual(Array.from(b.equity));
    expect(Array.from(a.fills.time)).not.toEqual(Array.from(c.fills.time));
  });

  it('delivers the per-tick series in chunks through onProgress', () => {
    const chunks: { from: number; to: number }[] = [];
    const full = runBacktest(market, { strategy: 'as', progressChunk: 1000 }, (p) => {
      chunks.push({ from: p.from, to: p.to });
      expect(p.partial.equity.length).toBe(p.to - p.from);
      expect(p.total).toBe(4000);
      expect(p.done).toBe(p.to);
    });
    expect(chunks).toEqual([{ from: 0, to: 1000 }, { from: 1000, to: 2000 }, { from: 2000, to: 3000 }, { from: 3000, to: 4000 }]);
    expect(full.equity.length).toBe(4000);
  });

  it('logs a daily-loss kill with its reason and restarts on the next day', () => {
    const r = runBacktest(market, { strategy: 'symmetric', halfSpreadBps: 0.5, fees: { makerBps: 20 }, limits: { maxDailyLoss: 0.5, dayLengthSec: 100 } });
    const stops = r.riskLog.filter((e) => e.kind === 'stop' && e.side === 'both');
    const restarts = r.riskLog.filter((e) => e.kind === 'restart' && e.side === 'both');
    expect(stops.length).toBeGreaterThan(0);
    expect(stops[0].reason).toMatch(/daily loss/);
    expect(restarts.length).toBeGreaterThan(0);
    expect(restarts[0].reason).toMatch(/new day/);
    expect(r.metrics.timeKilled).toBeGreaterThan(0);
    // While killed nothing is quoted.
    const s = stops[0].index;
    expect(Number.isNaN(r.bid[s]) && Number.isNaN(r.ask[s])).toBe(true);
  });

  it('flattens at the touch, paying the taker fee, when asked to on a kill', () => {
    const r = runBacktest(market, { strategy: 'symmetric', halfSpreadBps: 0.5, fees: { makerBps: 20, takerBps: 7 }, limits: { maxDailyLoss: 0.5, dayLengthSec: 100, flattenOnKill: true } });
    const stop = r.riskLog.find((e) => e.kind === 'stop' && e.side === 'both');
    expect(stop).toBeDefined();
    expect(r.inventory[stop!.index]).toBe(0);
    const taker = Array.from(r.fills.liquidity).indexOf(-1);
    expect(taker).toBeGreaterThanOrEqual(0);
    expect(r.fills.fee[taker]).toBeCloseTo(r.fills.price[taker] * r.fills.size[taker] * 7e-4, 12);
  });

  it('records inventory-limit stops and restarts per side', () => {
    const r = runBacktest(market, { strategy: 'symmetric', orderSize: 1, limits: { maxInventory: 2 } });
    expect(r.riskLog.some((e) => e.kind === 'stop' && (e.side === 'bid' || e.side === 'ask') && /limit/.test(e.reason))).toBe(true);
    expect(r.metrics.timeAtLimit).toBeGreaterThan(0);
  });

  it('applies tick-size rounding outward and lot-size flooring', () => {
    const r = runBacktest(market, { strategy: 'as', tickSize: 0.05, lotSize: 0.3, orderSize: 1 });
    for (let i = 0; i < r.bid.length; i++) {
      if (Number.isFinite(r.bid[i])) expect(Math.abs(r.bid[i] / 0.05 - Math.round(r.bid[i] / 0.05))).toBeLessThan(1e-6);
    }
    for (let k = 0; k < r.fills.size.length; k++) expect(Math.abs(r.fills.size[k] / 0.3 - Math.round(r.fills.size[k] / 0.3))).toBeLessThan(1e-6);
  });

  it('reports a buy-and-hold benchmark on the same data', () => {
    const r = runBacktest(market, { strategy: 'as', orderSize: 2, fees: { takerBps: 0 } });
    expect(r.benchmark.totalPnl).toBeCloseTo(2 * (market.mid[market.mid.length - 1] - market.ask[0]), 9);
  });

  it('accepts mid-only data (quote-cross fills)', () => {
    const r = runBacktest({ time: market.time, mid: market.mid }, { strategy: 'symmetric', halfSpreadBps: 1 });
    expect(r.resolved.fillModel).toBe('quote-cross');
    expect(r.metrics.fills).toBeGreaterThan(0);
  });

  it('rejects bad input with errors naming the field and row', () => {
    const t = Float64Array.of(0, 1, 0.5);
    expect(() => runBacktest({ time: t, mid: Float64Array.of(1, 1, 1) }, {})).toThrow(/data\.time\[2\]/);
    expect(() => runBacktest({ time: Float64Array.of(0, 1), bid: Float64Array.of(1, 2), ask: Float64Array.of(1, 1.5) }, {})).toThrow(/data\.ask\[1\]/);
    expect(() => runBacktest(market, { strategy: 'nope' as StrategyId })).toThrow(ParamError);
    expect(() => runBacktest(market, { gamma: -1 })).toThrow(/config\.gamma/);
    expect(() => runBacktest({ time: market.time, mid: market.mid }, { fill: { model: 'trade-through' } })).toThrow(/no trades/);
    expect(() => runBacktest({ ...market, tradeSide: Float64Array.from(market.tradeSide, (s, k) => (k === 7 ? 0 : s)) }, {})).toThrow(/tradeSide\[7\]/);
  });
});
