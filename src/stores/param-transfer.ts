import { sigmaPerSqrtSecToAnnualPct } from '../engine';
import { SHARED_PARAMS } from '../lib/params/catalog';
import { DEFAULT_LAB, type LabNumericKey } from './lab-settings';
import type { LabStore, RunSummaryView } from './lab-store';
import type { ParamsStore } from './params-store';

/**
 * Moves the shared parameters (γ, κ, σ, Q: src/lib/params/catalog.ts SHARED_PARAMS) between the
 * calculator and the backtest. Both sides use the same units, so values are copied as they are and
 * only clamped (with the usual per-field notice) when a run resolved one outside the sliders' range.
 */

/** "Use in backtest": the calculator's γ, κ, σ and Q become the backtest's explicit values (the run follows). */
export function copyCalculatorToBacktest(params: ParamsStore, lab: LabStore): void {
  const p = params.getState().params;
  const set = lab.getState().setValue;
  for (const { calculator, backtest } of SHARED_PARAMS) set(backtest, p[calculator]);
}

/**
 * "Load from run": the last run's resolved γ, κ, σ (price/√s → %/yr at the run's reference mid and
 * the calculator's year basis) and inventory limit, and that mid as S, into the calculator.
 * Returns false when there is no finished run to load from.
 */
export function loadRunIntoCalculator(params: ParamsStore, lab: LabStore): boolean {
  const summary = lab.getState().summary;
  if (!summary) return false;
  const r = summary.resolved;
  const refMid = summary.refMid;
  const setNumber = params.getState().setNumber;
  const basis = params.getState().params.yearBasis;
  if (refMid > 0) setNumber('mid', refMid);
  setNumber('gamma', r.gamma);
  setNumber('kappa', r.kappa);
  if (refMid > 0) setNumber('sigmaAnnualPct', sigmaPerSqrtSecToAnnualPct(r.sigma, refMid, basis));
  if (Number.isFinite(r.maxInventory)) setNumber('maxQ', r.maxInventory);
  return true;
}

/**
 * The last run's resolved values in the backtest controls' own keys and units (σ: price/√s → %/yr
 * at the run's reference mid and year basis), for a control left on 'auto' to show what the run used.
 */
export function resolvedLabValues(summary: RunSummaryView | null): Partial<Record<LabNumericKey, number>> {
  if (!summary) return {};
  const r = summary.resolved;
  const out: Partial<Record<LabNumericKey, number>> = {
    gamma: r.gamma, kappa: r.kappa, horizonSec: r.horizonSec, halfSpreadBps: r.halfSpreadBps, maxInventory: r.maxInventory,
    orderSize: r.orderSize, latencySec: r.latencySec, makerBps: r.makerBps, regimeBucketSec: r.regimeBucketSec, seed: r.seed,
  };
  if (r.sigma !== undefined && summary.refMid > 0) out.sigmaAnnualPct = sigmaPerSqrtSecToAnnualPct(r.sigma, summary.refMid, r.yearBasis);
  return out;
}

/** "Reset parameters": every calculator and backtest control back to its default (strategy, values, guard, Kalman, open panels). */
export function resetAllParameters(params: ParamsStore, lab: LabStore): void {
  params.getState().reset();
  lab.getState().replaceSettings(DEFAULT_LAB);
}
