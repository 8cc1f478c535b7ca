import { transfer } from 'comlink';
import { assembleGrid, checkGridSpec, gridOverfitBucketSec, GRID_METRICS, type BacktestConfig, type GridOutOfSample, type GridProgress, type GridResult, type GridSpec, type MarketData } from '../engine';
import type { GridWorkerApi } from './grid.worker';
import { WorkerBridge } from './bridge';

export type GridWorkerFactory = () => Worker;

const defaultFactory: GridWorkerFactory = () => new Worker(new URL('./grid.worker.ts', import.meta.url), { type: 'module', name: 'mm-lab-grid' });

interface Slot {
  bridge: WorkerBridge<GridWorkerApi>;
  /** The dataset this worker holds (by identity), so slider re-runs on the same data skip the copy. */
  data: MarketData | null;
}

function abortError(): Error {
  const e = new Error('grid search aborted');
  e.name = 'AbortError';
  return e;
}

/** Copies of the columns a backtest reads, and the list of their buffers for transfer. */
function copyColumns(d: MarketData): { copy: MarketData; buffers: ArrayBuffer[] } {
  const copy: MarketData = { time: d.time.slice() };
  if (d.bid) copy.bid = d.bid.slice();
  if (d.ask) copy.ask = d.ask.slice();
  if (d.mid) copy.mid = d.mid.slice();
  if (d.tradeTime && d.tradeTime.length > 0) {
    copy.tradeTime = d.tradeTime.slice();
    copy.tradePrice = d.tradePrice?.slice();
    copy.tradeSize = d.tradeSize?.slice();
    copy.tradeSide = d.tradeSide ? Float64Array.from(d.tradeSide) : undefined;
  }
  if (d.truth) copy.truth = { A: d.truth.A, kappa: d.truth.kappa };
  const buffers: ArrayBuffer[] = [];
  for (const v of Object.values(copy)) if (v instanceof Float64Array) buffers.push(v.buffer as ArrayBuffer);
  return { copy, buffers };
}

/**
 * Spreads the cells of a grid search over a pool of workers (default navigator.hardwareConcurrency).
 * Each worker gets its own transferred copy of the data once; cells go out in small chunks from a
 * shared queue so fast workers take more; progress is reported per finished chunk. An aborted
 * signal rejects at once with an AbortError and terminates the workers (their synchronous loops
 * cannot be interrupted otherwise); the next run starts fresh ones. Each worker sits on a WorkerBridge,
 * so one that dies rejects the run with a WorkerExitError naming it.
 */
export class GridPool {
  private slots: Slot[] = [];
  private readonly factory: GridWorkerFactory;
  readonly size: number;

  constructor(opts: { size?: number; factory?: GridWorkerFactory } = {}) {
    this.factory = opts.factory ?? defaultFactory;
    const hc = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency : undefined;
    this.size = Math.max(1, Math.floor(opts.size ?? hc ?? 2));
  }

  private slot(k: number): Slot {
    while (this.slots.length <= k) {
      // A fresh worker (first use, after a cancel or a crash) holds no data yet.
      const slot: Slot = { bridge: new WorkerBridge<GridWorkerApi>({ name: 'grid', create: this.factory, onStart: async () => { slot.data = null; } }), data: null };
      this.slots.push(slot);
    }
    return this.slots[k];
  }

  /**
   * Hands `data` to the slot's worker unless it holds it already. `slot.data` is set only once the
   * worker has it: the bridge starts a worker lazily inside the first call and its onStart clears
   * `slot.data`, so setting it before the call would be undone and the next run would send again.
   */
  private async feed(s: Slot, data: MarketData, served?: () => Promise<MessagePort>): Promise<void> {
    if (s.data === data) return;
    s.data = null; // until the worker confirms: a failed hand-over leaves nothing claimed
    // From the dataset worker when it holds the data (worker to worker), else a copy from the page.
    if (served) {
      const port = await served();
      await s.bridge.call((api) => api.setDataFrom(transfer(port, [port])));
    } else {
      const { copy, buffers } = copyColumns(data);
      await s.bridge.call((api) => api.setData(transfer(copy, buffers)));
    }
    s.data = data;
  }

  async run(
    data: MarketData,
    baseConfig: BacktestConfig,
    spec: GridSpec,
    opts: { onProgress?: (p: GridProgress) => void; signal?: AbortSignal; chunkCells?: number; served?: () => Promise<MessagePort> } = {},
  ): Promise<GridResult> {
    const { onProgress, signal } = opts;
    const metric = checkGridSpec(spec);
    if (signal?.aborted) throw abortError();
    const total = spec.x.values.length * spec.y.values.length;
    const nWorkers = Math.min(this.size, total);
    const chunk = Math.max(1, Math.floor(opts.chunkCells ?? Math.ceil(total / (nWorkers * 16)))); // small chunks: an even finish
    const width = GRID_METRICS.length;
    const perCell = new Float64Array(total * width);
    const buckets: Float64Array[] = new Array<Float64Array>(total); // per-bucket PnL by cell: the grid's DSR and PBO

    const work = (async () => {
      const slots = Array.from({ length: nWorkers }, (_, k) => this.slot(k));
      await Promise.all(slots.map((s) => this.feed(s, data, opts.served)));
      const base = await slots[0].bridge.call((api) => api.prepare(baseConfig, spec));
      let next = 0;
      let done = 0;
      await Promise.all(
        slots.map(async (s) => {
          while (next < total && !signal?.aborted) {
            const from = next;
            const to = Math.min(total, from + chunk);
            next = to;
            const cells = Int32Array.from({ length: to - from }, (_, k) => from + k);
            const out = await s.bridge.call((api) => api.runCells(base, spec, transfer(cells, [cells.buffer])));
            perCell.set(out.metrics, from * width);
            out.buckets.forEach((b, k) => { buckets[from + k] = b; });
            done += to - from;
            onProgress?.({ done, total });
          }
        }),
      );
      if (signal?.aborted) throw abortError();
      return assembleGrid(spec, metric, perCell, buckets, gridOverfitBucketSec(data, baseConfig));
    })();

    if (!signal) return work;
    return new Promise<GridResult>((resolve, reject) => {
      const onAbort = () => {
        this.terminate();
        reject(abortError());
      };
      signal.addEventListener('abort', onAbort, { once: true });
      work.then(
        (r) => { signal.removeEventListener('abort', onAbort); if (signal.aborted) reject(abortError()); else resolve(r); },
        (e: unknown) => { signal.removeEventListener('abort', onAbort); reject(signal.aborted ? abortError() : e); },
      );
    });
  }

  /**
   * The out-of-sample Sharpe of the in-sample best cell (engine gridOutOfSample: a grid on the first
   * `trainFraction` of the data, its best cell re-run on the rest), in the first worker (fed the data
   * as run() does when it does not hold it). Rejects with an AbortError when `signal` aborts.
   */
  async outOfSample(data: MarketData, baseConfig: BacktestConfig, spec: GridSpec, opts: { trainFraction?: number; signal?: AbortSignal; served?: () => Promise<MessagePort> } = {}): Promise<GridOutOfSample> {
    const { signal } = opts;
    checkGridSpec(spec);
    if (signal?.aborted) throw abortError();
    const s = this.slot(0);
    const work = (async () => {
      await this.feed(s, data, opts.served);
      return s.bridge.call((api) => api.outOfSample(baseConfig, spec, opts.trainFraction ?? 0.5));
    })();
    if (!signal) return work;
    return new Promise<GridOutOfSample>((resolve, reject) => {
      const onAbort = () => { this.terminate(); reject(abortError()); };
      signal.addEventListener('abort', onAbort, { once: true });
      work.then(
        (r) => { signal.removeEventListener('abort', onAbort); if (signal.aborted) reject(abortError()); else resolve(r); },
        (e: unknown) => { signal.removeEventListener('abort', onAbort); reject(signal.aborted ? abortError() : e); },
      );
    });
  }

  /** Stops every worker; the next run starts new ones. */
  terminate(): void {
    for (const s of this.slots) s.bridge.terminate();
    this.slots = [];
  }
}
