/// <reference lib="webworker" />
import { expose, transfer, wrap, type Endpoint } from 'comlink';
import type { ServedDatasetApi } from './csv.worker';
import { evaluateGridCells, gridOutOfSample, prepareGridConfig, type BacktestConfig, type GridOutOfSample, type GridSpec, type MarketData } from '../engine';

let data: MarketData | null = null;

function current(): MarketData {
  if (data === null) throw new Error('grid worker: setData must be called before running cells');
  return data;
}

/** One grid worker: holds one dataset and runs the grid cells it is handed. */
export const gridWorkerApi = {
  /** Keeps the (transferred) columns for the following calls. */
  setData(d: MarketData): void {
    data = d;
  },
  /** Takes the dataset from the dataset worker over `port` (a copy moved worker to worker, never through the page). */
  async setDataFrom(port: MessagePort): Promise<void> {
    try {
      data = await wrap<ServedDatasetApi>(port as unknown as Endpoint).marketData();
    } finally {
      port.close();
    }
  },
  /** Shared per-grid work (e.g. the regime HMM fit) done once, returned as the config for every cell. */
  prepare(base: BacktestConfig, spec: GridSpec): BacktestConfig {
    return prepareGridConfig(current(), base, spec);
  },
  /** Metrics of the given cells (GRID_METRICS.length per cell) and each cell's per-bucket PnL (for the grid's DSR and PBO), buffers transferred back. */
  runCells(base: BacktestConfig, spec: GridSpec, cells: Int32Array): { metrics: Float64Array; buckets: Float64Array[] } {
    const buckets: Float64Array[] = [];
    const metrics = evaluateGridCells(current(), base, spec, cells, undefined, buckets);
    return transfer({ metrics, buckets }, [metrics.buffer, ...buckets.map((b) => b.buffer as ArrayBuffer)]);
  },
  /** The grid on the first `trainFraction` of the data and its best cell re-run on the rest (engine gridOutOfSample), in this one worker. */
  outOfSample(base: BacktestConfig, spec: GridSpec, trainFraction: number): GridOutOfSample {
    return gridOutOfSample(current(), base, spec, trainFraction);
  },
};

export type GridWorkerApi = typeof gridWorkerApi;

// Exposing on `self` explicitly works in browsers and under @vitest/web-worker alike.
expose(gridWorkerApi, self as unknown as Endpoint);
