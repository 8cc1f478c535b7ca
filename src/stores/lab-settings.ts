import type { StrategyId } from '../engine';
import { BACKTEST_SPECS, type BacktestKey } from '../lib/params/catalog';
import type { ParamSpecBase } from './calculator-params';
import type { ParamSpec } from '../lib/params/spec';

/**
 * The backtest lab's settings: strategy, its parameters, seed, regime count and open panels.
 * Optional numeric fields left unset mean "calibrated from the data" (the engine's defaults);
 * the panel shows the value the engine resolved, and a slider move sets an explicit one.
 */
export const LAB_STRATEGIES: ReadonlyArray<{ id: StrategyId; label: string }> = [
  { id: 'symmetric', label: 'Symmetric (fixed spread)' },
  { id: 'skew', label: 'Linear inventory skew' },
  { id: 'as', label: 'Avellaneda–Stoikov on mid' },
  { id: 'as-kalman', label: 'AS on Kalman fair value' },
  { id: 'as-regime', label: 'AS + Kalman + HMM regimes' },
  { id: 'glft', label: 'GLFT with ±Q bounds' },
];

/** A backtest panel's id (its toggle, and a value of the URL key `p`). */
export type LabPanel = string;
export interface PanelInfo { id: LabPanel; label: string }

/**
 * The panels the app has, in page order. The app registers its list once at start-up
 * (registerPanels, from src/app/panel-registry.ts, the one place a panel is added); this
 * built-in list is only what stores used on their own (unit tests) see.
 */
const catalog: PanelInfo[] = [
  { id: 'pnl', label: 'PnL & risk' }, { id: 'inventory', label: 'Inventory' }, { id: 'kalman', label: 'Kalman' },
  { id: 'regimes', label: 'Regimes' }, { id: 'compare', label: 'Compare' },
];
const ids: LabPanel[] = catalog.map((p) => p.id);
/** Every known panel id, in page order (kept in step with the registered catalog). */
export const LAB_PANELS: readonly LabPanel[] = ids;

export function panelCatalog(): readonly PanelInfo[] {
  return catalog;
}

/** Replaces the panel list (ids, labels, order) and the default set of open panels: every panel. */
export function registerPanels(list: readonly PanelInfo[]): void {
  catalog.splice(0, catalog.length, ...list.map((p) => ({ id: p.id, label: p.label })));
  ids.splice(0, ids.length, ...catalog.map((p) => p.id));
  defaultPanels.splice(0, defaultPanels.length, ...ids);
}

export type LabNumericKey = BacktestKey;

export interface LabNumericSpec extends ParamSpecBase<LabNumericKey> {
  /** undefined: calibrated from the data unless the user sets it. */
  default: number | undefined;
  /** Strategies that use it; all when absent. */
  strategies?: readonly StrategyId[];
}

/** The backtest's parameters, from the one catalog the calculator shares (src/lib/params/catalog.ts). */
export const LAB_SPECS: readonly LabNumericSpec[] = BACKTEST_SPECS as readonly LabNumericSpec[];

/**
 * Local-level Kalman variances set by hand, both in price units² per tick (q: state noise, r:
 * observation noise). They drive the Kalman panel's filter and the backtest's Kalman fair value.
 */
export interface KalmanByHand { q: number; r: number }
export type KalmanKey = keyof KalmanByHand;

export const KALMAN_SPECS: ReadonlyArray<ParamSpecBase<KalmanKey>> = [
  { key: 'q', urlKey: 'kq', label: 'State noise', symbol: 'q', unit: 'price²/tick', min: 1e-12, max: 1e12, scale: 'log', step: 1e-12 },
  { key: 'r', urlKey: 'kr', label: 'Observation noise', symbol: 'r', unit: 'price²/tick', min: 1e-12, max: 1e12, scale: 'log', step: 1e-12 },
];

export function kalmanSpec(key: KalmanKey): ParamSpecBase<KalmanKey> {
  return KALMAN_SPECS.find((s) => s.key === key)!;
}

/** q and r moved into their ranges (a maximum-likelihood r can sit at ~0, below the range), to start hand-setting from a fit. */
export function clampKalman(v: KalmanByHand): KalmanByHand {
  const c = (key: KalmanKey) => { const s = kalmanSpec(key); return Math.min(s.max, Math.max(s.min, Number.isFinite(v[key]) ? v[key] : s.min)); };
  return { q: c('q'), r: c('r') };
}

const sci = (x: number) => x.toExponential(0).replace('e+', 'e');
const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Checks a typed q or r: the number, or a message naming the field and what was wrong (no
 * trailing full stop: callers say what happens instead). Never clamps silently.
 */
export function checkKalmanValue(key: KalmanKey, raw: number | string): { ok: true; value: number } | { ok: false; message: string } {
  const spec = kalmanSpec(key);
  const text = typeof raw === 'number' ? String(raw) : raw.trim();
  const n = typeof raw === 'number' ? raw : NUMBER_TEXT.test(text) ? Number(text) : Number.NaN;
  if (Number.isFinite(n) && n >= spec.min && n <= spec.max) return { ok: true, value: n };
  const got = text === '' ? 'nothing' : JSON.stringify(text.length > 24 ? `${text.slice(0, 24)}…` : text);
  return { ok: false, message: `Kalman ${spec.label.toLowerCase()} ${spec.symbol}: expected a positive number from ${sci(spec.min)} to ${sci(spec.max)} (price units² per tick), got ${got}` };
}

export interface LabSettings {
  strategy: StrategyId;
  guard: boolean;
  values: Partial<Record<LabNumericKey, number>>;
  /** null: q and r fitted (maximum likelihood for the panel, warm-up moments for the backtest); else set by hand. */
  kalman: KalmanByHand | null;
  panels: LabPanel[];
  /** config.fill.model; undefined = chosen from the data (result.resolved.fillModelReason says which and why). */
  fillModel?: string;
  /** config.fill.queueModel for the 'queue' fill model. */
  queueModel?: QueueModel;
  /** config.fill.queuePower: the exponent n of the 'power' queue model (dimensionless); undefined = the engine's 2. */
  queuePower?: number;
}

/** The 'queue' fill model's queue-position models (engine config.fill.queueModel). */
export const QUEUE_MODELS = ['risk-averse', 'power', 'log'] as const;
export type QueueModel = (typeof QUEUE_MODELS)[number];

/** The 'power' queue model's exponent n (URL key `fp`); the engine needs n > 0, the range keeps links sane. */
export const QUEUE_POWER_SPEC: ParamSpec<'queuePower'> = {
  key: 'queuePower', urlKey: 'fp', label: 'Queue power', symbol: 'n', unit: '', min: 0.1, max: 10, scale: 'linear', step: 0.01, default: undefined,
};

const defaultPanels: LabPanel[] = [...ids];

export const DEFAULT_LAB: Readonly<LabSettings> = {
  strategy: 'as-kalman',
  guard: false,
  values: Object.fromEntries(LAB_SPECS.filter((s) => s.default !== undefined).map((s) => [s.key, s.default])) as Partial<Record<LabNumericKey, number>>,
  kalman: null,
  panels: defaultPanels,
};

export function labSpec(key: LabNumericKey): LabNumericSpec {
  return LAB_SPECS.find((s) => s.key === key)!;
}
