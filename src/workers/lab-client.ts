import { proxy, releaseProxy, transfer, wrap, type Remote } from 'comlink';
import type { BacktestConfig, MarketData, StrategyId } from '../engine';
import type { ChunkFn, CompareRow, LabApi, RunViews } from './lab-api';
import type { KalmanView, RegimeView } from './lab-view';
import { abortable } from './engine-client';
import { transferList } from './transfer-list';

/** Where the lab worker's dataset comes from; kept so a fresh worker can be re-seeded after a cancel. */
export type LabDataSource =
  | { kind: 'synthetic'; seed: number; nTicks: number }
  | { kind: 'columns'; key: string; data: MarketData };

export type LabWorkerFactory = () => Worker;
const defaultFactory: LabWorkerFactory = () => new Worker(new URL('./lab.worker.ts', import.meta.url), { type: 'module', name: 'mm-lab-lab' });

function sourceKey(s: LabDataSource): string {
  return s.kind === 'synthetic' ? `synthetic:${s.seed}:${s.nTicks}` : `columns:${s.key}`;
}

/**
 * The page's handle on one lab worker. Cancelling (AbortSignal) terminates the worker — a
 * synchronous backtest cannot be interrupted any other way — and the next call starts a fresh
 * one, re-seeding it with the dataset: synthetic data is regenerated from its seed in the
 * worker; uploaded columns are copied and transferred again (the page keeps its own copy).
 */
export class LabClient {
  private worker: Worker | null = null;
  private remote: Remote<LabApi> | null = null;
  private loadedKey: string | null = null;
  private source: LabDataSource | null = null;
  private readonly factory: LabWorkerFactory;

  constructor(factory: LabWorkerFactory = defaultFactory) {
    this.factory = factory;
  }

  setSource(source: LabDataSource): void {
    this.source = source;
  }

  private async ready(): Promise<Remote<LabApi>> {
    if (!this.remote) {
      this.worker = this.factory();
      this.remote = wrap<LabApi>(this.worker);
      this.loadedKey = null;
    }
    const src = this.source;
    if (!src) throw new Error('No dataset chosen yet.');
    const key = sourceKey(src);
    if (this.loadedKey !== key) {
      if (src.kind === 'synthetic') await this.remote.setSynthetic({ seed: src.seed, nTicks: src.nTicks });
      else {
        const copy: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(src.data)) copy[k] = ArrayBuffer.isView(v) ? (v as Float64Array).slice() : v;
        await this.remote.setData(transfer(copy as unknown as MarketData, transferList(copy)));
      }
      this.loadedKey = key;
    }
    return this.remote;
  }

  private call<R>(fn: (api: Remote<LabApi>) => Promise<R>, signal?: AbortSignal): Promise<R> {
    return abortable(() => this.ready().then(fn), signal, () => this.terminate());
  }


  run(config: BacktestConfig, opts: { signal?: AbortSignal; onChunk?: ChunkFn } = {}): Promise<RunViews> {
    const chunk = opts.onChunk ? proxy(opts.onChunk) : undefined;
    return this.call((api) => api.run(config, chunk), opts.signal);
  }

  kalman(opts: { q?: number; r?: number }, signal?: AbortSignal): Promise<KalmanView> {
    return this.call((api) => api.kalman(opts), signal);
  }

  regimes(opts: { nStates: number; seed: number; bucketSec?: number }, signal?: AbortSignal): Promise<RegimeView> {
    return this.call((api) => api.regimes(opts), signal);
  }

  compare(config: BacktestConfig, strategies: readonly StrategyId[], opts: { signal?: AbortSignal; onProgress?: (d: number, t: number) => void } = {}): Promise<CompareRow[]> {
    const progress = opts.onProgress ? proxy(opts.onProgress) : undefined;
    return this.call((api) => api.compare(config, strategies, progress), opts.signal);
  }

  exportSeries(names: Parameters<LabApi['exportSeries']>[0], signal?: AbortSignal): Promise<Record<string, Float64Array>> {
    return this.call((api) => api.exportSeries(names), signal);
  }

  terminate(): void {
    if (this.remote) this.remote[releaseProxy]();
    this.worker?.terminate();
    this.worker = null;
    this.remote = null;
    this.loadedKey = null;
  }
}
