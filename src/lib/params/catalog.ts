import type { ParamSpec } from './spec';

/**
 * Every numeric parameter, declared once. γ, κ, σ, Q and q mean the same thing in the calculator
 * and the backtest: same unit, same range; only the default (a number in the calculator, "calibrated
 * from the data" in the backtest) and the URL key (one per context) differ. Inventory is in asset
 * units everywhere (the calculator quotes one unit per side; the backtest's order size Δ is in
 * asset units too), and γ is per (price unit × asset unit), as the engine takes it.
 */
const GAMMA = { label: 'Risk aversion', symbol: 'γ', unit: '1/(price·asset)', min: 1e-6, max: 1000, scale: 'log', step: 1e-6 } as const;
const KAPPA = { label: 'Order-book decay', symbol: 'κ', unit: '1/price', min: 1e-3, max: 1e5, scale: 'log', step: 1e-3 } as const;
const SIGMA = { label: 'Volatility (annualised)', symbol: 'σ', unit: '%/yr', min: 0.1, max: 300, scale: 'log', step: 0.1 } as const;
// Q and Δ in asset units span instruments: 0.16 BTC, 7,000 EUR, 10^8 of a $0.0001 token (issue 13: defaults sized to the instrument).
const BOUND = { label: 'Inventory bound', symbol: 'Q', unit: 'asset', min: 1e-6, max: 1e12, scale: 'log', step: 1e-6 } as const;

export type CalculatorKey = 'gamma' | 'kappa' | 'sigmaAnnualPct' | 'q' | 'maxQ' | 'hoursToClose' | 'mid' | 'A';

export const CALCULATOR_SPECS: ReadonlyArray<ParamSpec<CalculatorKey> & { default: number }> = [
  { key: 'gamma', urlKey: 'g', ...GAMMA, default: 0.1 },
  { key: 'kappa', urlKey: 'k', ...KAPPA, default: 10 },
  { key: 'sigmaAnnualPct', urlKey: 's', ...SIGMA, default: 50 },
  { key: 'q', urlKey: 'q', label: 'Inventory', symbol: 'q', unit: 'asset', min: -1000, max: 1000, default: 0, scale: 'linear', step: 1, integer: true },
  { key: 'maxQ', urlKey: 'Q', ...BOUND, default: 10 },
  { key: 'hoursToClose', urlKey: 't', label: 'Time to close', symbol: 'T−t', unit: 'h', min: 0, max: 24, default: 6.5, scale: 'linear', step: 0.05 },
  { key: 'mid', urlKey: 'S', label: 'Mid price', symbol: 'S', unit: 'USD', min: 0.01, max: 1_000_000, default: 100, scale: 'log', step: 0.01 },
  { key: 'A', urlKey: 'A', label: 'Fill intensity at the touch', symbol: 'A', unit: '1/s', min: 0.001, max: 1000, default: 1, scale: 'log', step: 0.001 },
];

export type BacktestKey = 'gamma' | 'kappa' | 'sigmaAnnualPct' | 'halfSpreadBps' | 'horizonSec' | 'maxInventory' | 'orderSize' | 'latencySec' | 'makerBps' | 'nStates' | 'regimeBucketSec' | 'seed';

/** Strategy ids as plain strings here (lib depends on nothing); lab-settings narrows them. */
const AS_LIKE = ['as', 'as-kalman', 'as-regime', 'glft'] as const;

export const BACKTEST_SPECS: ReadonlyArray<ParamSpec<BacktestKey> & { strategies?: readonly string[] }> = [
  { key: 'gamma', urlKey: 'bg', ...GAMMA, default: undefined, strategies: AS_LIKE },
  { key: 'kappa', urlKey: 'bk', ...KAPPA, default: undefined, strategies: AS_LIKE },
  { key: 'sigmaAnnualPct', urlKey: 'bv', ...SIGMA, default: undefined, strategies: AS_LIKE },
  { key: 'horizonSec', urlKey: 'bh', label: 'Rolling horizon', symbol: 'T−t', unit: 's', min: 1, max: 86_400, default: 60, scale: 'log', step: 1, strategies: ['as', 'as-kalman', 'as-regime'] },
  { key: 'halfSpreadBps', urlKey: 'bs', label: 'Half-spread', symbol: 'δ', unit: 'bps', min: 0.01, max: 500, default: undefined, scale: 'log', step: 0.01, strategies: ['symmetric', 'skew'] },
  // Order size and inventory limit are sized by the engine to the instrument unless set (about 1,000 quote units per order, Q = 10 orders).
  { key: 'maxInventory', urlKey: 'bq', ...BOUND, label: 'Inventory limit', default: undefined },
  { key: 'orderSize', urlKey: 'bo', label: 'Order size', symbol: 'Δ', unit: 'asset', min: 1e-8, max: 1e11, default: undefined, scale: 'log', step: 1e-8 },
  { key: 'latencySec', urlKey: 'bl', label: 'Placement latency', symbol: 'ℓ', unit: 's', min: 0, max: 2, default: 0, scale: 'linear', step: 0.001 },
  { key: 'makerBps', urlKey: 'bf', label: 'Maker fee (− = rebate)', symbol: 'f', unit: 'bps', min: -5, max: 20, default: 0, scale: 'linear', step: 0.1 },
  { key: 'nStates', urlKey: 'bn', label: 'Regime states', symbol: 'K', unit: 'states', min: 2, max: 5, default: 3, scale: 'linear', step: 1, integer: true },
  { key: 'regimeBucketSec', urlKey: 'bb', label: 'Regime time bucket', symbol: 'Δt', unit: 's', min: 0.001, max: 86_400, default: undefined, scale: 'log', step: 0.001 },
  { key: 'seed', urlKey: 'bz', label: 'Seed', symbol: 'seed', unit: '', min: 1, max: 2_147_483_647, default: 1, scale: 'linear', step: 1, integer: true },
];

/**
 * The parameters the calculator and the backtest share, calculator key → backtest key ("Use in
 * backtest" copies these; "Load from run" copies the run's resolved values back).
 */
export const SHARED_PARAMS: ReadonlyArray<{ calculator: CalculatorKey; backtest: BacktestKey }> = [
  { calculator: 'gamma', backtest: 'gamma' },
  { calculator: 'kappa', backtest: 'kappa' },
  { calculator: 'sigmaAnnualPct', backtest: 'sigmaAnnualPct' },
  { calculator: 'maxQ', backtest: 'maxInventory' },
];
