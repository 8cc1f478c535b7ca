import type { StrategyId } from '../engine';
import type { ParamSpecBase } from './calculator-params';

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

export type LabPanel = 'kalman' | 'regimes' | 'inventory' | 'pnl' | 'compare';
export const LAB_PANELS: readonly LabPanel[] = ['kalman', 'regimes', 'inventory', 'pnl', 'compare'];

export type LabNumericKey = 'gamma' | 'kappa' | 'halfSpreadBps' | 'horizonSec' | 'maxInventory' | 'orderSize' | 'latencySec' | 'makerBps' | 'nStates' | 'seed';

export interface LabNumericSpec extends ParamSpecBase<LabNumericKey> {
  /** undefined: calibrated from the data unless the user sets it. */
  default: number | undefined;
  /** Strategies that use it; all when absent. */
  strategies?: readonly StrategyId[];
}

const AS_LIKE: readonly StrategyId[] = ['as', 'as-kalman', 'as-regime', 'glft'];

export const LAB_SPECS: readonly LabNumericSpec[] = [
  { key: 'gamma', urlKey: 'bg', label: 'Risk aversion', symbol: 'γ', unit: '1/(price·lot)', min: 1e-6, max: 1000, default: undefined, scale: 'log', step: 1e-6, strategies: AS_LIKE },
  { key: 'kappa', urlKey: 'bk', label: 'Order-book decay', symbol: 'κ', unit: '1/price', min: 1e-3, max: 1e5, default: undefined, scale: 'log', step: 1e-3, strategies: AS_LIKE },
  { key: 'horizonSec', urlKey: 'bh', label: 'Rolling horizon', symbol: 'T−t', unit: 's', min: 1, max: 86_400, default: 60, scale: 'log', step: 1, strategies: ['as', 'as-kalman', 'as-regime'] },
  { key: 'halfSpreadBps', urlKey: 'bs', label: 'Half-spread', symbol: 'δ', unit: 'bps', min: 0.01, max: 500, default: undefined, scale: 'log', step: 0.01, strategies: ['symmetric', 'skew'] },
  { key: 'maxInventory', urlKey: 'bq', label: 'Inventory limit', symbol: 'Q', unit: 'lots', min: 1, max: 1000, default: 10, scale: 'log', step: 1, integer: true },
  { key: 'orderSize', urlKey: 'bo', label: 'Order size', symbol: 'Δ', unit: 'asset', min: 0.001, max: 100, default: 1, scale: 'log', step: 0.001 },
  { key: 'latencySec', urlKey: 'bl', label: 'Placement latency', symbol: 'ℓ', unit: 's', min: 0, max: 2, default: 0, scale: 'linear', step: 0.001 },
  { key: 'makerBps', urlKey: 'bf', label: 'Maker fee (− = rebate)', symbol: 'f', unit: 'bps', min: -5, max: 20, default: 0, scale: 'linear', step: 0.1 },
  { key: 'nStates', urlKey: 'bn', label: 'Regime states', symbol: 'K', unit: 'states', min: 2, max: 5, default: 3, scale: 'linear', step: 1, integer: true },
  { key: 'seed', urlKey: 'bz', label: 'Seed', symbol: 'seed', unit: '', min: 1, max: 2_147_483_647, default: 1, scale: 'linear', step: 1, integer: true },
];

export interface LabSettings {
  strategy: StrategyId;
  guard: boolean;
  values: Partial<Record<LabNumericKey, number>>;
  panels: LabPanel[];
}

export const DEFAULT_LAB: Readonly<LabSettings> = {
  strategy: 'as-kalman',
  guard: false,
  values: Object.fromEntries(LAB_SPECS.filter((s) => s.default !== undefined).map((s) => [s.key, s.default])) as Partial<Record<LabNumericKey, number>>,
  panels: [...LAB_PANELS],
};

export function labSpec(key: LabNumericKey): LabNumericSpec {
  return LAB_SPECS.find((s) => s.key === key)!;
}
