import { ParamError } from '../util/validate';
import { markoutMids } from './attribution';
import { median } from '../data/summary';

/** One point of the markout curve. */
export interface MarkoutPoint {
  /** Seconds after the fill. */
  horizonSec: number;
  /** 'buy' = our bid fills, 'sell' = our ask fills, 'all' = both. */
  side: 'buy' | 'sell' | 'all';
  /** Mean over fills of side·(mid at t + h − mid at the fill) / mid at the fill, bps: negative = the price moved against us (adverse selection). */
  meanBps: number;
  /** Standard error of that mean: sample standard deviation / √count, bps (0 with fewer than 2 fills). */
  stderrBps: number;
  /** Fills averaged: maker fills whose horizon ends within the data. */
  count: number;
}

/** The default markout horizons, seconds. */
export const DEFAULT_MARKOUT_HORIZONS_SEC: readonly number[] = [1, 5, 30, 60];

/** Consecutive tick gaps sampled (evenly spaced pairs) to find the data's typical spacing for the horizons. */
const HORIZON_SAMPLE = 4096;

/**
 * Markout horizons for these tick times (s): DEFAULT_MARKOUT_HORIZONS_SEC while the median gap between
 * ticks is at most a second, else the same multiples of the median gap (1-minute bars: 1, 5, 30 and
 * 60 bars). Below the data's own spacing every horizon ends on the fill's own tick or bar, so the
 * curve would draw one number four times.
 */
export function markoutHorizonsFor(time: Float64Array): readonly number[] {
  const n = time.length;
  if (n < 2) return DEFAULT_MARKOUT_HORIZONS_SEC;
  const pairs = Math.min(HORIZON_SAMPLE, n - 1);
  const gaps = new Float64Array(pairs);
  for (let k = 0; k < pairs; k++) {
    const i = Math.floor((k * (n - 1)) / pairs);
    gaps[k] = time[i + 1] - time[i];
  }
  const typical = median(gaps);
  if (!(typical > 1)) return DEFAULT_MARKOUT_HORIZONS_SEC;
  return DEFAULT_MARKOUT_HORIZONS_SEC.map((h) => h * typical);
}

/** What markoutCurve reads from a backtest result. */
export interface MarkoutInput {
  time: Float64Array;
  mid: Float64Array;
  fills: { time: Float64Array; side: Float64Array; midAtFill: Float64Array; liquidity: Float64Array };
}

/**
 * Markouts of our maker fills (Cartea, Jaimungal & Penalva 2015, §10.4 mark-outs): for each
 * horizon h and side, the mean of side·(mid(t + h) − mid(t))/mid(t) in bps over the fills at
 * times t, where mid(t + h) is the last mid at or before t + h, with its standard error. A fill
 * whose horizon runs past the last tick is left out (its move is unknown), as are taker fills
 * (the kill switch's flatten). Rows: for each horizon, 'buy', 'sell', 'all'. Each fill counts
 * once, whatever its size.
 */
export function markoutCurve(result: MarkoutInput, horizonsSec: readonly number[] = DEFAULT_MARKOUT_HORIZONS_SEC): MarkoutPoint[] {
  if (!Array.isArray(horizonsSec) || horizonsSec.length === 0) throw new ParamError('horizonsSec', 'a non-empty list of seconds', horizonsSec);
  horizonsSec.forEach((h, k) => {
    if (typeof h !== 'number' || !Number.isFinite(h) || h <= 0) throw new ParamError(`horizonsSec[${k}]`, 'a finite number of seconds > 0', h);
  });
  const { time, mid, fills } = result;
  const count = fills.time.length;
  const lastTime = time.length > 0 ? time[time.length - 1] : -Infinity;
  const after = new Float64Array(count);
  const out: MarkoutPoint[] = [];
  for (const h of horizonsSec) {
    markoutMids(time, mid, fills.time, count, h, after);
    // Welford sums per side: index 0 buy, 1 sell, 2 all.
    const n = new Float64Array(3), mean = new Float64Array(3), m2 = new Float64Array(3);
    for (let k = 0; k < count; k++) {
      if (fills.liquidity[k] !== 1 || fills.time[k] + h > lastTime) continue;
      const m0 = fills.midAtFill[k];
      if (m0 === 0) continue; // no relative move from a zero price
      const side = fills.side[k];
      const x = (side * (after[k] - m0) / Math.abs(m0)) * 1e4;
      welford(n, mean, m2, side > 0 ? 0 : 1, x);
      welford(n, mean, m2, 2, x);
    }
    (['buy', 'sell', 'all'] as const).forEach((side, s) => {
      out.push({ horizonSec: h, side, meanBps: mean[s], stderrBps: n[s] > 1 ? Math.sqrt(m2[s] / (n[s] - 1) / n[s]) : 0, count: n[s] });
    });
  }
  return out;
}

/** One observation x into the running count, mean and sum of squared deviations of slot s (Welford 1962). */
function welford(n: Float64Array, mean: Float64Array, m2: Float64Array, s: number, x: number): void {
  n[s]++;
  const d = x - mean[s];
  mean[s] += d / n[s];
  m2[s] += d * (x - mean[s]);
}
