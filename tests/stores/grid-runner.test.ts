import '@vitest/web-worker';
import { afterEach, describe, expect, it } from 'vitest';
import { generateSyntheticMarket, gridSearch, runBacktest } from '../../src/engine';
import { GridPool } from '../../src/workers/grid-pool';
import { datasetStore } from '../../src/stores/dataset-store';
import { labStore } from '../../src/stores/lab-store';
import { gammaKappaSpec, runGammaKappaGrid } from '../../src/stores/grid-runner';
import { toBacktestConfig, toMarketData } from '../../src/stores/lab-config';
import { buildSummaryView } from '../../src/engine/views';
import type { LoadedDataset } from '../../src/workers/csv-client';

// Real grid workers (via @vitest/web-worker, one URL per instance) on the real engine.
let made = 0;
const makeWorker = () => new Worker(new URL(`../../src/workers/grid.worker.ts?instance=gr${made++}`, import.meta.url), { type: 'module' });
const pools: GridPool[] = [];
afterEach(() => {
  pools.splice(0).forEach((p) => p.terminate());
  datasetStore.getState().clear();
  labStore.setState({ summary: null });
});

const m = generateSyntheticMarket({ seed: 9, nTicks: 2500 });
const dataset = {
  name: 'synthetic-test', source: 'file', kind: 'quotes', rowsRead: m.time.length, rowsSkipped: 0, problems: [], timeUnit: 's', mapping: {},
  columns: { time: m.time, bid: m.bid, ask: m.ask, tradeTime: m.tradeTime, tradePrice: m.tradePrice, tradeSize: m.tradeSize, tradeSide: m.tradeSide },
} as unknown as LoadedDataset;

describe('runGammaKappaGrid', () => {
  it('refuses to run without a dataset or before a run', async () => {
    await expect(runGammaKappaGrid()).rejects.toThrow(/Load a dataset/);
    datasetStore.getState().setLoaded(dataset);
    await expect(runGammaKappaGrid()).rejects.toThrow(/Run a backtest first/);
  });

  it('maps Sharpe over γ × κ around the last run’s values, as the single-threaded grid does', async () => {
    datasetStore.getState().setLoaded(dataset);
    const config = toBacktestConfig(labStore.getState().settings);
    const last = runBacktest(toMarketData(dataset), config);
    labStore.setState({ summary: buildSummaryView(last) });
    const pool = new GridPool({ size: 2, factory: makeWorker });
    pools.push(pool);
    const done: number[] = [];
    const { result, strategy } = await runGammaKappaGrid({ n: 3, pool, onProgress: (p) => done.push(p.done) });
    expect(strategy).toBe(labStore.getState().settings.strategy);
    const spec = gammaKappaSpec(last.resolved.gamma, last.resolved.kappa, 3);
    expect(result.x.values).toEqual(spec.x.values);
    expect(Math.abs(result.y.values[1] / last.resolved.kappa - 1)).toBeLessThan(1e-3); // centre, to 4 significant digits
    const ref = gridSearch(toMarketData(dataset), config, spec);
    expect(Array.from(result.values)).toEqual(Array.from(ref.values));
    expect(done[done.length - 1]).toBe(9);
  });
});
