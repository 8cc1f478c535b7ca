import { describe, expect, it } from 'vitest';
import { expose, transfer, type Endpoint } from 'comlink';
import { labApi } from '../../src/workers/lab-api';
import { buildSeriesView, buildSummaryView, buyAndHoldOf } from '../../src/engine/views';
import { generateSyntheticMarket, runBacktest } from '../../src/engine';

describe('lab worker api', () => {
  it('resolves a run only after the page has taken its last partial view (they travel on different ports)', async () => {
    labApi.setSynthetic({ seed: 5, nTicks: 60_000 });
    const events: string[] = [];
    const views = await labApi.run({ strategy: 'as', seed: 5, progressChunk: 10_000 }, (series) => {
      events.push(`chunk ${series.upTo}`);
      // A proxied callback settles only once the page has run it; here the page is slow.
      return new Promise<void>((r) => setTimeout(() => { events.push(`taken ${series.upTo}`); r(); }, 30)) as unknown as void;
    }).then((v) => { events.push('result'); return v; });
    expect(events[0]).toMatch(/^chunk \d+$/);
    expect(events.at(-1)).toBe('result');
    expect(events.at(-2)).toMatch(/^taken \d+$/);
    expect(views.series.upTo).toBe(60_000);
  });

  it('a run replacing the last one writes into its columns and gives what a fresh run gives', async () => {
    labApi.setSynthetic({ seed: 7, nTicks: 30_000 });
    const m = generateSyntheticMarket({ seed: 7, nTicks: 30_000 });
    const data = { time: m.time, bid: m.bid, ask: m.ask, tradeTime: m.tradeTime, tradePrice: m.tradePrice, tradeSize: m.tradeSize, tradeSide: m.tradeSide, truth: m.truth }; // as setSynthetic loads it
    // A regime run, then runs without regimes (no regime column), then a regime run again: each must equal a fresh run.
    for (const config of [{ strategy: 'as-regime' as const, seed: 2 }, { strategy: 'as' as const, seed: 3 }, { strategy: 'glft' as const, seed: 3 }, { strategy: 'as-regime' as const, seed: 4 }]) {
      const views = await labApi.run(config);
      const fresh = runBacktest(data, config);
      expect(views.summary.metrics).toEqual(fresh.metrics);
      expect(views.series).toEqual(buildSeriesView(fresh, fresh.time.length, buyAndHoldOf(fresh)));
      expect(views.summary.inventoryHist).toEqual(buildSummaryView(fresh).inventoryHist);
      expect(labApi.exportSeries(['equity', 'cash', 'regime'])).toEqual({ equity: fresh.equity, cash: fresh.cash, regime: fresh.regime });
    }
  });

  it('compare gives each strategy what a fresh run of it gives, though the runs write over one set of columns', () => {
    labApi.setSynthetic({ seed: 9, nTicks: 20_000 });
    const m = generateSyntheticMarket({ seed: 9, nTicks: 20_000 });
    const data = { time: m.time, bid: m.bid, ask: m.ask, tradeTime: m.tradeTime, tradePrice: m.tradePrice, tradeSize: m.tradeSize, tradeSide: m.tradeSide, truth: m.truth };
    // Regime and non-regime strategies in turn, so the shared columns change shape on the way.
    const order = ['as-regime', 'as', 'symmetric', 'as-regime', 'glft'] as const;
    const rows = labApi.compare({ seed: 3 }, order);
    expect(rows.map((r) => r.strategy)).toEqual([...order]);
    rows.forEach((row) => {
      const fresh = runBacktest(data, { seed: 3, strategy: row.strategy });
      expect(row.metrics).toEqual(fresh.metrics);
      expect(row.attribution).toEqual(fresh.attribution);
      const s = buildSeriesView(fresh, fresh.time.length, buyAndHoldOf(fresh));
      expect(row.pnl).toEqual({ time: s.pnl.time, pnl: s.pnl.pnl });
    });
  });

  it('takes a served dataset over a real MessageChannel, and its first run (over the columns written through meanwhile) gives a fresh run', async () => {
    const m = generateSyntheticMarket({ seed: 13, nTicks: 25_000 });
    const data = { time: m.time, bid: m.bid, ask: m.ask, tradeTime: m.tradeTime, tradePrice: m.tradePrice, tradeSize: m.tradeSize, tradeSide: m.tradeSide };
    // The dataset worker's side of the port (csv.worker.ts servedDatasetApi): its size, then copies moved over.
    const served = {
      size: () => data.time.length,
      marketData: () => { const c = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, v.slice()])); return transfer(c, Object.values(c).map((v) => v.buffer)); },
    };
    const channel = new MessageChannel();
    expose(served, channel.port1 as unknown as Endpoint);
    expect(await labApi.setDataFrom(channel.port2)).toEqual({ n: 25_000 });
    channel.port1.close();
    for (const config of [{ strategy: 'as-kalman' as const, seed: 1 }, { strategy: 'as-regime' as const, seed: 2 }]) {
      const views = await labApi.run(config);
      const fresh = runBacktest(data, config);
      expect(views.summary.metrics).toEqual(fresh.metrics);
      expect(labApi.exportSeries(['equity', 'inventory', 'fairValue', 'bid', 'ask'])).toEqual({ equity: fresh.equity, inventory: fresh.inventory, fairValue: fresh.fairValue, bid: fresh.bid, ask: fresh.ask });
    }
  });
});
