import { fitLocalLevel, fitOU, kalmanColumnAt, kalmanDiagnostics, kalmanFitNote, kalmanFromMeans, kalmanInnovations, kalmanLocalLevel, acfWhiteNoiseBand, isWhiteAt, ljungBoxOf, seriesMoments, toStateSpace } from '../filters';
import { gather, minMaxIndices } from '../series';
import type { MarketData } from '../backtest';
import { fairKalmanParams, type FairValueParams } from '../strategy';
import { CHART_BUCKETS } from './series';
import { memoCopyOnDataset, memoOnDataset } from '../data/dataset-memo';

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
  /** Ljung-Box verdict at 5 %: the innovations look white (p ≥ 0.05). */
  white: boolean;
  lags: number;
  acf: Float64Array;
  /** ±acfBand: the 95 % band of white noise's autocorrelation over the view's n ticks (acfWhiteNoiseBand). */
  acfBand: number;
  ou: { kappa: number; mu: number; sigma: number; halfLife: number; phi: number; dickeyFuller: { tau: number; critical5: number; rejected: boolean } } | null;
  ouError: string | null;
  /** When the OU figures describe noise (a Dickey–Fuller test does not reject a random walk), why in one sentence; else null. */
  ouNote: string | null;
  /** Downsampled raw and filtered mid, gain and innovations. */
  time: Float64Array;
  raw: Float64Array;
  filtered: Float64Array;
  gain: Float64Array;
  innovation: Float64Array;
  /** A plain sentence when the filter degenerates (r → 0: fair value = mid at this sampling; q → 0), else null (kalmanFitNote). */
  note: string | null;
}

/**
 * Kalman local-level filter on the mid: (q, r) by hand, else the run's own fair-value fit when it has
 * one, else maximum likelihood on a prefix. With the run's fair-value column (`fairValue`) and its
 * q and r, the view is that filter itself, read from the column: the quotes' fair value exactly, and
 * no second n-length mean.
 */
export function buildKalmanView(
  data: MarketData, mid: Float64Array,
  opts: { q?: number; r?: number; fitTicks?: number; lags?: number; strategyFit?: FairValueParams; fairValue?: Float64Array } = {},
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
    const fit = memoOnDataset(data.time, mid, `kalman-fit|${fitN}`, () => fitLocalLevel(mid.subarray(0, fitN)));
    q ??= fit.q;
    r ??= fit.r;
  } else {
    sharedWithStrategy = shared?.source === 'given' && shared.q === q && shared.r === r;
  }
  const fair = sharedWithStrategy && opts.fairValue?.length === n ? opts.fairValue : undefined;
  const lags = Math.min(opts.lags ?? 20, Math.max(1, n - 2));
  // The view depends on the data and (q, r, fit range, lags) alone, not on the rest of the run: a re-run
  // with other quoting settings reads it from the dataset's memo.
  const key = `kalman|${q}|${r}|${fitN}|${fitMethod}|${byHand}|${sharedWithStrategy}|${fair !== undefined}|${lags}`;
  return memoCopyOnDataset(data.time, mid, key, () => kalmanViewOf(data, mid, { q: q!, r: r!, fitN, fitMethod, byHand, sharedWithStrategy, fair, lags }));
}

/** The Kalman view for settled (q, r): the filter (from the run's fair value when given), its diagnostics, the OU fit and the chart points. */
function kalmanViewOf(
  data: MarketData, mid: Float64Array,
  s: { q: number; r: number; fitN: number; fitMethod: KalmanView['fitMethod']; byHand: boolean; sharedWithStrategy: boolean; fair: Float64Array | undefined; lags: number },
): KalmanView {
  const { q, r, fitN, fitMethod, byHand, sharedWithStrategy, fair, lags } = s;
  const n = mid.length;
  // The run's own filter starts as the fair value does; the panel's own fit one tick earlier (p0 = r + q).
  const params = fair !== undefined ? fairKalmanParams({ q, r }, mid[0]) : { q, r, x0: mid[0], p0: r + q };
  const k = fair !== undefined ? kalmanFromMeans(mid, toStateSpace(params), fair) : kalmanLocalLevel(mid, params);
  // The innovations' spread and autocorrelations in one pair of passes; from the run's fair value
  // they are computed block by block from the means, never held as an n-length column.
  const innovationMoments = seriesMoments(kalmanInnovations(k), n, lags);
  const diag = kalmanDiagnostics(mid, k, params, innovationMoments);
  const acf = innovationMoments.acf;
  const lb = ljungBoxOf(acf, n);
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
    ljungBoxQ: lb.q, ljungBoxP: lb.pValue, white: isWhiteAt(lb.pValue), lags, acf, acfBand: acfWhiteNoiseBand(n), ou, ouError, ouNote: ou === null ? null : ouNoteOf(ou.dickeyFuller),
    time: gather(data.time, idx), raw: gather(mid, idx), filtered: gather(k.mean, idx), gain: kalmanColumnAt(k, 'gain', idx), innovation: kalmanColumnAt(k, 'innovation', idx),
    note: kalmanFitNote({ q, r }),
  };
}

/** The OU cards' caveat: a random walk is not rejected, so κ, the half-life and μ∞ are not evidence of mean reversion. */
function ouNoteOf(df: { tau: number; critical5: number; rejected: boolean }): string | null {
  if (df.rejected) return null;
  const signed = (v: number) => v.toFixed(2).replace('-', '\u2212'); // a true minus, as the panels write numbers
  return `No evidence of mean reversion: a Dickey–Fuller test on the same regression does not reject a random walk (τ = ${signed(df.tau)}, 5 % critical value ${signed(df.critical5)}), so κ, the half-life and μ∞ below describe this sample's wandering, not a level the mid returns to.`;
}
