import { ParamError } from '../util/validate';
import type { MarketData } from './types';

/** Market data checked and completed: bid, ask and mid all present; trades possibly empty. */
export interface PreparedData {
  n: number;
  time: Float64Array;
  bid: Float64Array;
  ask: Float64Array;
  mid: Float64Array;
  nTrades: number;
  tradeTime: Float64Array;
  tradePrice: Float64Array;
  tradeSize: Float64Array;
  tradeSide: Float64Array;
  /** Displayed sizes at the best bid and ask (both or neither), asset units. */
  bidSize?: Float64Array;
  askSize?: Float64Array;
  /** OHLC bars: each bar's high and low (empty when the data are not bars); mid is then the close. */
  high: Float64Array;
  low: Float64Array;
  isBars: boolean;
}

const EMPTY = new Float64Array(0);

function column(name: string, v: unknown, n: number): Float64Array {
  if (!(v instanceof Float64Array)) throw new ParamError(`data.${name}`, 'a Float64Array', v === undefined ? undefined : typeof v);
  if (v.length !== n) throw new ParamError(`data.${name}.length`, `${n} (the length of data.time)`, v.length);
  return v;
}

/**
 * Checked data by input object. Columns are treated as immutable once passed in (as they are
 * when moved into a worker), so re-runs on the same object, e.g. grid cells or slider moves,
 * skip the O(n) checks as long as the same column arrays are still attached.
 */
const prepared = new WeakMap<MarketData, PreparedData>();

function sameColumns(p: PreparedData, d: MarketData): boolean {
  const quotesSame = d.high !== undefined ? p.mid === (d.close ?? d.mid) : d.bid !== undefined ? p.bid === d.bid && p.ask === d.ask && (d.mid === undefined || p.mid === d.mid) : p.mid === d.mid;
  const tradesSame = d.tradeTime === undefined || d.tradeTime.length === 0 ? p.nTrades === 0 : p.tradeTime === d.tradeTime && p.tradePrice === d.tradePrice && p.tradeSize === d.tradeSize && (p.tradeSide === d.tradeSide || !(d.tradeSide instanceof Float64Array));
  const extrasSame = p.bidSize === d.bidSize && p.askSize === d.askSize && (d.high === undefined ? !p.isBars : p.high === d.high && p.low === d.low);
  return p.time === d.time && p.n === d.time.length && quotesSame && tradesSame && extrasSame && (p.nTrades === 0 || p.nTrades === d.tradeTime?.length);
}

/**
 * Validates the columns; every error names the column and row. `midInto` (length n) receives the mid
 * when it is derived from bid and ask, instead of a new column: e.g. one the caller has already written
 * through (the lab worker, while the dataset arrives), so its page faults are not taken here.
 */
export function prepareData(data: MarketData, midInto?: Float64Array): PreparedData {
  if (data === null || typeof data !== 'object') throw new ParamError('data', 'an object of columns', data);
  const hit = prepared.get(data);
  if (hit !== undefined && sameColumns(hit, data)) return hit;
  const p = checkData(data, midInto);
  prepared.set(data, p);
  return p;
}

function checkData(data: MarketData, midInto?: Float64Array): PreparedData {
  if (!(data.time instanceof Float64Array)) throw new ParamError('data.time', 'a Float64Array of seconds', typeof data.time);
  const time = data.time;
  const n = time.length;
  if (n < 2) throw new ParamError('The data', 'at least 2 ticks long to backtest (rows skipped while loading do not count)', n);
  let bid: Float64Array, ask: Float64Array, mid: Float64Array;
  const isBars = data.high !== undefined || data.low !== undefined;
  let high: Float64Array = EMPTY, low: Float64Array = EMPTY;
  if (isBars) {
    high = column('high', data.high, n);
    low = column('low', data.low, n);
    mid = data.close !== undefined ? column('close', data.close, n) : column('mid', data.mid, n);
    const closeName = data.close !== undefined ? 'close' : 'mid';
    for (let i = 0; i < n; i++) {
      const h = high[i], l = low[i], c = mid[i];
      if (!Number.isFinite(h)) throw new ParamError(`data.high[${i}]`, 'a finite price', h);
      if (!Number.isFinite(l) || l > h) throw new ParamError(`data.low[${i}]`, `a finite price at most the high ${h}`, l);
      if (!Number.isFinite(c) || c < l || c > h) throw new ParamError(`data.${closeName}[${i}]`, `a finite price within the bar's range [${l}, ${h}]`, c);
    }
    bid = mid;
    ask = mid;
  } else if (data.bid !== undefined || data.ask !== undefined) {
    bid = column('bid', data.bid, n);
    ask = column('ask', data.ask, n);
    mid = data.mid !== undefined ? column('mid', data.mid, n) : midInto !== undefined && midInto.length === n ? midInto : new Float64Array(n);
    const computeMid = data.mid === undefined;
    for (let i = 0; i < n; i++) {
      const b = bid[i], a = ask[i];
      if (!Number.isFinite(b)) throw new ParamError(`data.bid[${i}]`, 'a finite price', b);
      if (!Number.isFinite(a)) throw new ParamError(`data.ask[${i}]`, 'a finite price', a);
      if (a < b) throw new ParamError(`data.ask[${i}]`, `at least the bid ${b} (quotes must not be crossed)`, a);
      if (computeMid) mid[i] = 0.5 * (a + b);
      else if (!Number.isFinite(mid[i])) throw new ParamError(`data.mid[${i}]`, 'a finite price', mid[i]);
    }
  } else if (data.mid !== undefined) {
    mid = column('mid', data.mid, n);
    for (let i = 0; i < n; i++) if (!Number.isFinite(mid[i])) throw new ParamError(`data.mid[${i}]`, 'a finite price', mid[i]);
    bid = mid;
    ask = mid;
  } else {
    throw new ParamError('data', 'bid and ask, mid, or high, low and close', 'none of them');
  }
  checkScale(mid, n);
  let bidSize: Float64Array | undefined, askSize: Float64Array | undefined;
  if (data.bidSize !== undefined || data.askSize !== undefined) {
    bidSize = column('bidSize', data.bidSize, n);
    askSize = column('askSize', data.askSize, n);
    for (let i = 0; i < n; i++) {
      if (!(bidSize[i] >= 0) || !Number.isFinite(bidSize[i])) throw new ParamError(`data.bidSize[${i}]`, 'a finite size ≥ 0', bidSize[i]);
      if (!(askSize[i] >= 0) || !Number.isFinite(askSize[i])) throw new ParamError(`data.askSize[${i}]`, 'a finite size ≥ 0', askSize[i]);
    }
  }
  const extras = { bidSize, askSize, high, low, isBars };
  let prev = -Infinity;
  for (let i = 0; i < n; i++) {
    const t = time[i];
    if (!Number.isFinite(t)) throw new ParamError(`data.time[${i}]`, 'a finite time in seconds', t);
    if (t < prev) throw new ParamError(`data.time[${i}]`, `at least the previous time ${prev} (non-decreasing)`, t);
    prev = t;
  }

  if (data.tradeTime === undefined || data.tradeTime.length === 0) {
    return { n, time, bid, ask, mid, nTrades: 0, tradeTime: EMPTY, tradePrice: EMPTY, tradeSize: EMPTY, tradeSide: EMPTY, ...extras };
  }
  const tradeTime = column('tradeTime', data.tradeTime, data.tradeTime.length);
  const m = tradeTime.length;
  const tradePrice = column('tradePrice', data.tradePrice, m);
  const tradeSize = column('tradeSize', data.tradeSize, m);
  const sideIn = data.tradeSide;
  if (sideIn === undefined || sideIn.length !== m) throw new ParamError('data.tradeSide.length', `${m} (the length of data.tradeTime)`, sideIn?.length);
  const tradeSide = sideIn instanceof Float64Array ? sideIn : Float64Array.from(sideIn);
  prev = -Infinity;
  for (let j = 0; j < m; j++) {
    const t = tradeTime[j];
    if (!Number.isFinite(t) || t < prev) throw new ParamError(`data.tradeTime[${j}]`, 'a finite, non-decreasing time in seconds', t);
    prev = t;
    if (!Number.isFinite(tradePrice[j])) throw new ParamError(`data.tradePrice[${j}]`, 'a finite price', tradePrice[j]);
    if (!(tradeSize[j] >= 0) || !Number.isFinite(tradeSize[j])) throw new ParamError(`data.tradeSize[${j}]`, 'a finite size ≥ 0', tradeSize[j]);
    if (tradeSide[j] !== 1 && tradeSide[j] !== -1) throw new ParamError(`data.tradeSide[${j}]`, '+1 (buyer-initiated) or −1 (seller-initiated)', tradeSide[j]);
  }
  return { n, time, bid, ask, mid, nTrades: m, tradeTime, tradePrice, tradeSize, tradeSide, ...extras };
}

/**
 * Prices the backtest can do arithmetic on: not all zero (no mid to measure a spread, a size or a
 * return against) and below 1e100 in magnitude (squares of price moves would overflow to Infinity).
 */
function checkScale(mid: Float64Array, n: number): void {
  let allZero = true;
  for (let i = 0; i < n; i++) {
    const m = mid[i];
    if (m !== 0) allZero = false;
    if (Math.abs(m) > 1e100) throw new ParamError(`data.mid[${i}]`, 'a price below 1e100 in magnitude (squared price moves would overflow); rescale the prices', m);
  }
  if (allZero) throw new ParamError('data.mid', 'not zero at every tick (bid = ask = 0 leaves no price to quote around)', 0);
}
