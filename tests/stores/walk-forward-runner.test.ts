import '@vitest/web-worker';
import { afterEach, describe, expect, it } from 'vitest';
import { generateSyntheticMarket, walkForward } from '../../src/engine';
import { createDatasetStore } from '../../src/stores/dataset-store';
import { createLabStore } from '../../src/stores/lab-store';
import { createWalkForwardRunner, type WalkForwardRunner } from '../../src/stores/walk-forward-runner';
import { toBacktestConfig, toMarketData } from '../../src/stores/lab-config';
import { LabClient } from '../../src/workers/lab-client';
import type { LoadedDataset } from '../../src/workers/csv-client';

// A real lab worker (via @vitest/web-worker) on the real engine.
let made = 0;
const makeWorker = () => new Worker(new URL(`../../src/workers/lab.worker.ts?instance=wf${made++}`, import.meta.url), { type: 'module' });
const runners: WalkForwardRunner[] = [];
afterEach(() => { runners.splice(0).forEach((r) => r.stop()); });

function datasetOf(seed: number, nTicks: number): LoadedDataset {
  const m = generateSyntheticMarket({ seed, nTicks });
  return {
    name: `synthetic-wf-${seed}`, source: 'file', kind: 'quotes', rowsRead: m.time.length, rowsSkipped: 0, problems: [], timeUnit: 's', mapping: {},
    columns: { time: m.time, bid: m.bid, ask: m.ask, tradeTime: m.tradeTime, tradePrice: m.tradePrice, tradeSize: m.tradeSize, tradeSide: m.tradeSide },
  } as unknown as LoadedDataset;
}

function setup() {
  const lab = createLabStore();
  const dataset = createDatasetStore();
  const runner = createWalkForwardRunner(lab, dataset, { client: new LabClient(makeWorker) });
  runners.push(runner);
  return { lab, dataset, runner };
}

describe('walk-forward runner', () => {
  it('puts the lab worker’s walk-forward of the lab settings in the store, equal to the engine’s', async () => {
    const { lab, dataset, runner } = setup();
    const d = datasetOf(3, 5000);
    dataset.getState().setLoaded(d);
    lab.setState({ runId: 4 });
    await runner.run({ folds: 3, trainFraction: 0.6, anchored: false });
    const s = lab.getState();
    expect(s.walkForwardStatus).toBe('done');
    expect(s.walkForwardError).toBeNull();
    expect(s.walkForwardRunId).toBe(4);
    const ref = walkForward(toMarketData(d), toBacktestConfig(s.settings), { folds: 3, trainFraction: 0.6, anchored: false });
    expect(s.walkForward!.folds.map((f) => [f.trainRange, f.testRange, f.attribution.net, f.metrics.fills])).toEqual(ref.folds.map((f) => [f.trainRange, f.testRange, f.attribution.net, f.metrics.fills]));
    expect(s.walkForward!.pooled.netPnl).toBe(ref.pooled.netPnl);
  });

  it('reports bad options in words, and a new dataset clears the result', async () => {
    const { lab, dataset, runner } = setup();
    dataset.getState().setLoaded(datasetOf(4, 600));
    // 600 ticks cannot give 10 folds test parts of 50 ticks each.
    await runner.run({ folds: 10, trainFraction: 0.9 });
    expect(lab.getState().walkForwardStatus).toBe('error');
    expect(lab.getState().walkForwardError).toMatch(/options\.folds/);
    await runner.run({ folds: 2, trainFraction: 0.5 });
    expect(lab.getState().walkForwardStatus).toBe('done');
    dataset.getState().setLoaded(datasetOf(5, 600));
    expect(lab.getState().walkForward).toBeNull();
    expect(lab.getState().walkForwardStatus).toBe('idle');
  });
});
