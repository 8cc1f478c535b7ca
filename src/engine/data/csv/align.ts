import { ParamError } from '../../util/validate';
import type { CsvProblem, ParsedTicks } from './types';

/** Quotes and trades on one clock; trade columns are in time order, `tradeQuoteIndex` names the quote prevailing at each trade. */
export interface AlignedTicks {
  /** Quote times, seconds since the epoch. */
  time: Float64Array;
  bid: Float64Array;
  ask: Float64Array;
  /** (bid + ask) / 2. */
  mid: Float64Array;
  bidSize?: Float64Array;
  askSize?: Float64Array;
  /** Trade times on the quotes' clock (after `tradeOffsetSec`), seconds since the epoch. */
  tradeTime: Float64Array;
  tradePrice: Float64Array;
  tradeSize: Float64Array;
  /** +1 buyer-initiated, −1 seller-initiated; inferred by the quote/tick rule where the file had no side. */
  tradeSide: Float64Array;
  /** Index of the last quote at or before each trade. */
  tradeQuoteIndex: Int32Array;
  /** Trades before the first quote (no prevailing quote), dropped. */
  tradesDropped: number;
  /** Notes about the alignment (e.g. the two files use differently named clocks). */
  problems: CsvProblem[];
}

export interface AlignOptions {
  /** Added to every trade time to put it on the quotes' clock, seconds. Default 0. */
  tradeOffsetSec?: number;
}

/**
 * Put a trades file on a quotes file's clock: each trade gets the quote prevailing at its time
 * (the last quote at or before it). Both files must use the same clock — the Binance captures
 * carry `local_ts_ns` in both, which the parser prefers for exactly this reason. A trade without
 * a side is signed by the quote rule, then the tick rule (Lee & Ready 1991, "Inferring Trade
 * Direction from Intraday Data", J. Finance 46(2)).
 */
export function alignQuotesTrades(quotes: ParsedTicks, trades: ParsedTicks, options: AlignOptions = {}): AlignedTicks {
  if (quotes.kind !== 'quotes') throw new ParamError('quotes', 'a quotes file (time, bid, ask)', quotes.kind);
  if (trades.kind !== 'trades') throw new ParamError('trades', 'a trades file (time, price, size)', trades.kind);
  const offset = options.tradeOffsetSec ?? 0;
  if (!Number.isFinite(offset)) throw new ParamError('tradeOffsetSec', 'a finite number', offset);
  const q = quotes.columns, t = trades.columns;
  const qt = q.time, bid = q.bid, ask = q.ask, nq = qt.length;
  const mid = new Float64Array(nq);
  for (let i = 0; i < nq; i++) mid[i] = (bid[i] + ask[i]) / 2;

  const problems: CsvProblem[] = [];
  const qClock = quotes.mapping.time, tClock = trades.mapping.time;
  if (qClock && tClock && qClock.toLowerCase() !== tClock.toLowerCase()) {
    problems.push({ line: 1, field: tClock, message: `quotes use the clock ${qClock} but trades use ${tClock}: check that they are the same clock` });
  }

  const nt = t.time.length;
  const tradeTime = new Float64Array(nt), tradePrice = new Float64Array(nt), tradeSize = new Float64Array(nt);
  const tradeSide = new Float64Array(nt), tradeQuoteIndex = new Int32Array(nt);
  const side = t.side;
  // Sides the parser inferred by the tick rule alone are re-signed here, now that quotes are known (Lee–Ready).
  const inferred = trades.inferredSide;
  let k = 0, qi = -1, lastPrice = NaN, lastSign = NaN;
  for (let i = 0; i < nt; i++) {
    const tt = t.time[i] + offset;
    while (qi + 1 < nq && qt[qi + 1] <= tt) qi++;
    const price = t.price[i];
    const given = side ? side[i] : NaN;
    let s = inferred && inferred[i] === 1 ? NaN : given;
    if (qi >= 0 && s !== s) {
      if (price > mid[qi]) s = 1;
      else if (price < mid[qi]) s = -1;
      else if (price > lastPrice) s = 1;
      else if (price < lastPrice) s = -1;
      else s = lastSign; // zero tick: the previous trade's sign
      if (s !== s) s = given; // no quote or tick to read: keep the parser's fill
    }
    lastPrice = price;
    lastSign = s;
    if (qi < 0) continue;
    tradeTime[k] = tt;
    tradePrice[k] = price;
    tradeSize[k] = t.size[i];
    tradeSide[k] = s;
    tradeQuoteIndex[k] = qi;
    k++;
  }
  const out: AlignedTicks = {
    time: qt,
    bid,
    ask,
    mid,
    tradeTime: tradeTime.slice(0, k),
    tradePrice: tradePrice.slice(0, k),
    tradeSize: tradeSize.slice(0, k),
    tradeSide: tradeSide.slice(0, k),
    tradeQuoteIndex: tradeQuoteIndex.slice(0, k),
    tradesDropped: nt - k,
    problems,
  };
  if (q.bidSize) out.bidSize = q.bidSize;
  if (q.askSize) out.askSize = q.askSize;
  if (nt > 0 && k === 0) {
    problems.push({ line: 0, field: tClock ?? 'time', message: `no trade falls within the quotes' time span: all ${nt} trades are before the first quote` });
  }
  return out;
}
