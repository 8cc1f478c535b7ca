import { kthSmallest } from '../util/math';
import { ParamError, integerIn, positive } from '../util/validate';
import { tradeDepths } from './intensity-curve';

export interface IntensityInput {
  /** Trade times in seconds, non-decreasing. */
  tradeTime: Float64Array;
  tradePrice: Float64Array;
  /** Quote (mid) times in seconds on the same clock as tradeTime, non-decreasing. */
  quoteTime: Float64Array;
  mid: Float64Array;
}

export interface IntensityOptions {
  /** Number of depth levels δ_j in the grid. Default 20. */
  nDepths?: number;
  /** Deepest level of the grid, in price units. Default: the 95th percentile of trade depths. */
  maxDepth?: number;
  /** Fewest trades with a prevailing mid needed to fit. Default 50. */
  minTrades?: number;
  /** Fewest trades at or beyond a depth for that level to enter the fit. Default 3. */
  minCount?: number;
}

export interface IntensityFit {
  /** Arrival rate at zero depth, per second. */
  A: number;
  /** Decay of the rate with depth, per price unit. */
  kappa: number;
  /** R² of the log-linear fit. */
  r2: number;
  /** Trades that had a prevailing mid and were used. */
  nTrades: number;
  depths: Float64Array;
  /** Empirical λ(δ_j): trades per second reaching depth δ_j or beyond. */
  rates: Float64Array;
}

/**
 * Fits λ(δ) = A·e^(−κδ) (Avellaneda & Stoikov 2008, eq. 12) from trade prints: each trade's depth is its
 * distance from the prevailing mid (last quote at or before it); λ(δ_j) is the number of trades that
 * reached depth δ_j or beyond per second of the trade window, and (ln A, κ) come from least squares
 * on ln λ(δ_j) = ln A − κ·δ_j over the levels with at least `minCount` trades.
 */
export function fitIntensity(input: IntensityInput, opts: IntensityOptions = {}): IntensityFit {
  if (typeof input !== 'object' || input === null) throw new ParamError('input', 'an object with tradeTime, tradePrice, quoteTime, mid', input);
  const { depths, span } = tradeDepths(input);
  const minTrades = integerIn('minTrades', opts.minTrades ?? 50, 2, 1e12);
  if (depths.length < minTrades) {
    throw new ParamError('trades', `at least ${minTrades} trades with a prevailing mid to fit λ(δ) = A·e^(−κδ)`, `${depths.length} of ${input.tradePrice.length}`);
  }
  if (!(span > 0)) throw new ParamError('tradeTime', 'spanning more than 0 seconds', span);
  return fitDepths(depths, span, opts);
}

/**
 * The fit itself, from trade depths (price units, from the prevailing mid) and the seconds of market
 * time they were observed over. Shared by fitIntensity and the per-regime calibration.
 */
export function fitDepths(tradeDepths: Float64Array, exposureSeconds: number, opts: IntensityOptions = {}): IntensityFit {
  const nDepths = integerIn('nDepths', opts.nDepths ?? 20, 3, 10_000);
  const minTrades = integerIn('minTrades', opts.minTrades ?? 50, 2, 1e12);
  const minCount = integerIn('minCount', opts.minCount ?? 3, 1, 1e12);
  const used = tradeDepths.length;
  if (used < minTrades) throw new ParamError('trades', `at least ${minTrades} trades with a prevailing mid to fit λ(δ) = A·e^(−κδ)`, used);
  const span = positive('exposureSeconds', exposureSeconds);
  const maxDepth = opts.maxDepth === undefined ? orderStatistic(tradeDepths, Math.min(used - 1, Math.floor(0.95 * used))) : positive('maxDepth', opts.maxDepth);
  if (!(maxDepth > 0)) throw new ParamError('trade depths', 'not all zero (every trade printed at the mid)', 0);

  const depths = new Float64Array(nDepths);
  for (let j = 0; j < nDepths; j++) depths[j] = (maxDepth * j) / (nDepths - 1);
  const atLeast = countAtLeast(tradeDepths, depths);
  const rates = new Float64Array(nDepths);
  let sx = 0, sy = 0, sxx = 0, sxy = 0, syy = 0, m = 0;
  for (let j = 0; j < nDepths; j++) {
    const d = depths[j];
    const count = atLeast[j];
    rates[j] = count / span;
    if (count >= minCount) {
      const y = Math.log(count / span);
      sx += d; sy += y; sxx += d * d; sxy += d * y; syy += y * y; m++;
    }
  }
  if (m < 3) throw new ParamError('trades', `spread over at least 3 depth levels with ${minCount}+ trades each`, `${m} levels`);
  const vx = sxx - (sx * sx) / m;
  const vy = syy - (sy * sy) / m;
  const cxy = sxy - (sx * sy) / m;
  const slope = cxy / vx;
  const kappa = -slope;
  if (!(kappa > 0)) throw new ParamError('trades', 'thinning out with depth (the fitted κ must be > 0)', kappa);
  const A = Math.exp((sy - slope * sx) / m);
  const r2 = vy > 0 ? (cxy * cxy) / (vx * vy) : 1;
  return { A, kappa, r2, nTrades: used, depths, rates };
}

/** The k-th smallest depth (0-based) as the ascending sort has it, without sorting (NaN sorts last, so a NaN forces the sort). */
function orderStatistic(values: Float64Array, k: number): number {
  const copy = Float64Array.from(values);
  for (let i = 0; i < copy.length; i++) if (copy[i] !== copy[i]) return copy.sort()[k];
  return kthSmallest(copy, k);
}

/**
 * For each of the ascending `levels`, how many values are at or beyond it (NaN counting as beyond
 * every level, as at the end of a sort): one pass with a histogram over the levels, not a sort.
 */
function countAtLeast(values: Float64Array, levels: Float64Array): Float64Array {
  const L = levels.length;
  const top = levels[L - 1];
  const hist = new Float64Array(L + 1); // hist[c]: values with exactly c levels at or below them
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (x !== x) { hist[L]++; continue; }
    // A first guess from the level spacing, corrected against the levels themselves (exact comparisons).
    let c = top > 0 ? Math.min(L, Math.max(0, Math.floor((x / top) * (L - 1)) + 1)) : 0;
    while (c < L && levels[c] <= x) c++;
    while (c > 0 && levels[c - 1] > x) c--;
    hist[c]++;
  }
  const out = new Float64Array(L);
  let above = 0;
  for (let c = L; c >= 1; c--) { above += hist[c]; out[c - 1] = above; }
  return out;
}
