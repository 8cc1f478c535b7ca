import { asQuote } from '../quoting/avellaneda-stoikov';
import { calibrateByRegime } from '../calibration';
import { hmmLogLik, posteriors, regimeFitNotes, regimeStats, type RegimeStat } from '../regime';
import { gather, strideIndices } from '../series';
import { regimeSetup, type RegimeSetup } from '../strategy';
import { bucketsOfTicks, regimePath } from '../strategy/regime-path';
import { regimeShares } from '../analytics';
import type { BacktestResult, MarketData } from '../backtest';
import { CHART_BUCKETS } from './series';
import { memoOnDataset, memoPerTickOnDataset } from '../data/dataset-memo';

export interface RegimeRow {
  state: number;
  label: string;
  /** Share of time (of the equal time buckets) this regime holds on the hindsight Viterbi path. */
  timeShare: number;
  /** The state's σ, price units per √second (√(variance / bucketSec)). */
  sigmaPerSqrtSec: number;
  /** Order-arrival decay κ the strategy quotes with in this regime, per price unit (the run's κ unless set per state). */
  kappa: number;
  /** κ of λ(δ) = A·e^(−κδ) fitted on this regime's own trades (calibrateByRegime), per price unit; NaN when too few. */
  kappaTrades: number;
  /** The AS optimal half-spread δ* with this regime's σ and `kappa`, bps of the last mid. */
  halfSpreadBps: number;
  /** Our fills per tick spent in this regime. */
  fillRate: number;
  /** Expected stay 1/(1 − p_kk) buckets, in seconds. */
  expectedDurationSec: number;
  /** Share of the run's PnL earned in this regime (NaN without a run). */
  pnlShare: number;
}

export interface RegimeView {
  nStates: number;
  labels: string[];
  rows: RegimeRow[];
  logLik: number;
  converged: boolean;
  /** Time bucket of the HMM's observations (mid changes over it), seconds. */
  bucketSec: number;
  /** Buckets the model was fitted on (the data's prefix; the rest is out of sample). */
  fittedBuckets: number;
  /** false: the run's own fitted model (result.regimeModel); true: fitted here because the run had none. */
  refitted: boolean;
  /** Downsampled price with its Viterbi state, and stacked smoothed posteriors (row-major points × K). */
  time: Float64Array;
  price: Float64Array;
  state: Float64Array;
  post: Float64Array;
  /** Plain sentences on what the fit can and cannot say (too few buckets, states lasting a bucket or two, no convergence): regimeFitNotes. */
  notes: string[];
}

/** The regime settings a view decodes with (the lab's K, seed and bucket). */
export interface RegimeDecodeOptions { nStates: number; seed: number; fitTicks?: number; bucketSec?: number }

/** A run's regimes decoded for display: the model, its hindsight Viterbi path per bucket and per tick, and each state's name. */
export interface RegimeDecoding {
  reg: RegimeSetup;
  /** Mid changes per time bucket (the HMM's observations). */
  x: Float64Array;
  /** Viterbi state per bucket. */
  path: Int32Array;
  /** Viterbi state of each tick (its bucket's). */
  tickState: Int32Array;
  /** Bucket of each tick of `sample` (the ticks a chart shows); empty without one. No n-length bucket column is kept. */
  sampleBuckets: Int32Array;
  /** Per state: its name (labelRegimes with the fitted bucket count, as the strategy names it), occupancy, σ per bucket. */
  stats: RegimeStat[];
  /** false: the run's own fitted model (result.regimeModel); true: fitted here because the run had none for these settings. */
  refitted: boolean;
}

/**
 * Decodes the regimes a view shows: the run's own model when it answers the same question (same K,
 * and the same bucket when one is asked), else regimeSetup fitted here for the same settings; the
 * Viterbi path over the whole series (hindsight, for display). One decoding for every regime view.
 * A refitted decoding depends only on the data and `opts`: it is computed once per dataset
 * (memoOnDataset), so re-runs of strategies without regimes do not refit. The arrays are shared: read-only.
 */
export function decodeRegimes(data: MarketData, mid: Float64Array, result: BacktestResult | null, opts: RegimeDecodeOptions, sample?: ArrayLike<number>): RegimeDecoding {
  const time = data.time;
  const runFit = result?.regimeModel;
  const own = runFit !== undefined && runFit.model.means.length === opts.nStates && (opts.bucketSec === undefined || opts.bucketSec === runFit.bucketSec) ? runFit : undefined;
  if (own !== undefined) return decodeWith(time, mid, own, false, sample);
  const memo = memoPerTickOnDataset(time, mid, `decode|${decodeKey(opts)}`, () => ({
    dec: decodeWith(time, mid, regimeSetup(time, mid, { nStates: opts.nStates, seed: opts.seed, fitTicks: opts.fitTicks, bucketSec: opts.bucketSec }, 0), true, sample),
    sample: sample === undefined ? undefined : Array.from(sample),
  }));
  const { dec } = memo;
  // The memo holds the first caller's sample buckets: another sample gets its own.
  return sample === undefined || sameIndices(sample, memo.sample) ? dec : { ...dec, sampleBuckets: bucketsOfTicks(regimePath(time, mid, dec.reg.model, dec.reg.bucketSec), sample) };
}

function decodeWith(time: Float64Array, mid: Float64Array, reg: RegimeSetup, refitted: boolean, sample: ArrayLike<number> | undefined): RegimeDecoding {
  const p = regimePath(time, mid, reg.model, reg.bucketSec); // the backtest's own path (memoised per dataset)
  const { x, path, tickState } = p;
  if (x.length === 0) throw new RangeError(`The data spans less than one regime bucket (${reg.bucketSec} s): nothing to decode`);
  const sampleBuckets = sample === undefined ? new Int32Array(0) : bucketsOfTicks(p, sample);
  const stats = regimeStats(x, reg.model, path, reg.fittedBuckets); // the names the strategy got (labelRegimes with the fitted bucket count)
  return { reg, x, path, tickState, sampleBuckets, stats, refitted };
}

/** The settings a refitted decoding depends on, as a memo key. */
export function decodeKey(opts: RegimeDecodeOptions): string {
  return `${opts.nStates}|${opts.seed}|${opts.fitTicks}|${opts.bucketSec}`;
}

function sameIndices(a: ArrayLike<number>, b: ArrayLike<number> | undefined): boolean {
  if (b === undefined || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The regime view of a run: the HMM the run itself fitted when it has one (result.regimeModel: the
 * 'as-regime' strategy's regimeSetup, so nothing is refitted), else the same regimeSetup fitted here
 * for the same settings (mid changes over time buckets, fitted on a prefix); decoded in hindsight
 * over the whole series for display (Viterbi path and smoothed posteriors per bucket, mapped to ticks).
 * δ* uses the κ the strategy quotes with; κ fitted on each regime's own trades (calibrateByRegime)
 * is shown beside it. Fills and PnL are split by the strategy's own causal regime when it has one,
 * else by the displayed path; PnL by regime is analytics' regimeShares (interval (t[i−1], t[i]]
 * booked to the regime in force at its start, regime[i−1]), the one definition.
 */
export function buildRegimeView(data: MarketData, mid: Float64Array, result: BacktestResult | null, opts: RegimeDecodeOptions): RegimeView {
  const n = mid.length;
  const time = data.time;
  const idx = strideIndices(n, 2 * CHART_BUCKETS);
  const { reg, x, tickState, sampleBuckets, stats, refitted } = decodeRegimes(data, mid, result, opts, idx);
  const { model, bucketSec } = reg;
  const K = model.means.length;
  const kappaRun = result?.resolved.kappa ?? 1;
  const kappaByState = result?.regimeLabels.length === K ? result.regimeKappaByState : undefined;
  const gamma = result?.resolved.gamma ?? 0.1;
  const horizon = result?.resolved.horizonSec ?? 60;
  // What depends on the decoding alone: once per dataset when the decoding was refitted (decodeRegimes' memo).
  const fromDecoding = () => ({
    byRegime: data.tradeTime !== undefined && data.tradePrice !== undefined && data.tradeTime.length > 0
      ? calibrateByRegime({ tradeTime: data.tradeTime, tradePrice: data.tradePrice, quoteTime: time, mid }, tickState, K)
      : null,
    postDs: sampledPosteriors(x, model, sampleBuckets),
    logLik: hmmLogLik(x, model),
  });
  const { byRegime, postDs, logLik } = refitted ? memoOnDataset(time, mid, `regime-view|${decodeKey(opts)}|${idx.length}`, fromDecoding) : fromDecoding();
  // Ticks, our fills and PnL per regime: the strategy's own causal regime when it has one (row k =
  // its regime k, same model), else the displayed hindsight path.
  const useOwn = result !== null && result.regimeLabels.length === K && result.regime.length === n;
  const regimeOf: Float64Array | Int32Array = useOwn ? result.regime : tickState;
  const ticksBy = new Float64Array(K), fillsBy = new Float64Array(K);
  for (let i = 0; i < n; i++) { const k = regimeOf[i]; if (k >= 0 && k < K) ticksBy[k]++; }
  let pnlShare: Float64Array | null = null;
  if (result) {
    const m = Math.min(n, result.equity.length);
    const shares = regimeShares(time.subarray(0, m), result.equity.subarray(0, m), regimeOf.subarray(0, m), stats.map((s) => String(s.label)));
    pnlShare = Float64Array.from(shares, (s) => s.pnlShare);
    for (let j = 0; j < result.fills.index.length; j++) { const i = result.fills.index[j]; const k = i < n ? regimeOf[i] : -1; if (k >= 0 && k < K) fillsBy[k]++; }
  }
  const midRef = mid[n - 1];
  const rows: RegimeRow[] = stats.map((s) => {
    const k = s.state;
    const sigmaPerSqrtSec = s.sigmaPerTick / Math.sqrt(bucketSec); // regimeStats works per observation: here per bucket
    const kappaTrades = byRegime?.[k].intensity?.kappa ?? Number.NaN;
    const kappa = kappaByState?.[k] ?? kappaRun;
    const hs = asQuote({ mid: midRef, q: 0, gamma, sigma: sigmaPerSqrtSec, kappa, tau: horizon }).halfSpread;
    return {
      state: k,
      label: String(s.label),
      timeShare: stats[k].occupancy,
      sigmaPerSqrtSec,
      kappa,
      kappaTrades,
      halfSpreadBps: (hs / midRef) * 1e4,
      fillRate: ticksBy[k] > 0 ? fillsBy[k] / ticksBy[k] : 0,
      expectedDurationSec: s.expectedDuration * bucketSec,
      pnlShare: pnlShare ? pnlShare[k] : Number.NaN,
    };
  });
  return {
    nStates: K, labels: reg.labels.map(String), rows, logLik, converged: reg.converged,
    bucketSec, fittedBuckets: reg.fittedBuckets, refitted,
    time: gather(time, idx), price: gather(mid, idx), state: gather(tickState, idx), post: postDs.slice(), // a copy: the lab worker transfers the view
    notes: regimeFitNotes(reg),
  };
}

/** The smoothed posteriors of the sampled ticks' buckets, row-major (points × K). */
function sampledPosteriors(x: Float64Array, model: RegimeSetup['model'], sampleBuckets: Int32Array): Float64Array {
  const K = model.means.length;
  const post = posteriors(x, model);
  const out = new Float64Array(sampleBuckets.length * K);
  for (let p = 0; p < sampleBuckets.length; p++) {
    const b = sampleBuckets[p];
    for (let j = 0; j < K; j++) out[p * K + j] = post[b * K + j];
  }
  return out;
}
