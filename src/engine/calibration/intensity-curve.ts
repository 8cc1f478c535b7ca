import { ParamError, integerIn, nonNegative } from '../util/validate';
import { quantileSorted } from '../util/math';
import { createRng, type Rng } from '../data/rng';
import { checkSeries } from '../filters/series';
import { checkClock } from './sigma';
import type { IntensityInput } from './intensity';

export interface IntensityCurveOptions {
  /** Shallowest depth of the curve and of the fit, price units. Default 0. */
  minDepth?: number;
  /** Deepest depth of the curve and of the fit, price units. Default the 95th percentile of trade depths. */
  maxDepth?: number;
  /** Depth levels on the curve. Default 20. */
  nDepths?: number;
  /** Bootstrap resamples for the bands and κ's interval (0 = none). Default 200. */
  bootstrap?: number;
  /** Seed of the bootstrap. Default 1. */
  seed?: number;
  /** Fewest trades at or beyond a level for it to enter a fit. Default 3. */
  minCount?: number;
  /**
   * The κ range a run accepts (per price unit, e.g. backtest CALIBRATED_RANGES.kappa): a fitted κ
   * outside it gets a warning, since a run would be held at the bound. Default: no check.
   */
  kappaBounds?: readonly [number, number];
}

/** A least-squares fit on the curve's levels, with its values at each level (NaN where undefined). */
export interface CurveFit {
  /** 'exp': λ = A·e^(−κδ); 'power': λ = A·δ^(−κ) (δ > 0 only). */
  form: 'exp' | 'power';
  A: number;
  /** κ of the exponential (per price unit) or the power-law exponent. */
  kappa: number;
  /** R² of the fit in log space. */
  r2: number;
  /** Levels used. */
  levels: number;
  fitted: Float64Array;
}

export interface IntensityCurve {
  /** Depth levels δ_j from minDepth to maxDepth, price units. */
  depths: Float64Array;
  /** Empirical λ(δ_j): trades per second reaching depth δ_j or beyond. */
  rates: Float64Array;
  /** Trades at or beyond each level. */
  counts: Float64Array;
  /** 2.5 % and 97.5 % bootstrap quantiles of λ(δ_j) (equal to rates without bootstrap). */
  lower: Float64Array;
  upper: Float64Array;
  exp: CurveFit | null;
  power: CurveFit | null;
  /** 2.5 % and 97.5 % bootstrap quantiles of the exponential κ (NaN without bootstrap or fit). */
  kappaInterval: [number, number];
  fitRange: [number, number];
  nTrades: number;
  /** Depth of the deepest trade, price units: the end of the range a fit can reach. */
  deepestTrade: number;
  /** Seconds the trades were observed over. */
  exposureSec: number;
  /** What to doubt: a poor fit, too few levels, a wide κ interval, a power law fitting better, a range at a bound. */
  warnings: string[];
}

/** Trade depths from the prevailing mid (last quote at or before each trade) and the seconds they span. */
export function tradeDepths(input: IntensityInput): { depths: Float64Array; span: number } {
  checkTradesAndQuotes(input);
  const { tradeTime, tradePrice, quoteTime, mid } = input;
  const out = new Float64Array(tradePrice.length);
  let used = 0, q = -1, first = NaN, last = NaN;
  for (let i = 0; i < tradePrice.length; i++) {
    while (q + 1 < quoteTime.length && quoteTime[q + 1] <= tradeTime[i]) q++;
    if (q < 0) continue;
    out[used++] = Math.abs(tradePrice[i] - mid[q]);
    if (first !== first) first = tradeTime[i];
    last = tradeTime[i];
  }
  return { depths: out.slice(0, used), span: used > 1 ? last - first : 0 };
}

/**
 * tradeDepths split by the regime of each trade's prevailing quote (`states[q]`, one of K), each in
 * trade order: counted in one pass, written into columns of known size in a second. The input is
 * checked by the caller (checkTradesAndQuotes or its own checks).
 */
export function tradeDepthsByState(input: IntensityInput, states: Int32Array, K: number): Float64Array[] {
  const { tradeTime, tradePrice, quoteTime, mid } = input;
  const nT = tradePrice.length;
  const perState = new Int32Array(K);
  let q = -1;
  for (let i = 0; i < nT; i++) {
    while (q + 1 < quoteTime.length && quoteTime[q + 1] <= tradeTime[i]) q++;
    if (q >= 0) perState[states[q]]++;
  }
  const byState = Array.from(perState, (c) => new Float64Array(c));
  const filled = new Int32Array(K);
  q = -1;
  for (let i = 0; i < nT; i++) {
    while (q + 1 < quoteTime.length && quoteTime[q + 1] <= tradeTime[i]) q++;
    if (q < 0) continue;
    const k = states[q];
    byState[k][filled[k]++] = Math.abs(tradePrice[i] - mid[q]);
  }
  return byState;
}

/** The checks every trade-depth computation starts with: finite trades and mids, each on a non-decreasing clock. */
export function checkTradesAndQuotes(input: IntensityInput): void {
  const { tradeTime, tradePrice, quoteTime, mid } = input;
  checkSeries('tradePrice', tradePrice);
  checkClock('tradePrice', tradePrice, 'tradeTime', tradeTime);
  checkSeries('mid', mid);
  checkClock('mid', mid, 'quoteTime', quoteTime);
}

function fitLevels(form: 'exp' | 'power', depths: Float64Array, rates: Float64Array, counts: Float64Array, minCount: number): CurveFit | null {
  let sx = 0, sy = 0, sxx = 0, sxy = 0, syy = 0, m = 0;
  for (let j = 0; j < depths.length; j++) {
    if (counts[j] < minCount || (form === 'power' && !(depths[j] > 0))) continue;
    const x = form === 'exp' ? depths[j] : Math.log(depths[j]);
    const y = Math.log(rates[j]);
    sx += x; sy += y; sxx += x * x; sxy += x * y; syy += y * y; m++;
  }
  if (m < 3) return null;
  const vx = sxx - (sx * sx) / m, vy = syy - (sy * sy) / m, cxy = sxy - (sx * sy) / m;
  if (!(vx > 0)) return null;
  const slope = cxy / vx;
  const A = Math.exp((sy - slope * sx) / m);
  const kappa = -slope;
  const fitted = new Float64Array(depths.length);
  for (let j = 0; j < depths.length; j++) {
    const d = depths[j];
    fitted[j] = form === 'exp' ? A * Math.exp(-kappa * d) : d > 0 ? A * d ** -kappa : NaN;
  }
  return { form, A, kappa, r2: vy > 0 ? (cxy * cxy) / (vx * vy) : 1, levels: m, fitted };
}

/** A Poisson(λ) draw: Knuth's product method below 30, a rounded normal above (bootstrap counts only). */
function poisson(rng: Rng, lambda: number): number {
  if (lambda <= 0) return 0;
  if (lambda >= 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * rng.normal()));
  const L = Math.exp(-lambda);
  let k = 0, p = 1;
  do { k++; p *= rng.uniform(); } while (p > L);
  return k - 1;
}

/**
 * The empirical fill intensity λ(δ) against the distance δ from the mid — trades per second that
 * reached depth δ or beyond, the rate at which a quote at δ would be hit (Avellaneda & Stoikov 2008,
 * §2.4; the fit of eq. 12) — with the exponential fit A·e^(−κδ) and a power-law alternative A·δ^(−α)
 * on the levels in [minDepth, maxDepth] with at least minCount trades, bootstrap bands (a Poisson
 * bootstrap of the trades per depth bin, Hanley & MacGibbon 2006) and warnings on the fit.
 */
export function intensityCurve(input: IntensityInput, opts: IntensityCurveOptions = {}): IntensityCurve {
  const { depths: d, span } = tradeDepths(input);
  return curveFromDepths(d, span, opts);
}

/** intensityCurve from trade depths (price units) observed over `exposureSec` seconds. */
export function curveFromDepths(tradeDepthsIn: Float64Array, exposureSec: number, opts: IntensityCurveOptions = {}): IntensityCurve {
  const nDepths = integerIn('nDepths', opts.nDepths ?? 20, 3, 10_000);
  const B = integerIn('bootstrap', opts.bootstrap ?? 200, 0, 100_000);
  const minCount = integerIn('minCount', opts.minCount ?? 3, 1, 1e12);
  const n = tradeDepthsIn.length;
  if (n < 10) throw new ParamError('trades', 'at least 10 trades with a prevailing mid to draw λ(δ)', n);
  if (!(exposureSec > 0)) throw new ParamError('tradeTime', 'spanning more than 0 seconds', exposureSec);
  const sorted = Float64Array.from(tradeDepthsIn).sort();
  const p95 = sorted[Math.min(n - 1, Math.floor(0.95 * n))];
  const minDepth = nonNegative('minDepth', opts.minDepth ?? 0);
  const maxDepth = opts.maxDepth === undefined ? p95 : nonNegative('maxDepth', opts.maxDepth);
  if (!(maxDepth > minDepth)) throw new ParamError('maxDepth', `greater than minDepth ${minDepth} (trade depths: 95th percentile ${p95})`, maxDepth);

  const depths = new Float64Array(nDepths), counts = new Float64Array(nDepths), rates = new Float64Array(nDepths);
  let lo = 0;
  for (let j = 0; j < nDepths; j++) {
    const dj = minDepth + ((maxDepth - minDepth) * j) / (nDepths - 1);
    while (lo < n && sorted[lo] < dj) lo++;
    depths[j] = dj;
    counts[j] = n - lo;
    rates[j] = counts[j] / exposureSec;
  }
  const exp = fitLevels('exp', depths, rates, counts, minCount);
  const power = fitLevels('power', depths, rates, counts, minCount);

  const lower = Float64Array.from(rates), upper = Float64Array.from(rates);
  let kappaInterval: [number, number] = [NaN, NaN];
  if (B > 0) {
    // Counts per bin [δ_j, δ_{j+1}) and the tail beyond the last level; a resample draws each bin's count from Poisson(count).
    const bins = new Float64Array(nDepths);
    for (let j = 0; j < nDepths; j++) bins[j] = counts[j] - (j + 1 < nDepths ? counts[j + 1] : 0);
    const rng = createRng(opts.seed ?? 1);
    const draws = Array.from({ length: nDepths }, () => new Float64Array(B));
    const kappas = new Float64Array(B);
    const c = new Float64Array(nDepths), r = new Float64Array(nDepths);
    let nk = 0;
    for (let b = 0; b < B; b++) {
      let tail = 0;
      for (let j = nDepths - 1; j >= 0; j--) { tail += poisson(rng, bins[j]); c[j] = tail; r[j] = tail / exposureSec; draws[j][b] = r[j]; }
      const f = fitLevels('exp', depths, r, c, minCount);
      if (f !== null) kappas[nk++] = f.kappa;
    }
    for (let j = 0; j < nDepths; j++) { draws[j].sort(); lower[j] = quantileSorted(draws[j], 0.025); upper[j] = quantileSorted(draws[j], 0.975); }
    const ks = kappas.slice(0, nk).sort();
    if (nk > 0) kappaInterval = [quantileSorted(ks, 0.025), quantileSorted(ks, 0.975)];
  }

  const warnings: string[] = [];
  if (exp === null) warnings.push(`Too few depth levels with ${minCount}+ trades in [${minDepth}, ${maxDepth}] to fit A·e^(−κδ): widen the fit range or use more data.`);
  else {
    if (!(exp.kappa > 0)) warnings.push(`The fitted κ = ${exp.kappa.toPrecision(3)} is not positive: trades do not thin out with depth over this range.`);
    if (exp.r2 < 0.9) warnings.push(`Poor exponential fit (R² = ${exp.r2.toFixed(2)} < 0.9): λ(δ) is not A·e^(−κδ) over this range.`);
    if (power !== null && power.r2 > exp.r2 + 0.05) warnings.push(`A power law fits better (R² ${power.r2.toFixed(2)} vs ${exp.r2.toFixed(2)}): the exponential κ may misstate deep fills.`);
    if (kappaInterval[0] > 0 && kappaInterval[1] / kappaInterval[0] > 2) warnings.push(`κ is poorly determined: its 95 % bootstrap interval spans ${kappaInterval[0].toPrecision(3)} to ${kappaInterval[1].toPrecision(3)}.`);
  }
  if (exp !== null && opts.kappaBounds !== undefined) {
    const [kLo, kHi] = opts.kappaBounds;
    if (exp.kappa < kLo || exp.kappa > kHi) warnings.push(`The fitted κ = ${exp.kappa.toPrecision(3)} per price unit is outside the range a run accepts (${kLo} to ${kHi}): a run calibrated on it sits at the bound.`);
  }
  if (maxDepth >= sorted[n - 1]) warnings.push(`The fit range reaches the deepest trade (${sorted[n - 1]}): its last levels rest on a handful of prints.`);
  return { depths, rates, counts, lower, upper, exp, power, kappaInterval, fitRange: [minDepth, maxDepth], nTrades: n, deepestTrade: sorted[n - 1], exposureSec, warnings };
}

/**
 * Seconds of trade exposure per regime: interval (t[i−1], t[i]] belongs to states[i−1], the regime of
 * the quote prevailing in it, the regime its trades take (tradeDepths). The exposure of every
 * per-regime λ fit (intensityCurveByRegime, calibrateByRegime).
 */
export function tradeExposureByRegime(quoteTime: Float64Array, states: Int32Array, K: number): Float64Array {
  const seconds = new Float64Array(K);
  for (let i = 1; i < states.length; i++) {
    const k = states[i - 1];
    if (!(k >= 0 && k < K)) throw new ParamError(`states[${i - 1}]`, `a state id from 0 to ${K - 1}`, k);
    seconds[k] += quoteTime[i] - quoteTime[i - 1];
  }
  return seconds;
}

/** One regime's curve, or why it could not be drawn. */
export interface RegimeIntensityCurve {
  state: number;
  curve: IntensityCurve | null;
  error: string | null;
}

/**
 * intensityCurve per regime: each trade takes the regime of its prevailing quote (`states[i]` is
 * the regime of quote i), and its exposure is the seconds the quotes spent in that regime.
 */
export function intensityCurveByRegime(input: IntensityInput, states: Int32Array, nStates: number, opts: IntensityCurveOptions = {}): RegimeIntensityCurve[] {
  const K = integerIn('nStates', nStates, 1, 64);
  if (states.length !== input.mid.length) throw new ParamError('states.length', `equal to mid.length (${input.mid.length})`, states.length);
  const seconds = tradeExposureByRegime(input.quoteTime, states, K);
  // Bad input fails every regime alike, each with the same message.
  let byState: Float64Array[] | null = null, inputError = '';
  try {
    checkTradesAndQuotes(input);
    byState = tradeDepthsByState(input, states, K);
  } catch (e) {
    inputError = e instanceof Error ? e.message : String(e);
  }
  const out: RegimeIntensityCurve[] = [];
  for (let k = 0; k < K; k++) {
    try {
      if (byState === null) throw new Error(inputError);
      out.push({ state: k, curve: curveFromDepths(byState[k], seconds[k], opts), error: null });
    } catch (e) {
      out.push({ state: k, curve: null, error: e instanceof Error ? e.message : String(e) });
    }
  }
  return out;
}
