import {
  asQuote,
  autocorrelations,
  fitHmm,
  fitLocalLevel,
  fitOU,
  gather,
  kalmanDiagnostics,
  kalmanLocalLevel,
  labelRegimes,
  ljungBox,
  minMaxIndices,
  posteriors,
  regimeStats,
  strideIndices,
  viterbi,
  type BacktestResult,
  type MarketData,
} from '../engine';

/**
 * Chart-ready views of engine results, built in the worker so the main thread only ever
 * receives a few thousand points per series. Everything here is plain data (typed arrays and
 * numbers) that structured clone or transfer can move.
 */
export const CHART_BUCKETS = 250; // → at most ~500 points per chart: a min-max pair per ~2 px of a 500 px plot
/** Partial views while a run streams: coarser, so live redraws stay cheap (recharts costs grow with points). */
export const PARTIAL_BUCKETS = 120;

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
  timeShare: number;
  sigmaPerTick: number;
  kappa: number;
  halfSpreadBps: number;
  fillRate: number;
  expectedDurationTicks: number;
  pnlShare: number;
}

export interface RunSummaryView {
  metrics: BacktestResult['metrics'];
  attribution: BacktestResult['attribution'];
  benchmark: BacktestResult['benchmark'];
  regimeShares: BacktestResult['regimeShares'];
  riskLog: BacktestResult['riskLog'];
  resolved: BacktestResult['resolved'];
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
  const entry = n > 0 ? r.ask[0] : 0;
  for (let i = 0; i < n; i++) {
    pnl[i] = equity[i] - e0;
    if (pnl[i] > peak) peak = pnl[i];
    drawdown[i] = pnl[i] - peak;
    buyHold[i] = (mid[i] - entry) * orderSize;
  }
  const eI = minMaxIndices(pnl, buckets);
  return {
    upTo: n,
    total: r.time.length,
    price: { time: gather(time, pI), mid: gather(mid, pI), fairValue: gather(r.fairValue, pI), bid: gather(r.bid, pI), ask: gather(r.ask, pI), regime: gather(r.regime, pI) },
    inventory: { time: gather(time, iI), inventory: gather(inventory, iI) },
    pnl: { time: gather(time, eI), pnl: gather(pnl, eI), buyHold: gather(buyHold, eI), drawdown: gather(drawdown, eI) },
  };
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
    fills: nf,
    fillMarks: { time: gather(r.fills.time, fi), price: gather(r.fills.price, fi), side: gather(r.fills.side, fi) },
    inventoryHist: { centre, share: counts },
  };
}

export interface KalmanView {
  q: number;
  r: number;
  fittedOn: number;
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

/** Kalman local-level filter on the mid, (q, r) by maximum likelihood on a prefix unless given. */
export function buildKalmanView(data: MarketData, mid: Float64Array, opts: { q?: number; r?: number; fitTicks?: number; lags?: number } = {}): KalmanView {
  const n = mid.length;
  const fitN = Math.min(n, opts.fitTicks ?? 20_000);
  let q = opts.q, r = opts.r;
  if (q === undefined || r === undefined) {
    const fit = fitLocalLevel(mid.subarray(0, fitN));
    q ??= fit.q;
    r ??= fit.r;
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
    q, r, fittedOn: fitN,
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
  /** Downsampled price with its Viterbi state, and stacked smoothed posteriors (row-major points × K). */
  time: Float64Array;
  price: Float64Array;
  state: Float64Array;
  post: Float64Array;
}

/** HMM on per-tick mid changes: fit on a prefix, Viterbi and posteriors on everything (display only). */
export function buildRegimeView(data: MarketData, mid: Float64Array, result: BacktestResult | null, opts: { nStates: number; seed: number; fitTicks?: number }): RegimeView {
  const n = mid.length;
  const x = new Float64Array(Math.max(0, n - 1));
  for (let i = 1; i < n; i++) x[i - 1] = mid[i] - mid[i - 1];
  const fitN = Math.min(x.length, opts.fitTicks ?? 20_000);
  const model = fitHmm(x.subarray(0, fitN), { nStates: opts.nStates, seed: opts.seed, restarts: 3, maxIter: 100 });
  const path = viterbi(x, model);
  const post = posteriors(x, model);
  const labels = labelRegimes(model).map(String);
  const stats = regimeStats(x, model, path);
  const K = opts.nStates;
  const kappa = result?.resolved.kappa ?? 1;
  const gamma = result?.resolved.gamma ?? 0.1;
  const horizon = result?.resolved.horizonSec ?? 60;
  const dt = n > 1 ? Math.max(1e-9, (data.time[n - 1] - data.time[0]) / (n - 1)) : 1;
  // Fills and quote updates per causal regime, from the backtest's own regime series.
  const fillsBy = new Float64Array(K), ticksBy = new Float64Array(K);
  if (result) {
    for (let i = 0; i < result.regime.length; i++) { const s = result.regime[i]; if (s >= 0 && s < K) ticksBy[s]++; }
    for (let j = 0; j < result.fills.index.length; j++) { const s = result.regime[result.fills.index[j]]; if (s >= 0 && s < K) fillsBy[s]++; }
  }
  const pnlShareBy = new Map(result?.regimeShares.map((r) => [r.regime, r.pnlShare]) ?? []);
  const midRef = mid[n - 1] ?? 1;
  const rows: RegimeRow[] = stats.map((s) => {
    const sigmaPerSqrtSec = s.sigmaPerTick / Math.sqrt(dt);
    const hs = asQuote({ mid: midRef, q: 0, gamma, sigma: sigmaPerSqrtSec, kappa, tau: horizon }).halfSpread;
    return {
      state: s.state,
      label: String(s.label),
      timeShare: s.occupancy,
      sigmaPerTick: s.sigmaPerTick,
      kappa,
      halfSpreadBps: (hs / midRef) * 1e4,
      fillRate: ticksBy[s.state] > 0 ? fillsBy[s.state] / ticksBy[s.state] : 0,
      expectedDurationTicks: s.expectedDuration,
      pnlShare: pnlShareBy.get(s.state) ?? Number.NaN,
    };
  });
  const idx = strideIndices(x.length, 2 * CHART_BUCKETS);
  const postDs = new Float64Array(idx.length * K);
  for (let k = 0; k < idx.length; k++) for (let j = 0; j < K; j++) postDs[k * K + j] = post[idx[k] * K + j];
  const shifted = new Int32Array(idx.length);
  for (let k = 0; k < idx.length; k++) shifted[k] = idx[k] + 1; // x[i] is the change into tick i + 1
  return {
    nStates: K, labels, rows, logLik: model.logLik, converged: model.converged,
    time: gather(data.time, shifted), price: gather(mid, shifted), state: gather(path, idx), post: postDs,
  };
}
