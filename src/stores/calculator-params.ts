import { YEAR_BASES, type YearBasis } from '../engine';
import { CALCULATOR_SPECS } from '../lib/params/catalog';
import { clampToSpec as clampSpec, type ParamSpec } from '../lib/params/spec';

/**
 * The spread calculator's parameters: one spec per field (range, default, scale, unit), used
 * by the sliders, the clamping of typed values and the URL parser alike, so they never disagree.
 */
export type QuoteModel = 'as' | 'glft';
export type YearBasisId = YearBasis;

/** The year basis a select's value names ('24/7' for anything else). */
export function yearBasisOf(value: string): YearBasisId {
  return YEAR_BASES.find((b) => b === value) ?? '24/7';
}

export interface CalculatorParams {
  model: QuoteModel;
  /** Risk aversion γ, per (price unit × asset unit). */
  gamma: number;
  /** Order-book decay κ, per price unit (fill intensity A·e^(−κδ)). */
  kappa: number;
  /** GLFT baseline intensity A, fills per second at zero depth. */
  A: number;
  /** Annualised volatility, % of price. */
  sigmaAnnualPct: number;
  /** Signed inventory, asset units (the calculator quotes one unit per side). */
  q: number;
  /** Inventory bound ±Q, asset units: bounds the quotes (a side that would exceed it is not quoted) and the skew chart. */
  maxQ: number;
  /** Time to close T − t, hours. */
  hoursToClose: number;
  /** Mid price S, quote currency. */
  mid: number;
  /** How many seconds a year has when annualising σ. */
  yearBasis: YearBasisId;
}

export type NumericParam = Exclude<keyof CalculatorParams, 'model' | 'yearBasis'>;

/** What every numeric parameter declares once (src/lib/params/spec.ts). */
export type ParamSpecBase<K extends string> = Omit<ParamSpec<K>, 'default'>;

export interface NumericSpec extends ParamSpecBase<NumericParam> {
  default: number;
}

/** The calculator's parameters, from the one catalog the backtest shares (src/lib/params/catalog.ts). */
export const NUMERIC_SPECS: readonly NumericSpec[] = CALCULATOR_SPECS;

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
  return clampSpec(spec, value);
}
