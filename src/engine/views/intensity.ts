import { intensityCurve, intensityCurveByRegime, type IntensityCurve, type IntensityCurveOptions, type IntensityInput } from '../calibration';
import { CALIBRATED_RANGES, type BacktestResult, type MarketData } from '../backtest';
import { decodeKey, decodeRegimes, type RegimeDecodeOptions } from './regime';
import { memoCopyOnDataset } from '../data/dataset-memo';

/** The fit range of a calibration view, price units (the engine's depth unit); undefined ends take intensityCurve's defaults. */
export interface IntensityViewOptions {
  minDepth?: number;
  maxDepth?: number;
  /** Bootstrap resamples for the bands (default intensityCurve's 200). */
  bootstrap?: number;
}

/** One regime's λ(δ): the name the Regimes panel gives it, its share of time, and the curve or why there is none. */
export interface RegimeIntensityRow {
  state: number;
  /** The regime's name, as in the regime view (labelRegimes with the fitted bucket count). */
  label: string;
  /** Share of the time buckets this regime holds on the hindsight Viterbi path. */
  timeShare: number;
  curve: IntensityCurve | null;
  /** Why the curve could not be drawn (e.g. fewer than 10 trades in this regime). */
  error: string | null;
}

export interface IntensityByRegimeView {
  nStates: number;
  /** Time bucket of the regime model, seconds. */
  bucketSec: number;
  /** false: the run's own regime model; true: fitted for the view (the run had none for these settings). */
  refitted: boolean;
  rows: RegimeIntensityRow[];
}

function tradesOf(data: MarketData, mid: Float64Array): IntensityInput {
  if (!data.tradeTime || data.tradeTime.length === 0 || !data.tradePrice) {
    throw new Error(`λ(δ) needs trades: this dataset has none (${data.high !== undefined ? 'OHLC bars: a bar says a price traded, not how often or how far from the mid' : 'quotes only'}).`);
  }
  return { tradeTime: data.tradeTime, tradePrice: data.tradePrice, quoteTime: data.time, mid };
}

function curveOptions(opts: IntensityViewOptions): IntensityCurveOptions {
  // A fitted κ outside the range a run takes is flagged: a run would sit at the bound.
  return { minDepth: opts.minDepth, maxDepth: opts.maxDepth, bootstrap: opts.bootstrap, kappaBounds: CALIBRATED_RANGES.kappa };
}

/** λ(δ) of the dataset's trades over the fit range, with its fits, bands and warnings (intensityCurve). */
export function buildIntensityView(data: MarketData, mid: Float64Array, opts: IntensityViewOptions = {}): IntensityCurve {
  // The data's own curve, whatever the run: once per (dataset, range).
  return memoCopyOnDataset(data.time, mid, `intensity|${rangeKey(opts)}`, () => intensityCurve(tradesOf(data, mid), curveOptions(opts)));
}

function rangeKey(opts: IntensityViewOptions): string {
  return `${opts.minDepth}|${opts.maxDepth}|${opts.bootstrap}`;
}

/**
 * λ(δ) per regime over the same fit range: the regimes the Regimes panel shows (decodeRegimes with the
 * same K, seed and bucket: the run's own model when it has one), each trade taking the regime of its
 * prevailing quote and each regime's exposure the seconds spent in it (intensityCurveByRegime).
 */
export function buildIntensityByRegimeView(data: MarketData, mid: Float64Array, result: BacktestResult | null, regime: RegimeDecodeOptions, opts: IntensityViewOptions = {}): IntensityByRegimeView {
  const input = tradesOf(data, mid);
  const { reg, tickState, stats, refitted } = decodeRegimes(data, mid, result, regime);
  const K = reg.model.means.length;
  const build = (): IntensityByRegimeView => {
    const curves = intensityCurveByRegime(input, tickState, K, curveOptions(opts));
    const rows = curves.map((c) => ({ state: c.state, label: String(stats[c.state].label), timeShare: stats[c.state].occupancy, curve: c.curve, error: c.error }));
    return { nStates: K, bucketSec: reg.bucketSec, refitted, rows };
  };
  // Refitted regimes depend on the data alone (decodeRegimes' memo): so do their curves.
  return refitted ? memoCopyOnDataset(data.time, mid, `intensity-by-regime|${decodeKey(regime)}|${rangeKey(opts)}`, build) : build();
}
