import { PARTIAL_BUCKETS, regimeAt, type RunSeriesView } from './series';
import type { BacktestSeries } from '../backtest';
import { gather } from '../series';
import { DEEPEST, DEEPEST_DD, E0, makeBuckets, PEAK, scanSegment, type Buckets } from './minmax-scan';

type Live = Pick<BacktestSeries, 'time' | 'mid' | 'fairValue' | 'bid' | 'ask' | 'inventory' | 'equity' | 'regime'>;

/** Index 0, each started bucket's min and max in time order, and `last` (sorted, distinct). */
function indicesOf(b: Buckets, upToBucket: number, last: number, extra = -1): Int32Array {
  const out = new Int32Array(2 * (upToBucket + 1) + 3);
  let m = 0;
  out[m++] = 0;
  const push = (i: number) => { if (i > out[m - 1]) out[m++] = i; };
  for (let k = 0; k <= upToBucket; k++) {
    const a = b.iMin[k], c = b.iMax[k];
    if (a < 0) continue;
    const lo = Math.min(a, c), hi = Math.max(a, c);
    if (extra > out[m - 1] && extra < lo) push(extra);
    push(lo);
    if (extra > lo && extra < hi) push(extra);
    push(hi);
  }
  if (extra > out[m - 1] && extra < last) push(extra);
  if (last > 0) push(last);
  return out.slice(0, m);
}

/**
 * Partial views of a run while it streams, each costing only the ticks added since the last one
 * plus the number of buckets: min-max buckets on a layout fixed by the run's length (2 ×
 * PARTIAL_BUCKETS over all `total` ticks, so a half-done run shows PARTIAL_BUCKETS of them). Built
 * from scratch at each report, a 10^7-tick run's ~100 partial views re-read up to 10^7 ticks each.
 * PnL, drawdown (against the running peak) and the deepest drawdown are the same numbers as
 * buildSeriesView's; buy-and-hold is NaN while a run streams, as there.
 */
export function createPartialSeriesView(total: number, buckets = 2 * PARTIAL_BUCKETS): { update(s: Live, to: number): RunSeriesView } {
  const K = Math.max(1, Math.min(buckets, total));
  const size = total / K;
  const price = makeBuckets(K), inv = makeBuckets(K), eq = makeBuckets(K);
  const eqDd = new Float64Array(2 * K); // drawdown at each equity bucket's min (2k) and max (2k + 1) index
  let done = 0, k = 0, hiK = Math.floor(size);
  const dd0 = Float64Array.of(0, -Infinity, 0, 0); // [e0, peak, deepestDd, deepest]
  return {
    update(s: Live, to: number): RunSeriesView {
      let i = done;
      if (i === 0 && to > 0) {
        // The first tick sets e0 and the peak (PnL 0) and lies in no bucket.
        dd0[E0] = s.equity[0];
        dd0[PEAK] = 0;
        i = 1;
      }
      while (i < to) {
        while (i >= hiK && k < K - 1) { k++; hiK = Math.floor((k + 1) * size); }
        const end = k < K - 1 ? Math.min(to, hiK) : to;
        scanSegment(s, i, end, k, price, inv, eq, eqDd, dd0);
        i = end;
      }
      done = Math.max(done, to);
      const e0 = dd0[E0], peak = dd0[PEAK], deepestDd = dd0[DEEPEST_DD], deepest = dd0[DEEPEST];
      const last = to - 1;
      const pI = indicesOf(price, k, last), iI = indicesOf(inv, k, last), eI = indicesOf(eq, k, last, deepest);
      // Drawdown at each kept index: recorded when its bucket took it; the deepest and the last are known directly.
      const ddAt = new Map<number, number>([[0, 0]]);
      for (let b = 0; b <= k; b++) {
        if (eq.iMin[b] >= 0) ddAt.set(eq.iMin[b], eqDd[2 * b]);
        if (eq.iMax[b] >= 0) ddAt.set(eq.iMax[b], eqDd[2 * b + 1]);
      }
      ddAt.set(deepest, deepestDd);
      const pnl = new Float64Array(eI.length), drawdown = new Float64Array(eI.length);
      for (let j = 0; j < eI.length; j++) {
        const i = eI[j];
        pnl[j] = s.equity[i] - e0;
        drawdown[j] = i === last ? pnl[j] - peak : (ddAt.get(i) ?? NaN);
      }
      return {
        upTo: to,
        total: s.time.length,
        price: { time: gather(s.time, pI), mid: gather(s.mid, pI), fairValue: gather(s.fairValue, pI), bid: gather(s.bid, pI), ask: gather(s.ask, pI), regime: regimeAt(s, pI) },
        inventory: { time: gather(s.time, iI), inventory: gather(s.inventory, iI) },
        pnl: { time: gather(s.time, eI), pnl, buyHold: new Float64Array(eI.length).fill(NaN), drawdown },
      };
    },
  };
}
