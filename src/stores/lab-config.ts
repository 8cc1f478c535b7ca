import { annualPctToSigmaPerSqrtSec, type BacktestConfig, type YearBasis } from '../engine';
import { referenceMid, toMarketData, type LoadedDataset } from '../engine/data/dataset';
import type { LabDataSource } from '../workers/lab-client';
import type { LabSettings } from './lab-settings';

export { toMarketData };

/**
 * How the backtest's σ (annualised %, the calculator's unit) becomes the engine's (price units per
 * √second): at the data's reference mid (engine/data/dataset.ts referenceMid) and the calculator's year basis.
 */
export interface SigmaBasis { refMid: number; yearBasis: YearBasis }

/**
 * The engine config for the lab's settings; unset values are left to the engine's calibration.
 * Units are the parameter catalog's (src/lib/params/catalog.ts): γ per (price × asset), inventory
 * limit Q in asset units (passed as is), σ in %/yr (converted with `sigmaBasis`; without one a set
 * σ cannot be converted and is left to calibration).
 */
export function toBacktestConfig(s: LabSettings, sigmaBasis?: SigmaBasis): BacktestConfig {
  const v = s.values;
  const sigma = v.sigmaAnnualPct !== undefined && sigmaBasis && sigmaBasis.refMid > 0
    ? annualPctToSigmaPerSqrtSec(v.sigmaAnnualPct, sigmaBasis.refMid, sigmaBasis.yearBasis)
    : undefined;
  return {
    strategy: s.strategy,
    orderSize: v.orderSize,
    gamma: v.gamma,
    kappa: v.kappa,
    sigma,
    horizonSec: v.horizonSec,
    halfSpreadBps: v.halfSpreadBps,
    latencySec: v.latencySec,
    fees: { makerBps: v.makerBps },
    limits: { maxInventory: v.maxInventory },
    regime: { nStates: v.nStates ?? 3, bucketSec: v.regimeBucketSec },
    // q, r by hand drive the Kalman fair value (as-kalman, as-regime); unset, the engine fits them on the warm-up.
    kalman: s.kalman ? { q: s.kalman.q, r: s.kalman.r } : undefined,
    guard: { enabled: s.guard },
    // Any of the three set is passed: a queue model chosen while the model itself is left to the data still applies when the data picks 'queue'.
    fill: s.fillModel !== undefined || s.queueModel !== undefined || s.queuePower !== undefined
      ? { model: s.fillModel, queueModel: s.queueModel, queuePower: s.queuePower }
      : undefined,
    seed: v.seed ?? 1,
    // One year basis for the calculator and the run's annualised figures (issue 14): 24/7 or exchange hours.
    yearBasis: sigmaBasis?.yearBasis,
    // Small chunks so the first partial view reaches the page early; the worker throttles what it sends.
    progressChunk: 20_000,
  };
}

/**
 * What the lab worker needs from a loaded dataset: served by the dataset worker when it holds it
 * (`served`: a port maker, so the columns never pass through the page), else regenerated from its
 * seed (synthetic), else copied from the page's columns.
 */
export function toLabSource(d: LoadedDataset, served: (() => Promise<MessagePort>) | null = null): LabDataSource {
  const key = `${d.name}:${d.rowsRead}:${d.columns.time?.length ?? 0}`;
  if (served) return { kind: 'served', key, connect: served };
  if (d.source === 'synthetic' && d.seed !== undefined && d.nTicks !== undefined) return { kind: 'synthetic', seed: d.seed, nTicks: d.nTicks };
  return { kind: 'columns', key, data: toMarketData(d) };
}

/** The σ basis of a dataset: its reference mid (as the dataset worker found it, else from the page's columns), with the calculator's year basis. */
export function sigmaBasisOf(d: LoadedDataset, yearBasis: YearBasis): SigmaBasis {
  return { refMid: d.refMid ?? referenceMid(toMarketData(d)), yearBasis };
}
