import { isAborted } from '../workers/bridge';
import { LabClient } from '../workers/lab-client';
import type { LoadedDataset } from '../workers/csv-client';
import type { WalkForwardOptions, YearBasis } from '../engine';
import type { DatasetStore } from './dataset-store';
import type { LabStore } from './lab-store';
import { sigmaBasisOf, toBacktestConfig, toLabSource } from './lab-config';

export interface WalkForwardRunnerOptions {
  /** The calculator's year basis, at which a backtest σ in %/yr converts (as for the run). */
  yearBasis?: () => YearBasis;
  /** A port maker to the dataset worker when it holds `d` (the worker then takes the columns from it). */
  served?: (d: LoadedDataset) => (() => Promise<MessagePort>) | null;
  client?: LabClient;
}

/**
 * Walk-forward on demand, in a lab worker of its own (so the backtest keeps running while it works),
 * started for the call and shut down after it: it holds a copy of the dataset only while needed.
 * Results go to labStore.walkForward; a new dataset clears them, an error says why.
 */
export function createWalkForwardRunner(lab: LabStore, dataset: DatasetStore, opts: WalkForwardRunnerOptions = {}) {
  const client = opts.client ?? new LabClient();
  const yearBasis = opts.yearBasis ?? (() => '24/7' as const);
  const served = opts.served ?? (() => null);
  let controller: AbortController | null = null;

  const unsub = dataset.subscribe((s, prev) => {
    if (s.dataset === prev.dataset) return;
    controller?.abort();
    controller = null;
    lab.setState({ walkForward: null, walkForwardStatus: 'idle', walkForwardError: null });
  });

  return {
    async run(options: WalkForwardOptions): Promise<void> {
      const d = dataset.getState().dataset;
      if (!d) { lab.setState({ walkForwardStatus: 'error', walkForwardError: 'No dataset is loaded: load a sample or a file first.' }); return; }
      controller?.abort();
      const ctrl = new AbortController();
      controller = ctrl;
      client.setSource(toLabSource(d, served(d)));
      lab.setState((s) => ({ walkForwardStatus: 'running', walkForwardError: null, walkForwardRunId: s.runId }));
      try {
        const result = await client.walkForward(toBacktestConfig(lab.getState().settings, sigmaBasisOf(d, yearBasis())), options, ctrl.signal);
        if (controller === ctrl) lab.setState({ walkForward: result, walkForwardStatus: 'done' });
      } catch (e) {
        if (controller === ctrl) lab.setState({ walkForwardStatus: isAborted(e) ? 'cancelled' : 'error', walkForwardError: isAborted(e) ? null : e instanceof Error ? e.message : String(e) });
      } finally {
        if (controller === ctrl) { controller = null; client.terminate(); }
      }
    },
    cancel(): void {
      controller?.abort();
    },
    stop(): void {
      unsub();
      controller?.abort();
      client.terminate();
    },
  };
}

export type WalkForwardRunner = ReturnType<typeof createWalkForwardRunner>;
