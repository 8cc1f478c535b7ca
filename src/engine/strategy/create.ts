import { ParamError, positive } from '../util/validate';
import type { HmmParams } from '../regime';
import { createSymmetric } from './symmetric';
import { createSkew } from './skew';
import { createAs } from './avellaneda';
import { causalRegimesInto, createAsRegime } from './as-regime';
import { signalColumn } from './signal-columns';
import { memoOnDataset, valuesKey } from '../data/dataset-memo';
import { createGlft } from './glft';
import { createGuard } from './guard';
import { fairValueParams, kalmanFairInto, type FairValueParams } from './fair-value';
import { regimeSetup, type RegimeSetup } from './regime-model';
import type { Strategy, StrategyId } from './types';

/** The resolved numbers every strategy is built from (no defaults left); the backtest's ResolvedParams extends it. */
export interface StrategyParams {
  strategy: StrategyId;
  orderSize: number;
  halfSpreadBps: number;
  skewBpsPerUnit: number;
  sizeSkew: number;
  gamma: number;
  kappa: number;
  sigma: number;
  horizonSec: number;
  A: number;
  xi: number;
  maxInventory: number;
  warmupTicks: number;
  /** Mean seconds between ticks over the warm-up. */
  meanDtSec: number;
  /** Warm-up median market half-spread, price units. */
  marketHalfSpread: number;
  seed: number;
  /** Time bucket of the regime HMM's observations, seconds (config.regime.bucketSec, or autoBucketSec of the data). */
  regimeBucketSec: number;
}

/** Everything a strategy may be built from: the resolved numbers plus the optional filter, regime and guard settings. */
export interface StrategySetup extends StrategyParams {
  kalman?: { q?: number; r?: number };
  regime?: { model?: HmmParams; nStates?: number; fitTicks?: number; bucketSec?: number; kappaByState?: number[]; sigmaByState?: number[]; seed?: number };
  guard?: { enabled?: boolean; windowSec?: number; adverseBps?: number; imbalanceThreshold?: number; mode?: 'widen' | 'pull'; widenFactor?: number };
}

export interface BuiltStrategy {
  strategy: Strategy;
  /** Label of each regime index the strategy reports (empty when it has none). */
  regimeLabels: string[];
  /** The HMM behind 'as-regime' (undefined for other strategies). */
  regimeModel?: HmmParams;
  /** 'as-regime': the whole fitted regime set-up (model, labels, bucket, buckets fitted, convergence), so views need not refit. */
  regimeSetup?: RegimeSetup;
  /** κ per regime state the strategy quotes with, per price unit. */
  regimeKappaByState?: Float64Array;
  /** The Kalman fair value's q and r ('as-kalman', 'as-regime'). */
  kalman?: FairValueParams;
}

/**
 * q, r of the Kalman fair value: given, or fitted by ML on the warm-up (at least 50 ticks), once per
 * (dataset, warm-up, settings): re-runs with other strategy settings reuse the fit (read-only).
 */
function kalmanFit(s: StrategySetup, time: Float64Array, mid: Float64Array): FairValueParams {
  const fitTicks = Math.max(s.warmupTicks, 50);
  const key = `kalman-fit|${fitTicks}|${s.marketHalfSpread}|${s.kalman?.q}|${s.kalman?.r}`;
  return memoOnDataset(time, mid, key, () => fairValueParams(mid, fitTicks, s.marketHalfSpread, s.kalman));
}

/** The causal regimes of an HMM over `bucketSec` buckets, as a signal-column key (signal-columns.ts). */
function causalRegimeKey(model: HmmParams, bucketSec: number): string {
  return `causal-regime|${bucketSec}|${valuesKey(model.means, model.variances, model.trans, model.init)}`;
}

function perState(name: string, given: number[] | undefined, K: number, fallback: (k: number) => number): Float64Array {
  if (given === undefined) return Float64Array.from({ length: K }, (_, k) => fallback(k));
  if (given.length !== K) throw new ParamError(`config.regime.${name}.length`, `${K} (one per HMM state)`, given.length);
  return Float64Array.from(given, (v, k) => positive(`config.regime.${name}[${k}]`, v));
}

/** Whether the strategy reports a regime per tick (its regime column is then worth storing). */
export function strategyHasRegimes(id: StrategyId): boolean {
  return id === 'as-regime';
}

/**
 * Per-tick columns a strategy fills before the run with what depends on the market alone (the
 * backtest passes its own output columns, so nothing extra is held): the Kalman fair value
 * ('as-kalman', 'as-regime') and the causal regime ('as-regime'). Fresh columns when absent.
 */
export interface StrategySignals {
  fairValue?: Float64Array;
  regime?: Float64Array;
}

/** Builds the configured strategy, wrapped in the adverse-selection guard when enabled. */
export function createStrategy(s: StrategySetup, time: Float64Array, mid: Float64Array, signals: StrategySignals = {}): BuiltStrategy {
  const n = mid.length;
  // A reused column that already holds this fair value (signal-columns.ts) is taken as it is.
  const fairInto = () => {
    const k = kalman!;
    const col = signals.fairValue;
    if (col === undefined) return kalmanFairInto(k, mid, new Float64Array(n));
    return signalColumn(col, time, mid, `kalman-fair|${k.q}|${k.r}`, (into) => kalmanFairInto(k, mid, into));
  };
  let strategy: Strategy;
  let regimeLabels: string[] = [];
  let regimeModel: HmmParams | undefined;
  let regimeSetupOut: RegimeSetup | undefined;
  let regimeKappaByState: Float64Array | undefined;
  let kalman: FairValueParams | undefined;
  switch (s.strategy) {
    case 'symmetric':
      strategy = createSymmetric(s);
      break;
    case 'skew':
      strategy = createSkew(s);
      break;
    case 'as':
      strategy = createAs(s, 'as');
      break;
    case 'as-kalman':
      kalman = kalmanFit(s, time, mid);
      strategy = createAs(s, 'as-kalman', fairInto());
      break;
    case 'as-regime': {
      const reg = regimeSetup(time, mid, { ...s.regime, bucketSec: s.regimeBucketSec, seed: s.regime?.seed ?? s.seed }, s.sigma);
      const K = reg.model.means.length;
      const sigmaByState = perState('sigmaByState', s.regime?.sigmaByState, K, (k) => Math.sqrt(reg.model.variances[k] / reg.bucketSec));
      const kappaByState = perState('kappaByState', s.regime?.kappaByState, K, () => s.kappa);
      kalman = kalmanFit(s, time, mid);
      const regimeCol = signals.regime ?? new Float64Array(n);
      const regimeAt = signalColumn(regimeCol, time, mid, causalRegimeKey(reg.model, reg.bucketSec), (into) => causalRegimesInto(time, mid, reg.model, reg.bucketSec, into));
      strategy = createAsRegime({ ...s, model: reg.model, bucketSec: reg.bucketSec, sigmaByState, kappaByState }, fairInto(), regimeAt);
      regimeLabels = reg.labels;
      regimeModel = reg.model;
      regimeSetupOut = reg;
      regimeKappaByState = kappaByState;
      break;
    }
    case 'glft':
      strategy = createGlft(s);
      break;
    default:
      throw new ParamError('config.strategy', "'symmetric', 'skew', 'as', 'as-kalman', 'as-regime' or 'glft'", s.strategy);
  }
  const g = s.guard;
  if (g?.enabled) {
    const mode = g.mode ?? 'widen';
    if (mode !== 'widen' && mode !== 'pull') throw new ParamError('config.guard.mode', "'widen' or 'pull'", mode);
    strategy = createGuard(strategy, {
      windowSec: positive('config.guard.windowSec', g.windowSec ?? 5),
      adverseBps: positive('config.guard.adverseBps', g.adverseBps ?? 2),
      imbalanceThreshold: positive('config.guard.imbalanceThreshold', g.imbalanceThreshold ?? 0.6),
      mode,
      widenFactor: positive('config.guard.widenFactor', g.widenFactor ?? 2),
    });
  }
  return { strategy, regimeLabels, regimeModel, regimeSetup: regimeSetupOut, regimeKappaByState, kalman };
}
