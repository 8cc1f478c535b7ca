import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { FillsView, IntensityCurve, ModelBand, StrategyId, WalkForwardResult } from '../engine';
import type { CompareRow } from '../workers/lab-api';
import type { IntensityByRegimeView, KalmanView, RegimeView, RunSeriesView, RunSummaryView } from '../engine/views';

/** What panels read from the lab, re-exported so features never import workers or the engine's views directly. */
export type { CompareRow } from '../workers/lab-api';
export type { IntensityByRegimeView, KalmanView, RegimeIntensityRow, RegimeRow, RegimeView, RunSeriesView, RunSummaryView } from '../engine/views';
export type { FillsView, IntensityCurve, MarkoutPoint, ModelBand, ModelBandRow } from '../engine';
export type { WalkForwardFold, WalkForwardOptions, WalkForwardPooled, WalkForwardResult } from '../engine';
import { applyParam } from '../lib/params/spec';
import { DEFAULT_LAB, QUEUE_POWER_SPEC, checkKalmanValue, labSpec, type KalmanByHand, type LabNumericKey, type LabPanel, type LabSettings } from './lab-settings';

export type RunStatus = 'idle' | 'running' | 'done' | 'error' | 'cancelled';

/**
 * The backtest lab: settings (shared through the URL), the state of the run in flight, and the
 * chart-ready views the worker sent (downsampled; never per-tick arrays of a million points).
 */
export interface LabState {
  settings: LabSettings;
  status: RunStatus;
  /** Ticks processed / total of the run in flight (or the last one). */
  done: number;
  total: number;
  error: string | null;
  /** The series and views shown are not the current settings' run (it is running, failed, or its worker died). */
  stale: boolean;
  /** Increments with every run started; lets tests and panels tell runs apart. */
  runId: number;
  /** Runs replaced by a newer one before they finished (latest wins). */
  cancelledRuns: number;
  series: RunSeriesView | null;
  summary: RunSummaryView | null;
  kalman: KalmanView | null;
  regimes: RegimeView | null;
  /** Why the last run has no regime view (e.g. the data span less than one regime bucket); the run itself stands. */
  regimesError: string | null;
  /** The last run's fill model (and why), markouts and one page of its blotter. */
  fills: FillsView | null;
  /** The same settings under every applicable fill model (run on demand). */
  modelBand: ModelBand | null;
  modelBandStatus: RunStatus;
  modelBandError: string | null;
  /** λ(δ) of the dataset's trades with its fits (on demand), or why it could not be drawn. */
  intensity: IntensityCurve | null;
  intensityError: string | null;
  /** λ(δ) per regime over the same fit range (drawn with `intensity`), or why it could not be. */
  intensityByRegime: IntensityByRegimeView | null;
  intensityByRegimeError: string | null;
  /** Walk-forward of the lab settings (on demand): per-fold out-of-sample figures and the test parts pooled. */
  walkForward: WalkForwardResult | null;
  walkForwardStatus: RunStatus;
  walkForwardError: string | null;
  /** runId when the walk-forward started: another runId now means the settings changed since. */
  walkForwardRunId: number;
  /** Sets the fill model (undefined: chosen from the data) and the queue model ('queue' only). */
  setFillModel(model: string | undefined, queueModel: LabSettings['queueModel']): void;
  /** Sets the 'power' queue model's exponent n (undefined: the engine's default); clamped into QUEUE_POWER_SPEC with a note in `queuePowerNote`. */
  setQueuePower(n: number | undefined): void;
  /** Notice of the last queue power that was clamped or refused. */
  queuePowerNote?: string;
  /** Compare view: every strategy on the same data and seed. */
  compareStatus: RunStatus;
  compareRows: CompareRow[] | null;
  compareError: string | null;
  /** Replay cursor as a share of the run's time span, 0..1 (1 = everything). */
  replay: number;
  setStrategy(id: StrategyId): void;
  /** Sets a parameter (undefined: back to calibrated); out-of-range values are clamped with a note in `valueNotes`. */
  setValue(key: LabNumericKey, value: number | undefined): void;
  /** Per-parameter notice of the last value that was clamped, rounded or refused. */
  valueNotes: Partial<Record<LabNumericKey, string>>;
  setGuard(on: boolean): void;
  /** Kalman q and r by hand (both valid, else the call changes nothing and returns false), or null to fit them. */
  setKalman(v: KalmanByHand | null): boolean;
  togglePanel(p: LabPanel): void;
  replaceSettings(s: LabSettings): void;
  setReplay(x: number): void;
}

export function createLabStore(initial: LabSettings = DEFAULT_LAB) {
  return createStore<LabState>()((set) => ({
    settings: { ...initial, values: { ...initial.values }, kalman: initial.kalman ? { ...initial.kalman } : null, panels: [...initial.panels] },
    status: 'idle', done: 0, total: 0, error: null, stale: false, runId: 0, cancelledRuns: 0,
    series: null, summary: null, kalman: null, regimes: null, regimesError: null,
    fills: null, modelBand: null, modelBandStatus: 'idle', modelBandError: null, intensity: null, intensityError: null, intensityByRegime: null, intensityByRegimeError: null,
    walkForward: null, walkForwardStatus: 'idle', walkForwardError: null, walkForwardRunId: 0,
    setFillModel: (fillModel, queueModel) => set((s) => ({ settings: { ...s.settings, fillModel, queueModel } })),
    setQueuePower: (n) => set((s) => {
      if (n === undefined) return { settings: { ...s.settings, queuePower: undefined }, queuePowerNote: undefined };
      const r = applyParam(QUEUE_POWER_SPEC, n, s.settings.queuePower);
      return { settings: { ...s.settings, queuePower: r.value }, queuePowerNote: r.notice };
    }),
    compareStatus: 'idle', compareRows: null, compareError: null,
    replay: 1,
    valueNotes: {},
    setStrategy: (strategy) => set((s) => ({ settings: { ...s.settings, strategy } })),
    setValue: (key, value) => set((s) => {
      const values = { ...s.settings.values };
      const valueNotes = { ...s.valueNotes };
      delete valueNotes[key];
      if (value === undefined) delete values[key];
      else {
        const r = applyParam(labSpec(key), value, values[key]);
        if (r.value === undefined) delete values[key];
        else values[key] = r.value;
        if (r.notice) valueNotes[key] = r.notice;
      }
      return { settings: { ...s.settings, values }, valueNotes };
    }),
    setGuard: (guard) => set((s) => ({ settings: { ...s.settings, guard } })),
    setKalman: (v) => {
      if (v !== null && !(checkKalmanValue('q', v.q).ok && checkKalmanValue('r', v.r).ok)) return false;
      set((s) => ({ settings: { ...s.settings, kalman: v === null ? null : { q: v.q, r: v.r } } }));
      return true;
    },
    togglePanel: (p) => set((s) => {
      const open = s.settings.panels.includes(p);
      return { settings: { ...s.settings, panels: open ? s.settings.panels.filter((x) => x !== p) : [...s.settings.panels, p] } };
    }),
    replaceSettings: (settings) => set({ valueNotes: {}, settings: { ...settings, values: { ...settings.values }, kalman: settings.kalman ? { ...settings.kalman } : null, panels: [...settings.panels] } }),
    setReplay: (replay) => set({ replay: Math.min(1, Math.max(0, replay)) }),
  }));
}

export type LabStore = ReturnType<typeof createLabStore>;
export const labStore: LabStore = createLabStore();

export function useLab<T>(selector: (s: LabState) => T): T {
  return useStore(labStore, selector);
}
