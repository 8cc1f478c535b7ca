import type { BacktestSeries } from '../backtest';

/** The series a min-max scan reads. */
export type MinMaxSeries = Pick<BacktestSeries, 'mid' | 'inventory' | 'equity'>;

/** Min-max buckets of one series over a fixed layout, filled as ticks arrive. */
export interface Buckets { iMin: Int32Array; iMax: Int32Array; vMin: Float64Array; vMax: Float64Array }

export function makeBuckets(k: number): Buckets {
  return { iMin: new Int32Array(k).fill(-1), iMax: new Int32Array(k).fill(-1), vMin: new Float64Array(k).fill(Infinity), vMax: new Float64Array(k).fill(-Infinity) };
}

/** The running drawdown's state between segments: [e0, peak, deepestDd, deepest]. */
export const E0 = 0, PEAK = 1, DEEPEST_DD = 2, DEEPEST = 3;

/**
 * Ticks [from, to), all in bucket k, into the three min-max buckets, with the drawdown (PnL against
 * its running peak) recorded at the equity bucket's min (eqDd[2k]) and max (eqDd[2k + 1]). One tight
 * loop with its bucket in locals: called per tick, a helper for each series was not inlined in
 * Chromium's workers and cost ~25 ns per tick of a streamed 10^7-tick run. The one scan of both the
 * streamed views (partial-series.ts) and a finished run's (series.ts buildSeriesView).
 */
export function scanSegment(s: MinMaxSeries, from: number, to: number, k: number, price: Buckets, inv: Buckets, eq: Buckets, eqDd: Float64Array, dd0: Float64Array): void {
  const mid = s.mid, inventory = s.inventory, equity = s.equity;
  const e0 = dd0[E0];
  let peak = dd0[PEAK], deepestDd = dd0[DEEPEST_DD], deepest = dd0[DEEPEST];
  let pMin = price.vMin[k], pMax = price.vMax[k], pIMin = price.iMin[k], pIMax = price.iMax[k];
  let qMin = inv.vMin[k], qMax = inv.vMax[k], qIMin = inv.iMin[k], qIMax = inv.iMax[k];
  let eMin = eq.vMin[k], eMax = eq.vMax[k], eIMin = eq.iMin[k], eIMax = eq.iMax[k];
  let ddMin = eqDd[2 * k], ddMax = eqDd[2 * k + 1];
  for (let i = from; i < to; i++) {
    const e = equity[i];
    const pnl = e - e0;
    if (pnl > peak) peak = pnl;
    const dd = pnl - peak;
    if (dd < deepestDd) { deepestDd = dd; deepest = i; }
    const p = mid[i];
    if (p < pMin) { pMin = p; pIMin = i; }
    if (p > pMax) { pMax = p; pIMax = i; }
    const q = inventory[i];
    if (q < qMin) { qMin = q; qIMin = i; }
    if (q > qMax) { qMax = q; qIMax = i; }
    if (e < eMin) { eMin = e; eIMin = i; ddMin = dd; }
    if (e > eMax) { eMax = e; eIMax = i; ddMax = dd; }
  }
  price.vMin[k] = pMin; price.vMax[k] = pMax; price.iMin[k] = pIMin; price.iMax[k] = pIMax;
  inv.vMin[k] = qMin; inv.vMax[k] = qMax; inv.iMin[k] = qIMin; inv.iMax[k] = qIMax;
  eq.vMin[k] = eMin; eq.vMax[k] = eMax; eq.iMin[k] = eIMin; eq.iMax[k] = eIMax;
  eqDd[2 * k] = ddMin; eqDd[2 * k + 1] = ddMax;
  dd0[PEAK] = peak; dd0[DEEPEST_DD] = deepestDd; dd0[DEEPEST] = deepest;
}

