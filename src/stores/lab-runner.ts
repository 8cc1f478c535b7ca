import { isAborted, WorkerExitError } from '../workers/bridge';
import { LabClient } from '../workers/lab-client';
import type { LoadedDataset } from '../workers/csv-client';
import { STRATEGY_IDS } from '../engine';
import type { DatasetStore } from './dataset-store';
import type { LabStore } from './lab-store';
import { sigmaBasisOf, toBacktestConfig, toLabSource } from './lab-config';
import type { YearBasis } from '../engine';
import type { RegimeView } from '../engine/views';

/** Debounce of settings changes before a run starts, ms (a drag produces many changes). */
export const RUN_DEBOUNCE_MS = 150;

/**
 * Runs the lab whenever its settings or the dataset change: debounced, latest wins (a newer
 * run aborts the older one, whose worker is terminated), partial series streamed into the
 * store as they arrive, then the Kalman and regime views on the same worker.
 */
export interface LabRunnerOptions {
  /** The calculator's year basis, at which a backtest σ in %/yr converts. */
  yearBasis?: () => YearBasis;
  /** A port maker to the dataset worker when it holds `d` (the lab worker then takes the columns from it). */
  served?: (d: LoadedDataset) => (() => Promise<MessagePort>) | null;
  client?: LabClient;
  compareClient?: LabClient;
}

export function startLabRunner(lab: LabStore, dataset: DatasetStore, opts: LabRunnerOptions = {}) {
  const client = opts.client ?? new LabClient();
  const compareClient = opts.compareClient ?? new LabClient();
  const yearBasis = opts.yearBasis ?? (() => '24/7' as const);
  const served = opts.served ?? (() => null);
  let controller: AbortController | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let compareController: AbortController | null = null;

  /**
   * λ(δ) of the dataset's trades over the fit range [minDepth, maxDepth] (price units; default 0 to
   * the 95th percentile), then per regime over the same range with the regime view's settings.
   */
  async function drawIntensity(minDepth?: number, maxDepth?: number) {
    let range: [number, number];
    try {
      const intensity = await client.intensity({ minDepth, maxDepth });
      lab.setState({ intensity, intensityError: null });
      range = intensity.fitRange;
    } catch (e) {
      if (!isAborted(e)) lab.setState({ intensity: null, intensityError: e instanceof Error ? e.message : String(e) });
      return;
    }
    const v = lab.getState().settings.values;
    try {
      // Every regime over the range the whole data was drawn on (its default end resolved), so the curves compare.
      const intensityByRegime = await client.intensityByRegime({ minDepth: range[0], maxDepth: range[1] }, { nStates: v.nStates ?? 3, seed: v.seed ?? 1, bucketSec: v.regimeBucketSec });
      lab.setState({ intensityByRegime, intensityByRegimeError: null });
    } catch (e) {
      if (!isAborted(e)) lab.setState({ intensityByRegime: null, intensityByRegimeError: e instanceof Error ? e.message : String(e) });
    }
  }

  /** The dataset whose run the panels' figures (summary, Kalman, regimes, fills) come from. */
  let figuresOf: LoadedDataset | null = null;

  async function runNow() {
    timer = null;
    const d = dataset.getState().dataset;
    if (!d) return;
    if (controller) {
      controller.abort();
      lab.setState((s) => ({ cancelledRuns: s.cancelledRuns + 1 }));
    }
    const ctrl = new AbortController();
    controller = ctrl;
    const settings = lab.getState().settings;
    const source = toLabSource(d, served(d));
    client.setSource(source);
    compareClient.setSource(source);
    // Another dataset: its partial series must never sit beside the previous dataset's figures, so those go
    // now (a run that then fails or dies leaves the panels without them, not with another market's numbers).
    const otherData = figuresOf !== d;
    const cleared = otherData ? { summary: null, kalman: null, regimes: null, regimesError: null, fills: null } : {};
    figuresOf = otherData ? null : figuresOf;
    lab.setState((s) => ({ status: 'running', done: 0, total: d.summary?.rows ?? d.columns.time?.length ?? 0, error: null, stale: s.summary !== null && !otherData, runId: s.runId + 1, replay: 1, ...cleared }));
    try {
      const views = await client.run(toBacktestConfig(settings, sigmaBasisOf(d, yearBasis())), {
        signal: ctrl.signal,
        onChunk: (series) => { if (controller === ctrl) lab.setState({ series, done: series.upTo, total: series.total }); },
      });
      if (controller !== ctrl) return;
      lab.setState({ series: views.series, summary: views.summary, fills: views.fills, modelBand: null, modelBandStatus: 'idle', modelBandError: null, done: views.series.total, total: views.series.total });
      figuresOf = d;
      const kalman = await client.kalman(settings.kalman ?? {}, ctrl.signal);
      if (controller !== ctrl) return;
      lab.setState({ kalman });
      // The regime view is a display of the data, not part of the run: when it cannot be built (too
      // short a series for one bucket) the run still stands and the Regimes panel says why.
      let regimes: RegimeView | null = null, regimesError: string | null = null;
      try {
        regimes = await client.regimes({ nStates: settings.values.nStates ?? 3, seed: settings.values.seed ?? 1, bucketSec: settings.values.regimeBucketSec }, ctrl.signal);
      } catch (e) {
        if (isAborted(e) || e instanceof WorkerExitError) throw e;
        regimesError = e instanceof Error ? e.message : String(e);
      }
      if (controller !== ctrl) return;
      lab.setState({ regimes, regimesError, status: 'done', stale: false });
      controller = null;
      // A λ(δ) on screen follows the run: its regimes are the Regimes panel's, which the settings may have changed.
      const drawn = lab.getState().intensity;
      if (drawn) void drawIntensity(drawn.fitRange[0], drawn.fitRange[1]);
    } catch (e) {
      if (isAborted(e)) return; // a newer run took over, or the user cancelled
      if (controller === ctrl) {
        controller = null;
        // The views on screen are from an earlier run (or half of this one): say so, with the reason.
        // A dead worker (crashed, or its thread ended silently) is replaced by a fresh one on the next run.
        const error = e instanceof WorkerExitError ? `${e.message.replace(/ The next call starts a fresh one\.$/, '')} Press Run to run again on a fresh worker.` : e instanceof Error ? e.message : String(e);
        lab.setState((s) => ({ status: 'error', error, stale: s.summary !== null || s.series !== null }));
      }
    }
  }

  function schedule(delay = RUN_DEBOUNCE_MS) {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => { void runNow(); }, delay);
  }

  const unsubLab = lab.subscribe((s, prev) => {
    const a = s.settings, b = prev.settings;
    // Opening or closing a panel changes the URL, not the numbers.
    if (a.strategy !== b.strategy || a.guard !== b.guard || a.values !== b.values || a.kalman !== b.kalman || a.fillModel !== b.fillModel || a.queueModel !== b.queueModel || a.queuePower !== b.queuePower) schedule();
  });
  const unsubData = dataset.subscribe((s, prev) => {
    if (s.dataset !== prev.dataset) {
      // λ(δ) is of the dataset's trades: another dataset's curve must not stay on screen.
      lab.setState({ compareRows: null, compareStatus: 'idle', intensity: null, intensityError: null, intensityByRegime: null, intensityByRegimeError: null });
      schedule(0);
    }
  });
  if (dataset.getState().dataset) schedule(0);

  return {
    cancel() {
      if (timer) { clearTimeout(timer); timer = null; }
      if (controller) { controller.abort(); controller = null; lab.setState({ status: 'cancelled' }); }
    },
    runNow: () => schedule(0),
    async compare() {
      const d = dataset.getState().dataset;
      if (!d) return;
      compareController?.abort();
      const ctrl = new AbortController();
      compareController = ctrl;
      compareClient.setSource(toLabSource(d, served(d)));
      lab.setState({ compareStatus: 'running', compareError: null });
      try {
        const rows = await compareClient.compare(toBacktestConfig(lab.getState().settings, sigmaBasisOf(d, yearBasis())), STRATEGY_IDS, { signal: ctrl.signal });
        if (compareController === ctrl) lab.setState({ compareRows: rows, compareStatus: 'done' });
      } catch (e) {
        if (!isAborted(e) && compareController === ctrl) lab.setState({ compareStatus: 'error', compareError: e instanceof Error ? e.message : String(e) });
      }
    },
    exportSeries: (names: Parameters<LabClient['exportSeries']>[0]) => client.exportSeries(names),
    /** Another page of the last run's blotter into the store. */
    async fillsPage(offset: number, pageSize?: number) {
      const fills = await client.fillsPage(offset, pageSize);
      lab.setState({ fills });
    },
    blotterCsv: () => client.blotterCsv(),
    intensity: drawIntensity,
    /** The current settings under every applicable fill model, on the compare worker. */
    async modelBand() {
      const d = dataset.getState().dataset;
      if (!d) return;
      compareClient.setSource(toLabSource(d, served(d)));
      lab.setState({ modelBandStatus: 'running', modelBandError: null });
      try {
        const band = await compareClient.modelBand(toBacktestConfig(lab.getState().settings, sigmaBasisOf(d, yearBasis())));
        lab.setState({ modelBand: band, modelBandStatus: 'done' });
      } catch (e) {
        if (!isAborted(e)) lab.setState({ modelBandStatus: 'error', modelBandError: e instanceof Error ? e.message : String(e) });
      }
    },
    stop() {
      unsubLab(); unsubData();
      if (timer) clearTimeout(timer);
      controller?.abort(); compareController?.abort();
      client.terminate(); compareClient.terminate();
    },
  };
}

export type LabRunner = ReturnType<typeof startLabRunner>;
