import { fitHmm, labelRegimes } from '../regime';
import type { HmmParams } from '../regime';
import { autoBucketSec, bucketReturns } from '../series/time-buckets';
import { integerIn, ParamError, positive } from '../util/validate';
import { memoOnDataset } from '../data/dataset-memo';

export interface RegimeSetup {
  model: HmmParams;
  labels: string[];
  /** Length of the time buckets whose mid changes the model describes, seconds. */
  bucketSec: number;
  /** Buckets the model was fitted on (0 when it was given). */
  fittedBuckets: number;
  /** Baum-Welch converged (true when the model was given or fell back to one state). */
  converged: boolean;
}

export interface RegimeSetupOptions {
  model?: HmmParams;
  nStates?: number;
  fitTicks?: number;
  /** Bucket length, seconds. Default autoBucketSec(time). */
  bucketSec?: number;
  seed?: number;
}

/**
 * Variance floor for regime states, as a fraction of the series variance. Prices live on a tick
 * grid, so many buckets show exactly zero change: without a floor one state collapses onto that
 * point mass (its likelihood grows without bound as its variance shrinks) and labels "no change"
 * instead of a market regime. The floor keeps every state's σ at least the smallest price step
 * seen (a narrower Gaussian cannot be told from "no change"), and at least 10% of the overall σ (1% of the variance).
 */
export function regimeVarFloor(x: Float64Array): number {
  let s = 0, s2 = 0, step = Infinity;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    s += v; s2 += v * v;
    const a = Math.abs(v);
    if (a > 0 && a < step) step = a;
  }
  const n = Math.max(1, x.length);
  const variance = s2 / n - (s / n) ** 2;
  if (!(variance > 0)) return 1e-6;
  const grid = Number.isFinite(step) ? step ** 2 / variance : 0;
  return Math.min(0.5, Math.max(0.01, grid));
}

/** The ticks a regime model is fitted on by default: the first fifth of the data, at least 20 000 ticks (or all). */
export function defaultFitTicks(n: number): number {
  return Math.min(n, Math.max(20_000, Math.round(n / 5)));
}

/**
 * The HMM of the 'as-regime' strategy and of the regime panel: given, or fitted by Baum-Welch
 * (fitHmm) on the mid changes over `bucketSec` time buckets (series/time-buckets.ts) of the first
 * `fitTicks` ticks — an in-sample prefix, so decoding the rest stays free of look-ahead. A prefix
 * too short or too flat to fit falls back to one state of σ = `fallbackSigmaPerSqrtSec`.
 */
export function regimeSetup(time: Float64Array, mid: Float64Array, opts: RegimeSetupOptions, fallbackSigmaPerSqrtSec: number): RegimeSetup {
  const bucketSec = opts.bucketSec === undefined ? autoBucketSec(time) : positive('config.regime.bucketSec', opts.bucketSec);
  if (opts.model !== undefined) return { model: opts.model, labels: labelRegimes(opts.model), bucketSec, fittedBuckets: 0, converged: true };
  const K = integerIn('config.regime.nStates', opts.nStates ?? 3, 2, 5);
  const fitTicks = integerIn('config.regime.fitTicks', opts.fitTicks ?? defaultFitTicks(mid.length), 2, mid.length);
  const seed = opts.seed ?? 1;
  // Once per (dataset, settings): re-runs with other strategy settings, and the regime views, reuse the fit (read-only).
  const fitted = memoOnDataset(time, mid, `regime-setup|${K}|${fitTicks}|${bucketSec}|${seed}`, () => fitRegimes(time, mid, K, fitTicks, bucketSec, seed));
  if (fitted.setup !== null) return fitted.setup;
  const v = fallbackSigmaPerSqrtSec > 0 ? fallbackSigmaPerSqrtSec ** 2 * bucketSec : 1e-12;
  const model = { means: Float64Array.of(0), variances: Float64Array.of(v), trans: Float64Array.of(1), init: Float64Array.of(1) };
  return { model, labels: labelRegimes(model), bucketSec, fittedBuckets: fitted.buckets, converged: true };
}

/** The HMM fit of regimeSetup; setup null when the prefix is too short or too flat to fit (fitHmm's ParamError). */
function fitRegimes(time: Float64Array, mid: Float64Array, K: number, fitTicks: number, bucketSec: number, seed: number): { setup: RegimeSetup | null; buckets: number } {
  const x = bucketReturns(time, mid, bucketSec, fitTicks);
  try {
    const fit = fitHmm(x, { nStates: K, seed, restarts: 3, maxIter: 100, tol: 1e-6, varFloor: regimeVarFloor(x) });
    const model = { means: fit.means, variances: fit.variances, trans: fit.trans, init: fit.init };
    return { setup: { model, labels: labelRegimes(model, x.length), bucketSec, fittedBuckets: x.length, converged: fit.converged }, buckets: x.length };
  } catch (e) {
    if (!(e instanceof ParamError)) throw e;
    return { setup: null, buckets: x.length };
  }
}
