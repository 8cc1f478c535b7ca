import type { TickKind } from './csv/types';

/** What the Data panel shows after loading. */
export interface DatasetSummary {
  rows: number;
  /** First and last time, seconds since the epoch. */
  startTime: number;
  endTime: number;
  spanSec: number;
  /** Median time between consecutive rows, seconds. */
  medianTickIntervalSec: number;
  /** The longest time between consecutive rows, seconds (0 with fewer than 2 rows), and the time of the row before it. */
  longestGapSec: number;
  longestGapFrom: number;
  /** Median (ask − bid) / mid in basis points; NaN without quotes. */
  medianSpreadBps: number;
  /** Standard deviation of tick-to-tick log returns of the reference price (mid, trade price or close), per tick. */
  returnStd: number;
  /** Realised volatility sqrt(Σ r² / span), per √second. */
  sigmaPerSqrtSec: number;
  rowsSkipped: number;
}

/** The reference price series of a dataset: mid for quotes, close for bars, price otherwise. */
export function referencePrice(kind: TickKind, columns: Record<string, Float64Array>): Float64Array {
  if (kind === 'quotes') {
    const { bid, ask } = columns;
    const mid = new Float64Array(bid.length);
    for (let i = 0; i < bid.length; i++) mid[i] = (bid[i] + ask[i]) / 2;
    return mid;
  }
  return kind === 'bars' ? columns.close : columns.price;
}

/** Summary statistics of parsed tick columns (time sorted ascending). O(n) with quickselect medians. */
export function summarizeTicks(kind: TickKind, columns: Record<string, Float64Array>, rowsSkipped = 0): DatasetSummary {
  const time = columns.time;
  const n = time.length;
  const gaps = new Float64Array(Math.max(0, n - 1));
  let longest = 0, longestFrom = n > 0 ? time[0] : NaN;
  for (let i = 1; i < n; i++) {
    const g = time[i] - time[i - 1];
    gaps[i - 1] = g;
    if (g > longest) { longest = g; longestFrom = time[i - 1]; }
  }
  let medianSpreadBps = NaN;
  if (kind === 'quotes') {
    const { bid, ask } = columns;
    const s = new Float64Array(n);
    for (let i = 0; i < n; i++) s[i] = ((ask[i] - bid[i]) / ((ask[i] + bid[i]) / 2)) * 1e4;
    medianSpreadBps = median(s);
  }
  const px = referencePrice(kind, columns);
  // Welford (1962) running mean/variance of log returns; Σr² for realised variance.
  let m = 0, m2 = 0, k = 0, sumSq = 0;
  for (let i = 1; i < n; i++) {
    const r = Math.log(px[i] / px[i - 1]);
    if (!Number.isFinite(r)) continue;
    k++;
    const d = r - m;
    m += d / k;
    m2 += d * (r - m);
    sumSq += r * r;
  }
  const span = n > 0 ? time[n - 1] - time[0] : 0;
  return {
    rows: n,
    startTime: n > 0 ? time[0] : NaN,
    endTime: n > 0 ? time[n - 1] : NaN,
    spanSec: span,
    medianTickIntervalSec: median(gaps),
    longestGapSec: longest,
    longestGapFrom: longestFrom,
    medianSpreadBps,
    returnStd: k > 1 ? Math.sqrt(m2 / (k - 1)) : NaN,
    sigmaPerSqrtSec: span > 0 ? Math.sqrt(sumSq / span) : NaN,
    rowsSkipped,
  };
}

/** A pause in the data this long (s) looks like a closed market: a night (12 h) or a weekend (36 h and more). */
export const CLOSED_GAP_SEC = 12 * 3600;

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/**
 * When the data pause for CLOSED_GAP_SEC or more (the longest pause), a sentence saying so and what the
 * year basis does with it, for a user on the 24/7 basis, where closed days count as flat PnL buckets;
 * else null. Times are seconds since the epoch, shown in UTC.
 */
export function closedTimeHint(s: Pick<DatasetSummary, 'longestGapSec' | 'longestGapFrom'>): string | null {
  if (!(s.longestGapSec >= CLOSED_GAP_SEC) || !Number.isFinite(s.longestGapFrom)) return null;
  const d = new Date(s.longestGapFrom * 1000);
  const at = `${WEEKDAYS[d.getUTCDay()]} ${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const hours = Math.round(s.longestGapSec / 3600);
  const what = s.longestGapSec >= 36 * 3600 ? 'a weekend' : 'a night';
  return `The data pause for ${hours} h from ${at}: ${what} of a market that closes? On the 24/7 year basis closed time counts as flat PnL buckets; the FX (24/5) or exchange basis leaves it out of Sharpe and Sortino.`;
}

/** Median of a scratch array (reordered in place; Hoare's quickselect, Comm. ACM 4(7) 1961); NaN when empty. */
export function median(a: Float64Array): number {
  const n = a.length;
  if (n === 0) return NaN;
  const hi = select(a, n >> 1);
  return n % 2 === 1 ? hi : (hi + maxBelow(a, n >> 1)) / 2;
}

function maxBelow(a: Float64Array, k: number): number {
  let m = -Infinity;
  for (let i = 0; i < k; i++) if (a[i] > m) m = a[i];
  return m;
}

function select(a: Float64Array, k: number): number {
  let lo = 0, hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1];
    let i = lo, j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k];
  }
  return a[k];
}
