import { readFileSync } from 'node:fs';
import { alignQuotesTrades, parseTicksCsv, type MarketData } from '../../../src/engine';

/** The real Binance samples shipped in public/samples (see its README), read with the engine's own CSV parser. */
export type SampleName = 'usdm-btcusdt-2024-08-08' | 'spot-btcusdt-2024-08-09';

const cache = new Map<SampleName, Promise<MarketData>>();

async function load(name: SampleName): Promise<MarketData> {
  const dir = new URL('../../../public/samples/', import.meta.url);
  const quotes = await parseTicksCsv(new Uint8Array(readFileSync(new URL(`${name}-bookticker.csv.gz`, dir))), { badRows: 'stop' });
  const trades = await parseTicksCsv(new Uint8Array(readFileSync(new URL(`${name}-trades.csv.gz`, dir))), { badRows: 'stop' });
  const a = alignQuotesTrades(quotes, trades);
  return {
    time: a.time, bid: a.bid, ask: a.ask, bidSize: a.bidSize, askSize: a.askSize,
    tradeTime: a.tradeTime, tradePrice: a.tradePrice, tradeSize: a.tradeSize, tradeSide: a.tradeSide,
  };
}

/** Quotes (with displayed sizes) and trades on one clock, seconds since the epoch. Cached per name. */
export function loadSample(name: SampleName): Promise<MarketData> {
  let p = cache.get(name);
  if (p === undefined) { p = load(name); cache.set(name, p); }
  return p;
}

/** The same quotes without their trades (quote-only data). */
export function quotesOnly(d: MarketData): MarketData {
  return { time: d.time, bid: d.bid, ask: d.ask, bidSize: d.bidSize, askSize: d.askSize };
}

/** One-minute OHLC bars of the mid (high/low/close), as a bars file would give them. */
export function minuteBars(d: MarketData, barSec = 60): MarketData {
  const t = d.time, b = d.bid!, a = d.ask!;
  const time: number[] = [], high: number[] = [], low: number[] = [], close: number[] = [], open: number[] = [];
  let end = Math.floor(t[0] / barSec) * barSec + barSec;
  let h = -Infinity, l = Infinity, o = NaN, c = NaN;
  for (let i = 0; i < t.length; i++) {
    while (t[i] >= end) {
      if (o === o) { time.push(end); high.push(h); low.push(l); close.push(c); open.push(o); }
      end += barSec; h = -Infinity; l = Infinity; o = NaN;
    }
    const m = (a[i] + b[i]) / 2;
    if (o !== o) o = m;
    if (m > h) h = m;
    if (m < l) l = m;
    c = m;
  }
  if (o === o) { time.push(end); high.push(h); low.push(l); close.push(c); open.push(o); }
  return { time: Float64Array.from(time), high: Float64Array.from(high), low: Float64Array.from(low), close: Float64Array.from(close), open: Float64Array.from(open) };
}
