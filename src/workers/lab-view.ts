import {
  asQuote,
  autocorrelations,
  bucketReturns,
  calibrateByRegime,
  fitLocalLevel,
  fitOU,
  gather,
  kalmanDiagnostics,
  kalmanLocalLevel,
  hmmLogLik,
  ljungBox,
  minMaxIndices,
  posteriors,
  regimeSetup,
  regimeStats,
  strideIndices,
  tickBuckets,
  viterbi,
  type BacktestResult,
  type FairValueParams,
  type MarketData,
} from '../engine';
import { referenceMid } from '../engine/data/dataset';

/**
 * Chart-ready views of engine results, built in the worker so the main thread only ever
 * receives a few thousand points per series. Everything here is plain data (typed arrays and
 * numbers) that structured clone or transfer can move.
 */
/**
 * Min-max buckets of a finished run's series → at most 2·125 + 2 points per series, a point per
 * ~2 px of a 500 px plot. recharts builds objects per point and line on every redraw (~15 µs
 * each here, CPU profile), so this keeps one chart's draw to a few tens of ms (no long tasks).
 */
export const CHART_BUCKETS = 125;
/** Partial views while a run streams: coarser still, so live redraws stay cheap. */
export const PARTIAL_BUCKETS = 60;

export interface PriceView { time: Float64Array; mid: Float64Array; fairValue: Float64Array; bid: Float64Array; ask: Float64Array; regime: Float64Array }
export interface InventoryView { time: Float64Array; inventory: Float64Array }
export interface PnlView { time: Float64Array; pnl: Float64Array; buyHold: Float64Array; drawdown: Float64Array }

/** The downsampled per-tick series of a (possibly partial) backtest, over ticks [0, upTo). */
export interface RunSeriesView {
  upTo: number;
  total: number;
  price: PriceView;
  inventory: InventoryView;
  pnl: PnlView;
}

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

export interface RunSummaryView {
  metrics: BacktestResult['metrics'];
  attribution: BacktestResult['attribution'];
  benchmark: BacktestResult['benchmark'];
  regimeShares: BacktestResult['regimeShares'];
  riskLog: BacktestResult['riskLog'];
  resolved: BacktestResult['resolved'];
  /** The run's reference mid (engine/data/dataset.ts referenceMid), at which σ converts to and from %/yr. */
  refMid: number;
  fills: number;
  /** Downsampled fills for markers: time, price, side (+1 bought). */
  fillMarks: { time: Float64Array; price: Float64Array; side: Float64Array };
  /** Histogram of inventory (time-weighted by ticks): bin centres and shares. */
  inventoryHist: { centre: Float64Array; share: Float64Array };
}

/** Series of ticks [0, upTo) of a result-like set of arrays, min-max downsampled per chart. */
export function buildSeriesView(r: Pick<BacktestResult, 'time' | 'mid' | 'fairValue' | 'bid' | 'ask' | 'inventory' | 'equity' | 'regime'>, upTo: number, orderSize = 1, buckets = CHART_BUCKETS): RunSeriesView {
  const n = upTo;
  const time = r.time.subarray(0, n);
  const mid = r.mid.subarray(0, n);
  const equity = r.equity.subarray(0, n);
  const inventory = r.inventory.subarray(0, n);
  const pI = minMaxIndices(mid, buckets);
  const iI = minMaxIndices(inventory, buckets);
  const e0 = n > 0 ? equity[0] : 0;
  const pnl = new Float64Array(n);
  const drawdown = new Float64Array(n);
  const buyHold = new Float64Array(n);
  let peak = -Infinity;
  let deepest = 0;
  const entry = n > 0 ? r.ask[0] : 0;
  for (let i = 0; i < n; i++) {
    pnl[i] = equity[i] - e0;
    if (pnl[i] > peak) peak = pnl[i];
    drawdown[i] = pnl[i] - peak;
    if (drawdown[i] < drawdown[deepest]) deepest = i;
    buyHold[i] = (mid[i] - entry) * orderSize;
  }
  // PnL's min-max points need not hold the deepest drawdown (a bucket's low can follow a new peak): keep it too.
  const eI = withIndex(minMaxIndices(pnl, buckets), deepest, n);
  return {
    upTo: n,
    total: r.time.length,
    price: { time: gather(time, pI), mid: gather(mid, pI), fairValue: gather(r.fairValue, pI), bid: gather(r.bid, pI), ask: gather(r.ask, pI), regime: gather(r.regime, pI) },
    inventory: { time: gather(time, iI), inventory: gather(inventory, iI) },
    pnl: { time: gather(time, eI), pnl: gather(pnl, eI), buyHold: gather(buyHold, eI), drawdown: gather(drawdown, eI) },
  };
}

/** Sorted indices `idx` with `i` inserted in order (unchanged when present or out of range). */
function withIndex(idx: Int32Array, i: number, n: number): Int32Array {
  if (i < 0 || i >= n) return idx;
  let k = 0;
  while (k < idx.length && idx[k] < i) k++;
  if (idx[k] === i) return idx;
  const out = new Int32Array(idx.length + 1);
  out.set(idx.subarray(0, k), 0);
  out[k] = i;
  out.set(idx.subarray(k), k + 1);
  return out;
}

export function buildSummaryView(r: BacktestResult): RunSummaryView {
  const nf = r.fills.time.length;
  const fi = strideIndices(nf, 2000);
  const inv = r.inventory;
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < inv.length; i++) { if (inv[i] < lo) lo = inv[i]; if (inv[i] > hi) hi = inv[i]; }
  const bins = Math.max(1, Math.min(41, Math.round(hi - lo) + 1));
  const width = hi > lo ? (hi - lo) / bins : 1;
  const counts = new Float64Array(bins);
  for (let i = 0; i < inv.length; i++) counts[Math.min(bins - 1, Math.floor((inv[i] - lo) / width))]++;
  const centre = new Float64Array(bins);
  for (let b = 0; b < bins; b++) { centre[b] = lo + (b + 0.5) * width; counts[b] /= Math.max(1, inv.length); }
  return {
    metrics: r.metrics,
    attribution: r.attribution,
    benchmark: r.benchmark,
    regimeShares: r.regimeShares,
    riskLog: r.riskLog.slice(0, 200),
    resolved: r.resolved,
    refMid: referenceMid({ mid: r.mid }),
    fills: nf,
    fillMarks: { time: gather(r.fills.time, fi), price: gather(r.fills.price, fi), side: gather(r.fills.side, fi) },
    inventoryHist: { centre, share: counts },
  };
}

export interface KalmanView {
  /** Variances used, price units² per tick. */
  q: number;
  r: number;
  /** Both q and r were given (set by hand) rather than fitted. */
  byHand: boolean;
  /** Ticks of the fit (0 when set by hand). */
  fittedOn: number;
  /** How a fitted q and r were estimated: maximum likelihood, or moments when the likelihood could not be fitted. */
  fitMethod: 'ml' | 'moments';
  /** The q and r are the ones the run's Kalman fair value used (its warm-up fit, or the same hand-set values). */
  sharedWithStrategy: boolean;
  steadyStateGain: number;
  innovationStd: number;
  rmseFilteredVsRaw: number;
  smoothingRatio: number;
  ljungBoxQ: number;
  ljungBoxP: number;
  lags: number;
  acf: Float64Array;
  ou: { kappa: number; mu: number; sigma: number; halfLife: number; phi: number } | null;
  ouError: string | null;
  /** Downsampled raw and filtered mid, gain and innovations. */
  time: Float64Array;
  raw: Float64Array;
  filtered: Float64Array;
  gain: Float64Array;
  innovation: Float64Array;
}

/** Kalman local-level filter on the mid: (q, r) by hand, else the run's own fair-value fit when it has one, else maximum likelihood on a prefix. */
export function buildKalmanView(
  data: MarketData, mid: Float64Array,
  opts: { q?: number; r?: number; fitTicks?: number; lags?: number; strategyFit?: FairValueParams } = {},
): KalmanView {
  const n = mid.length;
  let fitN = Math.min(n, opts.fitTicks ?? 20_000);
  let q = opts.q, r = opts.r;
  const byHand = q !== undefined && r !== undefined;
  let fitMethod: KalmanView['fitMethod'] = 'ml';
  const shared = opts.strategyFit;
  let sharedWithStrategy = false;
  if (!byHand && shared !== undefined && shared.source !== 'given') {
    // The run fitted its own fair value: show that filter, so the panel and the quotes agree.
    q = shared.q; r = shared.r; fitN = shared.fitTicks; fitMethod = shared.source; sharedWithStrategy = true;
  } else if (q === undefined || r === undefined) {
    const fit = fitLocalLevel(mid.subarray(0, fitN));
    q ??= fit.q;
    r ??= fit.r;
  } else {
    sharedWithStrategy = shared?.source === 'given' && shared.q === q && shared.r === r;
  }
  const params = { q, r, x0: mid[0], p0: r + q };
  const k = kalmanLocalLevel(mid, params);
  const diag = kalmanDiagnostics(mid, k, params);
  const lags = Math.min(opts.lags ?? 20, Math.max(1, n - 2));
  const lb = ljungBox(k.innovation, lags);
  const acf = autocorrelations(k.innovation, lags);
  let ou: KalmanView['ou'] = null;
  let ouError: string | null = null;
  try {
    const dt = n > 1 ? (data.time[n - 1] - data.time[0]) / (n - 1) : 1;
    ou = fitOU(k.mean, dt > 0 ? dt : 1);
  } catch (e) {
    ouError = e instanceof Error ? e.message : String(e);
  }
  const idx = minMaxIndices(mid, CHART_BUCKETS);
  return {
    q, r, byHand, fittedOn: byHand ? 0 : fitN, fitMethod, sharedWithStrategy,
    steadyStateGain: diag.steadyStateGain,
    innovationStd: diag.innovationStd,
    rmseFilteredVsRaw: diag.rmseFilteredVsRaw,
    smoothingRatio: diag.smoothingRatio,
    ljungBoxQ: lb.q, ljungBoxP: lb.pValue, lags, acf, ou, ouError,
    time: gather(data.time, idx), raw: gather(mid, idx), filtered: gather(k.mean, idx), gain: gather(k.gain, idx), innovation: gather(k.innovation, idx),
  };
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
  /** Downsampled price with its Viterbi state, and stacked smoothed posteriors (row-major points × K). */
  time: Float64Array;
  price: Float64Array;
  state: Float64Array;
  post: Float64Array;
}

/**
 * The regime model the 'as-regime' strategy fits for the same settings (regimeSetup: mid changes over
 * time buckets, fitted on a prefix), decoded in hindsight over the whole series for display: Viterbi
 * path and smoothed posteriors per bucket, mapped to ticks. δ* uses the κ the strategy quotes with;
 * κ fitted on each regime's own trades (calibrateByRegime) is shown beside it; fills and PnL are split by the strategy's own
 * causal regime when it has one, else by the displayed path.
 */
export function buildRegimeView(data: MarketData, mid: Float64Array, result: BacktestResult | null, opts: { nStates: number; seed: number; fitTicks?: number; bucketSec?: number }): RegimeView {
  const n = mid.length;
  const time = data.time;
  const reg = regimeSetup(time, mid, { nStates: opts.nStates, seed: opts.seed, fitTicks: opts.fitTicks, bucketSec: opts.bucketSec }, 0);
  const { model, bucketSec } = reg;
  const K = model.means.length;
  const x = bucketReturns(time, mid, bucketSec);
  if (x.length === 0) throw new RangeError(`The data spans less than one regime bucket (${bucketSec} s): nothing to decode`);
  const path = viterbi(x, model);
  const post = posteriors(x, model);
  const bucketOf = tickBuckets(time, bucketSec, x.length - 1);
  const tickState = new Int32Array(n);
  for (let i = 0; i < n; i++) tickState[i] = path[bucketOf[i]];
  const stats = regimeStats(x, model, path);
  const kappaRun = result?.resolved.kappa ?? 1;
  const kappaByState = result?.regimeLabels.length === K ? result.regimeKappaByState : undefined;
  const gamma = result?.resolved.gamma ?? 0.1;
  const horizon = result?.resolved.horizonSec ?? 60;
  const byRegime = data.tradeTime !== undefined && data.tradePrice !== undefined && data.tradeTime.length > 0
    ? calibrateByRegime({ tradeTime: data.tradeTime, tradePrice: data.tradePrice, quoteTime: time, mid }, tickState, K)
    : null;
  // Ticks, our fills and PnL per regime: the strategy's own causal regime when it has one (row k =
  // its regime k, same model), else the displayed hindsight path.
  const ticksBy = new Float64Array(K), fillsBy = new Float64Array(K), pnlBy = new Float64Array(K);
  let regimeOf: ArrayLike<number> = tickState;
  if (result && result.regimeLabels.length === K && result.regime.length === n) regimeOf = result.regime;
  for (let i = 0; i < n; i++) { const k = regimeOf[i]; if (k >= 0 && k < K) ticksBy[k]++; }
  let pnlTotal = 0;
  if (result) {
    const m = Math.min(n, result.equity.length);
    for (let i = 1; i < m; i++) { const k = regimeOf[i]; const d = result.equity[i] - result.equity[i - 1]; pnlTotal += d; if (k >= 0 && k < K) pnlBy[k] += d; }
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
      pnlShare: result && pnlTotal !== 0 ? pnlBy[k] / pnlTotal : Number.NaN,
    };
  });
  const idx = strideIndices(n, 2 * CHART_BUCKETS);
  const postDs = new Float64Array(idx.length * K);
  for (let p = 0; p < idx.length; p++) {
    const b = bucketOf[idx[p]];
    for (let j = 0; j < K; j++) postDs[p * K + j] = post[b * K + j];
  }
  return {
    nStates: K, labels: reg.labels.map(String), rows, logLik: hmmLogLik(x, model), converged: reg.converged,
    bucketSec, fittedBuckets: reg.fittedBuckets,
    time: gather(time, idx), price: gather(mid, idx), state: gather(tickState, idx), post: postDs,
  };
}
