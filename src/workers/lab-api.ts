import { transfer, wrap, type Endpoint } from 'comlink';
import type { ServedDatasetApi } from './csv.worker';
import {
  applicableFillModels,
  blotterCsv,
  buildFillsView,
  fillModelBand,
  generateSyntheticMarket,
  prepareData,
  runBacktestInto,
  outputsOf,
  prefaultedColumn,
  prefaultedOutputs,
  STRATEGY_IDS,
  walkForward,
  type BacktestConfig,
  type BacktestResult,
  type FillsView,
  type IntensityCurve,
  type MarketData,
  type ModelBand,
  type ModelBandRow,
  type RunOutputs,
  type StrategyId,
  type WalkForwardOptions,
  type WalkForwardResult,
} from '../engine';
import {
  buildIntensityByRegimeView,
  buildIntensityView,
  buildKalmanView,
  buildRegimeView,
  buildSeriesView,
  createPartialSeriesView,
  buildSummaryView,
  buyAndHoldOf,
  type IntensityByRegimeView,
  type IntensityViewOptions,
  type KalmanView,
  type RegimeView,
  type RunSeriesView,
  type RunSummaryView,
} from '../engine/views';
import { transferList } from './transfer-list';

/**
 * The lab worker's session: it holds the dataset (moved in once, by transfer) and the last
 * full backtest, and sends the main thread only chart-ready, downsampled views. Progress and
 * partial results go through comlink-proxied callbacks.
 */
let data: MarketData | null = null;
let mid: Float64Array | null = null;
let last: BacktestResult | null = null;
/** Output columns written through while the dataset arrived, for the first run over it (setDataFrom). */
let spare: RunOutputs | null = null;

function requireData(): { data: MarketData; mid: Float64Array } {
  if (!data || !mid) throw new Error('No dataset is loaded in the lab worker: load a sample or a file first.');
  return { data, mid };
}

/** The dataset's mid: the engine's own (prepareData computes it once per dataset when only bid and ask are given, into `into` when given). */
function midOf(d: MarketData, into?: Float64Array): Float64Array {
  return prepareData(d, into).mid;
}

export interface RunViews { series: RunSeriesView; summary: RunSummaryView; fills: FillsView }

/** Rows of the blotter per page. */
const FILLS_PAGE = 50;

/** The data's best bid and ask, when it has quotes (not bars): the summary's at-touch share of our quotes. */
function marketQuotes(d: MarketData): { bid: Float64Array; ask: Float64Array } | undefined {
  return d.bid !== undefined && d.ask !== undefined && d.high === undefined ? { bid: d.bid, ask: d.ask } : undefined;
}

function fillsOf(result: BacktestResult, d: MarketData, offset: number, pageSize = FILLS_PAGE): FillsView {
  return { ...buildFillsView(result, offset, pageSize), applicable: applicableFillModels(prepareData(d)) };
}
export type ChunkFn = (series: RunSeriesView) => void;

/** Minimum wall time between two partial views sent to the page, ms. */
const CHUNK_EVERY_MS = 250;

export interface CompareRow {
  strategy: StrategyId;
  metrics: BacktestResult['metrics'];
  attribution: BacktestResult['attribution'];
  pnl: { time: Float64Array; pnl: Float64Array };
}

/** Takes `d` as the dataset (the mid derived into `midInto` when given, see setDataFrom), dropping the last run. */
function load(d: MarketData, midInto?: Float64Array): { n: number } {
  data = d;
  mid = midOf(d, midInto);
  last = null;
  spare = null;
  return { n: d.time.length };
}

export const labApi = {
  setData(d: MarketData): { n: number } {
    return load(d);
  },

  /** Takes the dataset from the dataset worker over `port` (a copy moved worker to worker, never through the page). */
  async setDataFrom(port: MessagePort): Promise<{ n: number }> {
    const served = wrap<ServedDatasetApi>(port as unknown as Endpoint);
    try {
      const n = await served.size();
      const incoming = served.marketData();
      // While the dataset worker copies its columns, this worker (idle until they come) writes through
      // the first run's output columns and a column for the mid: their page faults overlap the copy
      // instead of slowing the load and the run (~0.4 s per 10^7-tick column in this lab's VMs).
      const columns = n > 0 ? prefaultedOutputs(n) : null;
      const midInto = n > 0 ? prefaultedColumn(n) : undefined;
      const loaded = load(await incoming, midInto);
      if (columns !== null && loaded.n === n) spare = columns;
      return loaded;
    } finally {
      port.close();
    }
  },

  setSynthetic(opts: { seed: number; nTicks: number }): { n: number } {
    const m = generateSyntheticMarket({ seed: opts.seed, nTicks: opts.nTicks });
    return labApi.setData({ time: m.time, bid: m.bid, ask: m.ask, tradeTime: m.tradeTime, tradePrice: m.tradePrice, tradeSize: m.tradeSize, tradeSide: m.tradeSide, truth: m.truth });
  },

  async run(config: BacktestConfig, onChunk?: ChunkFn): Promise<RunViews> {
    const { data: d } = requireData();
    const n = d.time.length;
    let lastSent = -Infinity;
    let lastChunk: unknown;
    // Partial views come from the run's own live series (ticks [0, to) final, no copy of it here),
    // incrementally: each costs the ticks added since the last one, not all ticks so far.
    const partial = onChunk ? createPartialSeriesView(n) : null;
    // This run replaces the last one: it writes into the last result's columns (no fresh 40–48 bytes
    // per tick, no page faults), so only one run's state is ever held.
    const reuse = last !== null && last.equity.length === n ? outputsOf(last) : spare !== null && spare.equity.length === n ? spare : undefined;
    last = null;
    spare = null;
    const result = runBacktestInto(d, config, onChunk ? (p) => {
      const now = performance.now();
      if (partial && p.to < p.total && now - lastSent >= CHUNK_EVERY_MS) {
        lastSent = now;
        const view = partial.update(p.series, p.to);
        lastChunk = onChunk(transfer(view, transferList(view)));
      }
    } : undefined, reuse, 'full');
    last = result;
    // Partials travel on the callback's own port, the result on the worker's, in no fixed order:
    // wait until the page has run the last partial (a proxied call settles then), so a late
    // partial can never replace the finished run's series.
    await lastChunk;
    const views: RunViews = { series: buildSeriesView(result, n, buyAndHoldOf(result)), summary: buildSummaryView(result, marketQuotes(d)), fills: fillsOf(result, d, 0) };
    return transfer(views, transferList(views));
  },

  kalman(opts: { q?: number; r?: number } = {}): KalmanView {
    const { data: d, mid: m } = requireData();
    const v = buildKalmanView(d, m, { ...opts, strategyFit: last?.kalman, fairValue: last?.fairValue });
    return transfer(v, transferList(v));
  },

  regimes(opts: { nStates: number; seed: number; bucketSec?: number }): RegimeView {
    const { data: d, mid: m } = requireData();
    const v = buildRegimeView(d, m, last, opts);
    return transfer(v, transferList(v));
  },

  compare(config: BacktestConfig, strategies: readonly StrategyId[] = STRATEGY_IDS, onProgress?: (done: number, total: number) => void): CompareRow[] {
    const { data: d } = requireData();
    const rows: CompareRow[] = [];
    // One set of output columns written over by each strategy in turn (a row keeps only its copied,
    // downsampled views): no fresh 40–48 bytes per tick, and their page faults, per strategy.
    let scratch: RunOutputs | undefined;
    strategies.forEach((strategy, k) => {
      const r = runBacktestInto(d, { ...config, strategy }, undefined, scratch, 'full');
      scratch = outputsOf(r);
      const s = buildSeriesView(r, r.time.length, buyAndHoldOf(r));
      rows.push({ strategy, metrics: r.metrics, attribution: r.attribution, pnl: { time: s.pnl.time, pnl: s.pnl.pnl } });
      onProgress?.(k + 1, strategies.length);
    });
    return transfer(rows, transferList(rows));
  },

  /** A page of the last run's blotter, with its markouts and fill model. */
  fillsPage(offset: number, pageSize = FILLS_PAGE): FillsView {
    const { data: d } = requireData();
    if (!last) throw new Error('Run a backtest before paging its fills.');
    const v = fillsOf(last, d, offset, pageSize);
    return transfer(v, transferList(v));
  },

  /** Empirical fill intensity λ(δ) of the dataset's trades with its fits (calibration view). */
  intensity(opts: IntensityViewOptions = {}): IntensityCurve {
    const { data: d, mid: m } = requireData();
    const c = buildIntensityView(d, m, opts);
    return transfer(c, transferList(c));
  },

  /** λ(δ) per regime (the regimes of the regime view with the same settings) over the same fit range. */
  intensityByRegime(opts: IntensityViewOptions, regime: { nStates: number; seed: number; bucketSec?: number }): IntensityByRegimeView {
    const { data: d, mid: m } = requireData();
    const v = buildIntensityByRegimeView(d, m, last, regime, opts);
    return transfer(v, transferList(v));
  },

  /**
   * Walk-forward evaluation (engine walkForward): per fold, calibration and fits on the train part only,
   * figures on the test part after it, and the test parts pooled. Returned by copy (a few small arrays).
   */
  walkForward(config: BacktestConfig, options: WalkForwardOptions): WalkForwardResult {
    const { data: d } = requireData();
    return walkForward(d, config, options);
  },

  /** The last run's whole blotter as CSV text. */
  blotterCsv(): string {
    if (!last) throw new Error('Run a backtest before exporting its fills.');
    return blotterCsv(last.fills);
  },

  /** The same settings under every applicable fill model. */
  modelBand(config: BacktestConfig, onRow?: (row: ModelBandRow, done: number, total: number) => void): ModelBand {
    const { data: d } = requireData();
    return fillModelBand(d, config, onRow);
  },

  /** Full-resolution series of the last run, for CSV export (copies, moved to the page). */
  exportSeries(names: Array<'time' | 'mid' | 'fairValue' | 'bid' | 'ask' | 'inventory' | 'cash' | 'equity' | 'regime'>): Record<string, Float64Array> {
    if (!last) throw new Error('Run a backtest before exporting its series.');
    const out: Record<string, Float64Array> = {};
    for (const name of names) out[name] = last[name].slice();
    return transfer(out, transferList(out));
  },
};

export type LabApi = typeof labApi;
