import { prepareData } from '../backtest/data';
import { runBacktest } from '../backtest/run';
import { sharpeConfidence, type SharpeConfidence } from '../stats/sharpe-confidence';
import { kalmanFitNote } from '../filters/kalman-diagnostics';
import { regimeFitNotes } from '../regime/labels';
import { ParamError, integerIn } from '../util/validate';
import { freezeCalibration, type FrozenCalibration } from './calibrate';
import { rangeOfTimes, sliceMarketData, type DataRange } from './slice';
import type { Attribution, Metrics } from '../analytics/types';
import type { BacktestConfig, MarketData, ResolvedParams } from '../backtest/types';

export interface WalkForwardOptions {
  /** Number of folds k (1 = one train/test split), 1..50. */
  folds: number;
  /** Share of each fold's window used for calibration, in (0, 1). */
  trainFraction: number;
  /** true: every train part starts at the first tick (expanding window); false (default): rolling, equal-length windows. */
  anchored?: boolean;
}

export interface WalkForwardFold {
  fold: number;
  trainRange: DataRange;
  testRange: DataRange;
  /** Parameters resolved on the train part only (what the test part ran with). */
  resolved: ResolvedParams;
  /** The Kalman q, r and the HMM fitted on the train part, when the strategy uses them. */
  fitted: Pick<FrozenCalibration, 'kalman' | 'regime'>;
  /** Figures of the run on the test part. */
  metrics: Metrics;
  attribution: Attribution;
  /** Plain sentences on the train part's fits (a degenerate Kalman fit, an HMM short of buckets, …). */
  notes: string[];
}

export interface WalkForwardPooled {
  /** Σ test-part net PnL, quote currency. */
  netPnl: number;
  /** Test-part attributions summed. */
  attribution: Attribution;
  /** Every test part's per-bucket PnL, in time order. */
  bucketPnl: Float64Array;
  /** Sharpe per bucket over bucketPnl, with its bucket count, bootstrap interval and Lo's standard errors. */
  sharpe: SharpeConfidence;
  /** Max drawdown of the test parts' equity chained end to end, quote currency. */
  maxDrawdown: number;
  fills: number;
  /** Seconds of test data. */
  testDurationSec: number;
}

export interface WalkForwardResult {
  folds: WalkForwardFold[];
  pooled: WalkForwardPooled;
  options: Required<WalkForwardOptions>;
}

/** A part needs this many ticks to calibrate on (train) or to report on (test). */
export const MIN_PART_TICKS = 50;

/**
 * Fold layout in time: with window length L = span / (f + k(1 − f)) and step (1 − f)L, fold i tests
 * on [t0 + fL + i·step, t0 + fL + (i + 1)·step) (the last to the end) and trains on the span before
 * it: the L·f before it (rolling) or everything from t0 (anchored). Test parts tile the data after the first train part.
 */
export function walkForwardRanges(time: Float64Array, options: WalkForwardOptions): { train: DataRange; test: DataRange }[] {
  const k = integerIn('options.folds', options?.folds, 1, 50);
  const f = options.trainFraction;
  if (typeof f !== 'number' || !(f > 0 && f < 1)) throw new ParamError('options.trainFraction', 'a number between 0 and 1 (exclusive)', f);
  const anchored = options.anchored ?? false;
  if (typeof anchored !== 'boolean') throw new ParamError('options.anchored', 'true or false', anchored);
  const n = time.length;
  const t0 = time[0], span = time[n - 1] - t0;
  if (!(span > 0)) throw new ParamError('data.time', 'a span longer than 0 s to split into folds', span);
  const L = span / (f + k * (1 - f));
  const step = (1 - f) * L;
  const out: { train: DataRange; test: DataRange }[] = [];
  for (let i = 0; i < k; i++) {
    const testStart = t0 + f * L + i * step;
    const train = rangeOfTimes(time, anchored ? t0 : testStart - f * L, testStart);
    const test = rangeOfTimes(time, testStart, i === k - 1 ? Infinity : testStart + step);
    if (train.to - train.from < MIN_PART_TICKS) throw new ParamError('options.folds', `fewer folds or a larger trainFraction: fold ${i + 1}'s train part has ${train.to - train.from} ticks (needs ${MIN_PART_TICKS})`, k);
    if (test.to - test.from < MIN_PART_TICKS) throw new ParamError('options.folds', `fewer folds or a smaller trainFraction: fold ${i + 1}'s test part has ${test.to - test.from} ticks (needs ${MIN_PART_TICKS})`, k);
    out.push({ train, test });
  }
  return out;
}

/**
 * Walk-forward evaluation: per fold, every calibration and fit (σ, κ, A, γ and the half-spread by
 * default, the Kalman q and r, the HMM) is made on the train part only (freezeCalibration), then the
 * strategy runs on the test part with those values fixed; figures are the test part's. Pooled figures
 * chain the test parts. Deterministic for a given config.seed.
 */
export function walkForward(data: MarketData, config: BacktestConfig = {}, options: WalkForwardOptions): WalkForwardResult {
  const d = prepareData(data);
  const layout = walkForwardRanges(d.time, options);
  const folds: WalkForwardFold[] = [];
  const parts: Float64Array[] = [];
  const attribution: Attribution = { spreadCapture: 0, adverseSelection: 0, inventoryCarry: 0, fees: 0, net: 0 };
  let offset = 0, peak = 0, maxDd = 0, fills = 0, duration = 0;
  layout.forEach(({ train, test }, i) => {
    const frozen = freezeCalibration(sliceMarketData(data, train), config);
    const r = runBacktest(sliceMarketData(data, test), frozen.config);
    const notes: string[] = [];
    const kNote = frozen.kalman !== undefined ? kalmanFitNote(frozen.kalman) : null;
    if (kNote !== null) notes.push(kNote);
    if (frozen.regime !== undefined) notes.push(...regimeFitNotes(frozen.regime));
    folds.push({ fold: i, trainRange: train, testRange: test, resolved: frozen.resolved, fitted: { kalman: frozen.kalman, regime: frozen.regime }, metrics: r.metrics, attribution: r.attribution, notes });
    parts.push(r.metrics.histogram.bucketPnl);
    for (const key of Object.keys(attribution) as (keyof Attribution)[]) attribution[key] += r.attribution[key];
    const eq = r.equity;
    for (let j = 0; j < eq.length; j++) {
      const e = offset + eq[j] - eq[0];
      if (e > peak) peak = e;
      if (peak - e > maxDd) maxDd = peak - e;
    }
    offset += eq[eq.length - 1] - eq[0];
    fills += r.metrics.fills;
    duration += r.metrics.durationSec;
  });
  const total = parts.reduce((s, p) => s + p.length, 0);
  const bucketPnl = new Float64Array(total);
  let at = 0;
  for (const p of parts) { bucketPnl.set(p, at); at += p.length; }
  return {
    folds,
    pooled: {
      netPnl: attribution.net,
      attribution,
      bucketPnl,
      sharpe: sharpeConfidence(bucketPnl, { seed: config.seed ?? 1 }),
      maxDrawdown: maxDd,
      fills,
      testDurationSec: duration,
    },
    options: { folds: options.folds, trainFraction: options.trainFraction, anchored: options.anchored ?? false },
  };
}
