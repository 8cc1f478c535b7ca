/**
 * The spread calculator's parameters: one spec per field (range, default, scale, unit), used
 * by the sliders, the clamping of typed values and the URL parser alike, so they never disagree.
 */
export type QuoteModel = 'as' | 'glft';
export type YearBasisId = '24/7' | 'exchange';

export interface CalculatorParams {
  model: QuoteModel;
  /** Risk aversion γ, per price unit. */
  gamma: number;
  /** Order-book decay κ, per price unit (fill intensity A·e^(−κδ)). */
  kappa: number;
  /** GLFT baseline intensity A, fills per second at zero depth. */
  A: number;
  /** Annualised volatility, % of price. */
  sigmaAnnualPct: number;
  /** Signed inventory, lots. */
  q: number;
  /** Inventory bound ±Q for the skew chart, lots. */
  maxQ: number;
  /** Time to close T − t, hours. */
  hoursToClose: number;
  /** Mid price S, quote currency. */
  mid: number;
  /** How many seconds a year has when annualising σ. */
  yearBasis: YearBasisId;
}

export type NumericParam = Exclude<keyof CalculatorParams, 'model' | 'yearBasis'>;

/** What every numeric parameter declares once: its slider, its URL key, its range. */
export interface ParamSpecBase<K extends string> {
  key: K;
  /** Short key used in shared URLs. */
  urlKey: string;
  label: string;
  symbol: string;
  unit: string;
  min: number;
  max: number;
  scale: 'linear' | 'log';
  /** Granularity of typed and slider values. */
  step: number;
  integer?: boolean;
}

export interface NumericSpec extends ParamSpecBase<NumericParam> {
  default: number;
}

export const NUMERIC_SPECS: readonly NumericSpec[] = [
  { key: 'gamma', urlKey: 'g', label: 'Risk aversion', symbol: 'γ', unit: '1/price', min: 0.0001, max: 10, default: 0.1, scale: 'log', step: 0.0001 },
  { key: 'kappa', urlKey: 'k', label: 'Order-book decay', symbol: 'κ', unit: '1/price', min: 0.01, max: 10000, default: 10, scale: 'log', step: 0.01 },
  { key: 'sigmaAnnualPct', urlKey: 's', label: 'Volatility (annualised)', symbol: 'σ', unit: '%/yr', min: 0.1, max: 300, default: 50, scale: 'log', step: 0.1 },
  { key: 'q', urlKey: 'q', label: 'Inventory', symbol: 'q', unit: 'lots', min: -100, max: 100, default: 0, scale: 'linear', step: 1, integer: true },
  { key: 'maxQ', urlKey: 'Q', label: 'Inventory bound', symbol: 'Q', unit: 'lots', min: 1, max: 100, default: 10, scale: 'linear', step: 1, integer: true },
  { key: 'hoursToClose', urlKey: 't', label: 'Time to close', symbol: 'T−t', unit: 'h', min: 0, max: 24, default: 6.5, scale: 'linear', step: 0.05 },
  { key: 'mid', urlKey: 'S', label: 'Mid price', symbol: 'S', unit: 'USD', min: 0.01, max: 1_000_000, default: 100, scale: 'log', step: 0.01 },
  { key: 'A', urlKey: 'A', label: 'Fill intensity at the touch', symbol: 'A', unit: '1/s', min: 0.001, max: 1000, default: 1, scale: 'log', step: 0.001 },
];

export const SPEC_BY_KEY: Readonly<Record<NumericParam, NumericSpec>> = Object.fromEntries(
  NUMERIC_SPECS.map((s) => [s.key, s]),
) as Record<NumericParam, NumericSpec>;

export const DEFAULT_PARAMS: Readonly<CalculatorParams> = {
  model: 'as',
  yearBasis: '24/7',
  ...(Object.fromEntries(NUMERIC_SPECS.map((s) => [s.key, s.default])) as Record<NumericParam, number>),
};

/** Rounds to the spec's step and clamps into its range; reports whether clamping happened. */
export function clampToSpec(spec: NumericSpec, value: number): { value: number; clamped: boolean } {
  const inRange = Math.min(spec.max, Math.max(spec.min, value));
  const stepped = spec.integer ? Math.round(inRange) : roundToStep(inRange, spec.step);
  const bounded = Math.min(spec.max, Math.max(spec.min, stepped));
  return { value: bounded === 0 ? 0 : bounded, clamped: value < spec.min || value > spec.max }; // no -0 in state or links
}

function roundToStep(x: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  return Number((Math.round(x / step) * step).toFixed(decimals));
}
