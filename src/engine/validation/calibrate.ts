import { prepareData } from '../backtest/data';
import { resolveConfig } from '../backtest/config';
import { fairValueParams, type FairValueParams } from '../strategy/fair-value';
import { regimeSetup, type RegimeSetup } from '../strategy/regime-model';
import type { BacktestConfig, MarketData, ResolvedParams } from '../backtest/types';

/** What a calibration part fixed: the resolved parameters and the filters fitted on it. */
export interface FrozenCalibration {
  /** Every parameter resolved on the calibration part (its warm-up is the whole part). */
  resolved: ResolvedParams;
  /** The Kalman fair value's q and r fitted on the part ('as-kalman', 'as-regime'). */
  kalman?: FairValueParams;
  /** The HMM fitted on the part ('as-regime'). */
  regime?: Omit<RegimeSetup, 'model'> & { model: { means: Float64Array; variances: Float64Array; trans: Float64Array; init: Float64Array } };
  /** `config` with every calibrated figure set, so a run on other data re-estimates nothing. */
  config: BacktestConfig;
}

/**
 * Calibrates on `train` only: σ, κ, A, the default γ and half-spread (the warm-up statistics, taken
 * over the whole part), the Kalman q and r (maximum likelihood on the whole part) and the HMM (fitted
 * on the whole part), then returns a config with all of them fixed. Values the caller set stay as set.
 */
export function freezeCalibration(train: MarketData, config: BacktestConfig = {}): FrozenCalibration {
  const d = prepareData(train);
  const resolved = resolveConfig(d, train, { ...config, warmupTicks: d.n - 1 });
  const strategy = resolved.strategy;
  let kalman: FrozenCalibration['kalman'];
  let regime: FrozenCalibration['regime'];
  if (strategy === 'as-kalman' || strategy === 'as-regime') kalman = fairValueParams(d.mid, d.n, resolved.marketHalfSpread, config.kalman);
  if (strategy === 'as-regime') {
    regime = regimeSetup(d.time, d.mid, { ...config.regime, fitTicks: d.n, bucketSec: resolved.regimeBucketSec, seed: config.regime?.seed ?? resolved.seed }, resolved.sigma);
  }
  const fixed: BacktestConfig = {
    ...config,
    sigma: resolved.sigma,
    kappa: resolved.kappa,
    gamma: resolved.gamma,
    A: resolved.A,
    xi: resolved.xi,
    halfSpreadBps: resolved.halfSpreadBps,
    // Instrument defaults read from the data (price decimals, order size ≈ a notional at the first price) are fixed too.
    orderSize: resolved.orderSize,
    tickSize: resolved.tickSize,
    lotSize: resolved.lotSize,
    skewBpsPerUnit: resolved.skewBpsPerUnit,
    capital: resolved.capital,
    fill: { ...config.fill, model: resolved.fillModel, A: resolved.fillA, kappa: resolved.fillKappa },
    limits: { ...config.limits, maxInventory: resolved.maxInventory },
    // Fitted already: the test part quotes from its first tick.
    warmupTicks: 0,
  };
  if (kalman !== undefined) fixed.kalman = { q: kalman.q, r: kalman.r };
  if (regime !== undefined) fixed.regime = { ...config.regime, model: regime.model, bucketSec: regime.bucketSec };
  return { resolved, kalman, regime, config: fixed };
}
