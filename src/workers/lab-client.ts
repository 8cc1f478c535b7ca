import { transfer, type Remote } from 'comlink';
import type { BacktestConfig, FillsView, IntensityCurve, MarketData, ModelBand, ModelBandRow, StrategyId, WalkForwardOptions, WalkForwardResult } from '../engine';
import type { ChunkFn, CompareRow, LabApi, RunViews } from './lab-api';
import type { IntensityByRegimeView, IntensityViewOptions, KalmanView, RegimeView } from '../engine/views';
import { moving, progress, WorkerBridge } from './bridge';

/**
 * Where the lab worker's dataset comes from; kept so a fresh worker (after a cancel or a crash) can
 * be given it again. 'served': from the dataset worker through a MessagePort (`connect` makes one),
 * so the columns never pass through the page; 'synthetic': regenerated from its seed in the worker;
 * 'columns': copied from the page (data the dataset worker does not hold).
 */
export type LabDataSource =
  | { kind: 'served'; key: string; connect: () => Promise<MessagePort> }
  | { kind: 'synthetic'; seed: number; nTicks: number }
  | { kind: 'columns'; key: string; data: MarketData };

export type LabWorkerFactory = () => Worker;
const defaultFactory: LabWorkerFactory = () => new Worker(new URL('./lab.worker.ts', import.meta.url), { type: 'module', name: 'mm-lab-lab' });

function sourceKey(s: LabDataSource): string {
  return s.kind === 'synthetic' ? `synthetic:${s.seed}:${s.nTicks}` : `${s.kind}:${s.key}`;
}

/**
 * The page's handle on one lab worker, on a WorkerBridge: cancelling (AbortSignal) terminates the
 * worker, a crashed worker (or one whose thread ended silently: the bridge's liveness lock) rejects
 * its calls with a WorkerExitError, and the next call starts a fresh one and gives it the dataset again.
 */
export class LabClient {
  private loadedKey: string | null = null;
  private source: LabDataSource | null = null;
  readonly bridge: WorkerBridge<LabApi>;

  constructor(factory: LabWorkerFactory = defaultFactory) {
    this.bridge = new WorkerBridge<LabApi>({ name: 'lab', create: factory, liveness: true, onStart: async () => { this.loadedKey = null; } });
  }

  setSource(source: LabDataSource): void {
    this.source = source;
  }

  private async seed(api: Remote<LabApi>): Promise<void> {
    const src = this.source;
    if (!src) throw new Error('No dataset chosen yet.');
    const key = sourceKey(src);
    if (this.loadedKey === key) return;
    if (src.kind === 'served') {
      const port = await src.connect();
      await api.setDataFrom(transfer(port, [port]));
    } else if (src.kind === 'synthetic') await api.setSynthetic({ seed: src.seed, nTicks: src.nTicks });
    else {
      const copy: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(src.data)) copy[k] = ArrayBuffer.isView(v) ? (v as Float64Array).slice() : v;
      await api.setData(moving(copy as unknown as MarketData));
    }
    this.loadedKey = key;
  }

  private call<R>(fn: (api: Remote<LabApi>) => Promise<R>, signal?: AbortSignal): Promise<R> {
    return this.bridge.call(async (api) => { await this.seed(api); return fn(api); }, signal);
  }

  run(config: BacktestConfig, opts: { signal?: AbortSignal; onChunk?: ChunkFn } = {}): Promise<RunViews> {
    const chunk = progress(opts.onChunk);
    return this.call((api) => api.run(config, chunk), opts.signal);
  }

  kalman(opts: { q?: number; r?: number }, signal?: AbortSignal): Promise<KalmanView> {
    return this.call((api) => api.kalman(opts), signal);
  }

  regimes(opts: { nStates: number; seed: number; bucketSec?: number }, signal?: AbortSignal): Promise<RegimeView> {
    return this.call((api) => api.regimes(opts), signal);
  }

  compare(config: BacktestConfig, strategies: readonly StrategyId[], opts: { signal?: AbortSignal; onProgress?: (d: number, t: number) => void } = {}): Promise<CompareRow[]> {
    const onProgress = progress(opts.onProgress);
    return this.call((api) => api.compare(config, strategies, onProgress), opts.signal);
  }

  fillsPage(offset: number, pageSize?: number, signal?: AbortSignal): Promise<FillsView> {
    return this.call((api) => api.fillsPage(offset, pageSize), signal);
  }

  intensity(opts: IntensityViewOptions, signal?: AbortSignal): Promise<IntensityCurve> {
    return this.call((api) => api.intensity(opts), signal);
  }

  intensityByRegime(opts: IntensityViewOptions, regime: { nStates: number; seed: number; bucketSec?: number }, signal?: AbortSignal): Promise<IntensityByRegimeView> {
    return this.call((api) => api.intensityByRegime(opts, regime), signal);
  }

  blotterCsv(signal?: AbortSignal): Promise<string> {
    return this.call((api) => api.blotterCsv(), signal);
  }

  modelBand(config: BacktestConfig, opts: { signal?: AbortSignal; onRow?: (row: ModelBandRow, done: number, total: number) => void } = {}): Promise<ModelBand> {
    const onRow = progress(opts.onRow);
    return this.call((api) => api.modelBand(config, onRow), opts.signal);
  }

  walkForward(config: BacktestConfig, options: WalkForwardOptions, signal?: AbortSignal): Promise<WalkForwardResult> {
    return this.call((api) => api.walkForward(config, options), signal);
  }

  exportSeries(names: Parameters<LabApi['exportSeries']>[0], signal?: AbortSignal): Promise<Record<string, Float64Array>> {
    return this.call((api) => api.exportSeries(names), signal);
  }

  terminate(): void {
    this.bridge.terminate();
    this.loadedKey = null;
  }
}
