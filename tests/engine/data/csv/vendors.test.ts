import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { alignQuotesTrades, CsvError, lobsterPair, parseLobster, parseTicksCsv, type ParsedTicks, type ParseTicksOptions } from '../../../../src/engine';
import { gzipText } from './helpers';

const dir = new URL('../../../fixtures/vendors/', import.meta.url);
const text = (name: string) => readFileSync(new URL(name, dir), 'utf8');
const load = (name: string, options: ParseTicksOptions = {}) => parseTicksCsv(text(name), { fileName: name, ...options });
const arr = (a: Float64Array) => Array.from(a);
const UTC = (...a: [number, number, number, number?, number?, number?]) => Date.UTC(...a) / 1000;

/** Every row kept, bid below ask on every quote, times non-decreasing. */
function sane(r: ParsedTicks, rows: number): void {
  expect([r.rowsRead, r.rowsSkipped, r.problems]).toEqual([rows, 0, []]);
  const t = r.columns.time;
  for (let i = 1; i < t.length; i++) expect(t[i]).toBeGreaterThanOrEqual(t[i - 1]);
  if (r.kind === 'quotes') for (let i = 0; i < t.length; i++) expect(r.columns.bid[i]).toBeLessThan(r.columns.ask[i]);
}

describe('Binance public data', () => {
  it('spot trades without a header (real trades): ms times, is_buyer_maker True = seller-initiated', async () => {
    const r = await load('BTCUSDT-trades-2024-08-09.csv');
    sane(r, 1000);
    expect(r.kind).toBe('trades');
    expect(r.detected.format).toBe('binance-spot-trades');
    expect([r.detected.timeColumn, r.detected.timeUnit]).toEqual(['time', 'ms']);
    expect(r.columns.time[0]).toBeCloseTo(1723161601.437, 6);
    expect(arr(r.columns.price).slice(0, 2)).toEqual([61685.99, 61686]);
    expect(r.columns.size[0]).toBe(0.00017);
    expect(arr(r.columns.side).slice(0, 2)).toEqual([-1, 1]);
    expect(r.inferredSide).toBeUndefined();
    expect(r.detected.sideConvention).toMatch(/buyer is maker/);
  });

  it('spot aggTrades without a header in µs (from 2025)', async () => {
    const r = await load('BTCUSDT-aggTrades-2025-01-02.csv');
    sane(r, 2);
    expect(r.detected.format).toBe('binance-spot-aggtrades');
    expect(r.detected.timeUnit).toBe('us');
    expect(r.columns.time[0]).toBeCloseTo(UTC(2025, 0, 2) + 0.012345, 6);
    expect(arr(r.columns.side)).toEqual([-1, 1]);
    expect(arr(r.columns.size)).toEqual([0.0106, 0.2]);
  });

  it('futures bookTicker: transaction_time in ms, rows sharing a time kept', async () => {
    const r = await load('BTCUSDT-bookTicker-2024-08-08.csv');
    sane(r, 3);
    expect(r.detected.format).toBe('binance-futures-bookticker');
    expect(r.detected.timeColumn).toBe('transaction_time');
    expect(r.detected.otherTimeColumns).toEqual(['event_time']);
    expect(arr(r.columns.time)).toEqual([1723075200.003, 1723075200.003, 1723075200.015]);
    expect(arr(r.columns.bidSize)).toEqual([1.204, 1.25, 2.001]);
    const ev = await load('BTCUSDT-bookTicker-2024-08-08.csv', { columns: { time: 'event_time' } });
    expect(arr(ev.columns.time)).toEqual([1723075200.008, 1723075200.009, 1723075200.019]);
  });

  it('futures bookTicker without its header row: recognised by its layout, the same columns and times', async () => {
    const r = await load('BTCUSDT-bookTicker-2024-08-08-noheader.csv');
    sane(r, 3);
    expect(r.detected.format).toBe('binance-futures-bookticker');
    expect(r.detected.timeColumn).toBe('transaction_time');
    expect(r.detected.notes.join(' ')).toMatch(/no header: Binance futures bookTicker layout/);
    const withHeader = await load('BTCUSDT-bookTicker-2024-08-08.csv');
    for (const c of ['time', 'bid', 'ask', 'bidSize', 'askSize'] as const) expect(arr(r.columns[c]!)).toEqual(arr(withHeader.columns[c]!));
    const ev = await load('BTCUSDT-bookTicker-2024-08-08-noheader.csv', { columns: { time: 'event_time' } });
    expect(arr(ev.columns.time)).toEqual([1723075200.008, 1723075200.009, 1723075200.019]);
  });

  it('futures trades and aggTrades with headers', async () => {
    const t = await load('BTCUSDT-trades-2024-08-08.csv');
    sane(t, 3);
    expect(t.detected.format).toBe('binance-futures-trades');
    expect(arr(t.columns.side)).toEqual([1, -1, -1]);
    expect(arr(t.columns.size)).toEqual([0.005, 0.12, 0.002]);
    const a = await load('BTCUSDT-aggTrades-2024-08-08.csv');
    sane(a, 2);
    expect(a.detected.format).toBe('binance-futures-aggtrades');
    expect(a.mapping).toEqual({ time: 'transact_time', price: 'price', size: 'quantity', side: 'is_buyer_maker' });
    expect(arr(a.columns.time)).toEqual([1723075200.011, 1723075200.042]);
  });
});

describe('Tardis.dev CSV datasets', () => {
  it.each(['binance-futures_quotes_2024-08-08_BTCUSDT.csv', 'binance-futures_book_ticker_2024-08-08_BTCUSDT.csv'])('%s: ask before bid, local_timestamp in µs unless switched', async (name) => {
    const r = await load(name);
    expect(r.detected.format).toBe('tardis-quotes');
    expect(r.detected.columnOrder).toBe('time, askSize, ask, bid, bidSize');
    expect([r.detected.timeColumn, r.detected.timeUnit]).toEqual(['local_timestamp', 'us']);
    expect(r.detected.otherTimeColumns).toEqual(['timestamp']);
    expect(r.columns.time[0]).toBeCloseTo(1723075200.005123, 6);
    expect([r.columns.bid[0], r.columns.ask[0], r.columns.bidSize[0], r.columns.askSize[0]]).toEqual([61800.1, 61800.2, 1.204, 0.53]);
    const ex = await load(name, { columns: { time: 'timestamp' } });
    expect(ex.detected.timeColumn).toBe('timestamp');
    expect(ex.columns.time[0]).toBeCloseTo(1723075200.003, 6);
    expect(ex.detected.otherTimeColumns).toEqual(['local_timestamp']);
  });

  it('trades: side is the taker side; unknown is inferred by the tick rule', async () => {
    const r = await load('binance-futures_trades_2024-08-08_BTCUSDT.csv');
    sane(r, 3);
    expect(r.detected.format).toBe('tardis-trades');
    // buy, sell, then unknown at 61800.3, an uptick from 61800.1 → buy.
    expect(arr(r.columns.side)).toEqual([1, -1, 1]);
    expect(Array.from(r.inferredSide!)).toEqual([0, 0, 1]);
    expect(r.detected.notes.some((n) => n.includes('side inferred for 1 of 3 trades'))).toBe(true);
  });

  it('book_snapshot_5: level 1', async () => {
    const r = await load('deribit_book_snapshot_5_2024-08-08_BTC-PERPETUAL.csv');
    sane(r, 2);
    expect(r.detected.format).toBe('tardis-book-snapshot');
    expect(arr(r.columns.bid)).toEqual([61805, 61805]);
    expect(arr(r.columns.ask)).toEqual([61805.5, 61806]);
    expect(arr(r.columns.askSize)).toEqual([12000, 8000]);
  });
});

describe('Databento CSV', () => {
  const t0 = 1680010200 + 0.000405971;
  it('MBP-1 raw: ns integers, prices × 1e-9', async () => {
    const r = await load('xnas-itch-20230328.mbp-1.csv');
    sane(r, 3);
    expect(r.detected.format).toBe('databento-mbp-1');
    expect(r.detected.timeColumn).toBe('ts_recv');
    expect(r.detected.priceScale).toBe(1e-9);
    expect(r.columns.time[0]).toBeCloseTo(t0, 6);
    expect(arr(r.columns.bid)).toEqual([157.86, 157.86, 157.86]);
    expect(arr(r.columns.ask)).toEqual([157.9, 157.89, 157.89]);
    expect(arr(r.columns.askSize)).toEqual([200, 300, 200]);
  });

  it("MBP-1 raw: an empty side of the book (UNDEF_PRICE, i64::MAX) is a listed problem, not a price", async () => {
    const rows = text('xnas-itch-20230328.mbp-1.csv').split('\n');
    rows[2] = rows[2].replace(',157890000000,300,', ',157890000000,300,').replace(/,157860000000,157890000000,100,300,/, ',157860000000,9223372036854775807,100,0,');
    const r = await parseTicksCsv(rows.join('\n'), { fileName: 'xnas-itch-20230328.mbp-1.csv' });
    expect(r.problems).toEqual([{ line: 3, field: 'ask_px_00', message: "no ask price: Databento's UNDEF_PRICE (that side of the book is empty)", kind: 'price' }]);
    expect(arr(r.columns.ask)).toEqual([157.9, 157.89]);
  });

  it('MBP-1 pretty: ISO times and decimal prices read the same', async () => {
    const r = await load('xnas-itch-20230328.mbp-1.pretty.csv');
    sane(r, 2);
    expect([r.detected.format, r.detected.timeUnit, r.detected.priceScale]).toEqual(['databento-mbp-1', 'iso', 1]);
    expect(r.columns.time[0]).toBeCloseTo(t0, 6);
    expect(arr(r.columns.ask)).toEqual([157.9, 157.89]);
  });

  it('TBBO: trades with the aggressor side, N signed against the book before the trade', async () => {
    const r = await load('xnas-itch-20230328.tbbo.csv');
    sane(r, 3);
    expect([r.kind, r.detected.format]).toEqual(['trades', 'databento-tbbo']);
    expect(arr(r.columns.price)).toEqual([157.89, 157.86, 157.88]);
    // B → +1, A → −1, N at 157.88 above the mid (157.86 + 157.89) / 2 → +1 by the quote rule.
    expect(arr(r.columns.side)).toEqual([1, -1, 1]);
    expect(r.detected.notes.some((n) => n.includes('1 by the quote rule'))).toBe(true);
  });
});

describe('Databento MBP-1: quotes and the trades among them', () => {
  const MBP1 = 'xnys-pillar-20240105.mbp-1.csv';
  // 2024-01-05 09:30 New York = 14:30 UTC; ts_recv of the first row is 812,345 ns later.
  const open = UTC(2024, 0, 5, 14, 30);

  it('rows with action T also come back as trades (price, size, aggressor side); every row is a quote', async () => {
    const r = await load(MBP1);
    sane(r, 8);
    expect([r.kind, r.detected.format]).toEqual(['quotes', 'databento-mbp-1']);
    expect(r.columns.time[0]).toBeCloseTo(open + 0.000812345, 6);
    expect(arr(r.columns.bid).slice(0, 3)).toEqual([187.15, 187.15, 187.15]);
    expect(arr(r.columns.ask).slice(0, 3)).toEqual([187.2, 187.18, 187.18]);
    const t = r.trades!;
    sane(t, 3);
    expect([t.kind, t.detected.format, t.detected.timeColumn, t.detected.timeUnit]).toEqual(['trades', 'databento-mbp-1', 'ts_recv', 'ns']);
    expect(t.columns.time[0]).toBeCloseTo(open + 0.002500001, 6);
    // A trade row's time is the quote row's time on the same line (line 4 is the third quote).
    expect(t.columns.time[0]).toBe(r.columns.time[2]);
    expect(arr(t.columns.price)).toEqual([187.18, 187.15, 187.18]);
    expect(arr(t.columns.size)).toEqual([100, 50, 20]);
    // B: a buy aggressor +1; A: a sell aggressor −1; N: inferred, 187.18 above the book's mid 187.175 → +1.
    expect(arr(t.columns.side)).toEqual([1, -1, 1]);
    expect(Array.from(t.inferredSide!)).toEqual([0, 0, 1]);
    expect(t.detected.notes).toContain('trades = the rows with action T; the other rows (book updates) give only quotes');
    expect(r.detected.notes).toContain('quotes = the top of book after each event; the trade rows (action T) are also read as trades');
  });

  it('the pretty CSV (ISO times, decimal prices) gives the same quotes and trades', async () => {
    const raw = await load(MBP1), pretty = await load('xnys-pillar-20240105.mbp-1.pretty.csv');
    expect(pretty.detected.timeUnit).toBe('iso');
    expect(pretty.columns).toEqual(raw.columns);
    expect(pretty.trades!.columns).toEqual(raw.trades!.columns);
  });

  it('same trades whatever the chunking, and from gzip', async () => {
    const whole = await load(MBP1);
    for (const chunkBytes of [1, 7, 100]) expect((await load(MBP1, { chunkBytes })).trades!.columns).toEqual(whole.trades!.columns);
    const gz = await parseTicksCsv(await gzipText(text(MBP1)), { fileName: MBP1 });
    expect(gz.trades!.columns).toEqual(whole.trades!.columns);
    expect(gz.columns).toEqual(whole.columns);
  });

  it('a broken trade row is a problem of the trades; its book still gives a quote', async () => {
    const rows = text(MBP1).split('\n');
    rows[5] = rows[5].replace(',T,A,0,187150000000,', ',T,A,0,abc,');
    const r = await parseTicksCsv(rows.join('\n'), { fileName: MBP1 });
    expect([r.rowsRead, r.rowsSkipped]).toEqual([8, 0]);
    expect(r.trades!.problems).toEqual([{ line: 6, field: 'price', message: 'not a number: "abc"', kind: 'number' }]);
    expect(arr(r.trades!.columns.price)).toEqual([187.18, 187.18]);
    await expect(parseTicksCsv(rows.join('\n'), { fileName: MBP1, badRows: 'stop' })).rejects.toMatchObject({ line: 6, field: 'price' });
  });

  it('a file without trade rows says so, and other files carry no trades', async () => {
    const r = await load('xnas-itch-20230328.mbp-1.pretty.csv');
    expect(r.trades).toBeUndefined();
    expect(r.detected.notes).toContain('no trade rows (action T) in the file');
    expect((await load('xnas-itch-20230328.tbbo.csv')).trades).toBeUndefined();
    // Without an action column no row can be told to be a trade.
    const noAction = text(MBP1).trim().split('\n').map((l) => l.split(',').filter((_, i) => i !== 5).join(',')).join('\n');
    const q = await parseTicksCsv(noAction, { fileName: MBP1 });
    expect([q.detected.format, q.columns.time.length, q.trades]).toEqual(['databento-mbp-1', 8, undefined]);
    expect((await load('binance-futures_quotes_2024-08-08_BTCUSDT.csv')).trades).toBeUndefined();
  });
});

describe('detection overrides (options the report offers)', () => {
  it('other formats the first line reads as: MBP-1 may be read as TBBO (all rows trades) or generic', async () => {
    const r = await load('xnys-pillar-20240105.mbp-1.csv');
    expect(r.detected.otherFormats).toEqual(['generic', 'databento-tbbo']);
    const tbbo = await load('xnys-pillar-20240105.mbp-1.csv', { format: 'databento-tbbo' });
    expect([tbbo.kind, tbbo.detected.format, tbbo.rowsRead, tbbo.trades]).toEqual(['trades', 'databento-tbbo', 8, undefined]);
    expect((await load('bitstamp_btcusd_trades.csv')).detected.otherFormats).toEqual([]);
  });

  it('column order: the swap reads the bid and ask columns the other way round', async () => {
    const name = 'binance-futures_quotes_2024-08-08_BTCUSDT.csv';
    const r = await load(name);
    expect(r.detected.bidAskSwapped).toEqual({ bid: 'ask_price', ask: 'bid_price', bidSize: 'ask_amount', askSize: 'bid_amount' });
    // Read the other way round, the first quote (bid 61800.1, ask 61800.2) is crossed.
    const e = await load(name, { columns: r.detected.bidAskSwapped, badRows: 'stop' }).then(() => null, (x: unknown) => x);
    expect(e).toBeInstanceOf(CsvError);
    expect((e as CsvError).message).toBe('crossed quote: bid 61800.2 is above ask 61800.1');
    expect((await load('BTCUSDT-trades-2024-08-09.csv')).detected.bidAskSwapped).toBeUndefined();
  });
});

describe('FX tick vendors', () => {
  const jan2 = UTC(2024, 0, 2);
  it('Dukascopy (ms): ask columns first, same-millisecond ticks kept', async () => {
    const r = await load('EURUSD_Ticks_2024.01.02.csv');
    sane(r, 3);
    expect(r.detected.format).toBe('dukascopy');
    expect(arr(r.columns.time)).toEqual([jan2 + 0.123, jan2 + 0.123, jan2 + 0.287]);
    expect([r.columns.bid[0], r.columns.ask[0], r.columns.bidSize[0], r.columns.askSize[0]]).toEqual([1.10401, 1.10412, 2.25, 1.5]);
  });

  it('Dukascopy JForex export: dotted dates', async () => {
    const r = await load('EURUSD_Ticks_jforex.csv');
    sane(r, 2);
    expect(r.detected.format).toBe('dukascopy');
    expect(r.columns.time[1]).toBeCloseTo(jan2 + 0.287, 6);
    expect(r.columns.bid[0]).toBe(1.10401);
  });

  it('Dukascopy web export: "Gmt time" with day-first dotted dates, ask first, CRLF', async () => {
    const r = await load('EURUSD_Ticks_02.01.2024-02.01.2024.csv');
    sane(r, 3);
    expect(r.detected.format).toBe('dukascopy');
    expect(arr(r.columns.time)).toEqual([jan2 + 0.123, jan2 + 0.123, jan2 + 0.287]);
    expect([r.columns.bid[0], r.columns.ask[0], r.columns.bidSize[0], r.columns.askSize[0]]).toEqual([1.10401, 1.10412, 2.25, 1.5]);
  });

  it('Dukascopy web export in local time: the " GMT+0100" offset is applied', async () => {
    const r = await load('EURUSD_Ticks_Local_02.01.2024-02.01.2024.csv');
    sane(r, 2);
    expect(r.detected.format).toBe('dukascopy');
    expect(arr(r.columns.time)).toEqual([jan2 + 0.123, jan2 + 0.287]); // 01:00 GMT+0100 is 00:00 UTC
    expect(r.detected.notes.join(' ')).toMatch(/local times with their offset/);
  });

  it('Dukascopy web export of candles: bars with day-first dotted dates', async () => {
    const r = await load('EURUSD_Candlestick_1_M_BID_02.01.2024-02.01.2024.csv');
    sane(r, 3);
    expect(r.kind).toBe('bars');
    expect(arr(r.columns.time)).toEqual([jan2, jan2 + 60, jan2 + 120]);
    expect([r.columns.open[0], r.columns.high[0], r.columns.low[0], r.columns.close[0], r.columns.volume[0]]).toEqual([1.10401, 1.1042, 1.10395, 1.1041, 125.31]);
  });

  // Polygon quotes (flat files: ticker first; an API export without it): ask_price is the second or third
  // column, but the layout is not Dukascopy's (time, ask, bid, …) and is read by name.
  it.each([
    ['with the ticker', 'ticker,ask_exchange,ask_price,ask_size,bid_exchange,bid_price,bid_size,conditions,indicators,participant_timestamp,sequence_number,sip_timestamp,tape,trf_timestamp\nAAPL,11,190.01,2,12,190,3,1,,1704205800123456789,1,1704205800123556789,3,\nAAPL,11,190.02,2,12,190.01,3,1,,1704205800223456789,2,1704205800223556789,3,\n'],
    ['without it', 'ask_exchange,ask_price,ask_size,bid_exchange,bid_price,bid_size,conditions,indicators,participant_timestamp,sequence_number,sip_timestamp,tape,trf_timestamp\n11,190.01,2,12,190,3,1,,1704205800123456789,1,1704205800123556789,3,\n11,190.02,2,12,190.01,3,1,,1704205800223456789,2,1704205800223556789,3,\n'],
  ])('Polygon quotes %s: bid and ask by name, ns times', async (_label, csv) => {
    const r = await parseTicksCsv(csv, { fileName: 'AAPL-quotes-2024-01-02.csv' });
    sane(r, 2);
    expect(r.detected.format).not.toBe('dukascopy');
    expect(arr(r.columns.bid)).toEqual([190, 190.01]);
    expect(arr(r.columns.ask)).toEqual([190.01, 190.02]);
    expect(arr(r.columns.bidSize)).toEqual([3, 3]);
    expect(r.columns.time[0]).toBeCloseTo(UTC(2024, 0, 2, 14, 30) + 0.123456789, 6); // participant_timestamp (ns), the first time column
  });

  // MetaTrader 5 exports: UTF-16LE, tabs, date and time in two columns, only the changed fields written.
  const bytes = (name: string) => new Uint8Array(readFileSync(new URL(name, dir)));
  it('MetaTrader 5 ticks: UTF-16, <DATE> and <TIME> joined, an empty bid or ask carried from the row before', async () => {
    for (const chunkBytes of [1 << 20, 3, 7]) { // chunks splitting characters and lines: the same result
      const r = await parseTicksCsv(bytes('EURUSD_202401020000_202401022359.csv'), { fileName: 'EURUSD_202401020000_202401022359.csv', chunkBytes });
      sane(r, 4);
      expect(r.detected.format).toBe('mt5-ticks');
      expect(arr(r.columns.time)).toEqual([jan2 + 0.123, jan2 + 0.123, jan2 + 0.287, jan2 + 1.002]);
      expect(arr(r.columns.bid)).toEqual([1.10401, 1.10401, 1.104, 1.10402]);
      expect(arr(r.columns.ask)).toEqual([1.10412, 1.10413, 1.10413, 1.10411]);
      expect(r.detected.notes.join(' ')).toMatch(/date and time read from two columns \(<DATE> and <TIME>\) as one/);
      expect(r.detected.notes.join(' ')).toMatch(/an empty bid or ask is unchanged since the row before/);
    }
  });

  it('MetaTrader 5 bars: UTF-16, date and time joined, read as bars', async () => {
    const r = await parseTicksCsv(bytes('EURUSD_M1_202401020000_202401022359.csv'), { fileName: 'EURUSD_M1_202401020000_202401022359.csv' });
    sane(r, 2);
    expect(r.kind).toBe('bars');
    expect(arr(r.columns.time)).toEqual([jan2, jan2 + 60]);
    expect(arr(r.columns.close)).toEqual([1.1041, 1.10402]);
  });

  it('TrueFX: no header, compact UTC times', async () => {
    const r = await load('EURUSD-2024-01.csv');
    sane(r, 3);
    expect([r.detected.format, r.detected.timeZone]).toEqual(['truefx', 'UTC']);
    expect(r.columns.time[0]).toBeCloseTo(jan2 + 0.123, 6);
    expect(arr(r.columns.ask)).toEqual([1.10412, 1.10413, 1.10411]);
  });

  it('HistData ticks and bars: EST all year (UTC−5), overridable', async () => {
    const r = await load('DAT_ASCII_EURUSD_T_202401.csv');
    sane(r, 2);
    expect([r.detected.format, r.detected.timeZone]).toEqual(['histdata-ticks', 'EST']);
    expect(r.columns.time[0]).toBeCloseTo(UTC(2024, 0, 2, 22) + 0.123, 6);
    const utc = await load('DAT_ASCII_EURUSD_T_202401.csv', { timeZone: 'UTC' });
    expect(utc.columns.time[0]).toBeCloseTo(UTC(2024, 0, 2, 17) + 0.123, 6);
    const bars = await load('DAT_ASCII_EURUSD_M1_202401.csv');
    sane(bars, 2);
    expect([bars.kind, bars.detected.format]).toEqual(['bars', 'histdata-bars']);
    expect(arr(bars.columns.time)).toEqual([UTC(2024, 0, 2, 22), UTC(2024, 0, 2, 22, 1)]);
    expect(arr(bars.columns.high)).toEqual([1.1042, 1.1043]);
  });
});

describe('trades exports', () => {
  it('Coinbase: side is the maker side (buy → seller-initiated)', async () => {
    const r = await load('coinbase-BTC-USD-trades.csv');
    sane(r, 2);
    expect(r.detected.format).toBe('coinbase-trades');
    expect(arr(r.columns.side)).toEqual([-1, 1]);
    expect(r.columns.time[0]).toBe(UTC(2024, 7, 9) + 0.125);
    const asTaker = await load('coinbase-BTC-USD-trades.csv', { sideMeaning: 'side' });
    expect(arr(asTaker.columns.side)).toEqual([1, -1]);
  });

  it('generic timestamp,price,volume: trades, side by the tick rule, same-second trades kept', async () => {
    const r = await load('bitstamp_btcusd_trades.csv');
    sane(r, 3);
    expect([r.kind, r.detected.format, r.mapping.size]).toEqual(['trades', 'generic', 'volume']);
    // 2nd: uptick → +1; 3rd: downtick → −1; 1st (no earlier price) takes the first known sign.
    expect(arr(r.columns.side)).toEqual([1, 1, -1]);
    expect(r.detected.sideConvention).toMatch(/inferred/);
  });

  it('time and size by name: local_ts_ms (unit from the suffix) and amount_btc', async () => {
    const r = await load('perp_trades_local_ms.csv');
    sane(r, 2);
    expect(r.mapping).toMatchObject({ time: 'local_ts_ms', size: 'amount_btc' });
    expect(r.detected.timeUnit).toBe('ms');
    expect(r.detected.notes).toContain('time unit ms from the column name local_ts_ms');
    expect(arr(r.columns.time)).toEqual([1723161600.125, 1723161600.131]);
  });

  it('a time column named in seconds is not read by magnitude', async () => {
    const r = await parseTicksCsv('event_time_ns,price\n1723161600,1\n');
    expect(r.columns.time[0]).toBeCloseTo(1.7231616, 9);
  });

  it('format: generic turns vendor rules off; an unknown timeZone is refused', async () => {
    const g = await load('coinbase-BTC-USD-trades.csv', { format: 'generic' });
    expect(g.detected.format).toBe('generic');
    expect(arr(g.columns.side)).toEqual([1, -1]);
    await expect(load('bitstamp_btcusd_trades.csv', { timeZone: 'Mars/Olympus' })).rejects.toThrow('unknown timeZone "Mars/Olympus"');
  });
});

describe('LOBSTER', () => {
  const msgName = 'AAPL_2012-06-21_34200000_57600000_message_10.csv';
  const bookName = 'AAPL_2012-06-21_34200000_57600000_orderbook_10.csv';
  // 2012-06-21 is in daylight saving time: New York midnight is 04:00 UTC.
  const midnight = UTC(2012, 5, 21, 4);

  it('recognises a message/orderbook pair by name, in either order', () => {
    expect(lobsterPair(msgName, bookName)).toEqual({ message: 0 });
    expect(lobsterPair(bookName, msgName)).toEqual({ message: 1 });
    expect(lobsterPair(msgName, 'AAPL_2012-06-22_34200000_57600000_orderbook_10.csv')).toBeUndefined();
    expect(lobsterPair(msgName, undefined)).toBeUndefined();
  });

  it('gives quotes (book after each event) and trades (executions, side = −direction) in UTC epoch seconds and dollars', async () => {
    const { quotes, trades } = await parseLobster(text(msgName), text(bookName), { fileName: msgName });
    expect([quotes.kind, trades.kind]).toEqual(['quotes', 'trades']);
    sane(quotes, 60);
    expect(quotes.columns.time[0]).toBeCloseTo(midnight + 34200.004241176, 6);
    expect([quotes.columns.ask[0], quotes.columns.askSize[0], quotes.columns.bid[0], quotes.columns.bidSize[0]]).toEqual([585.94, 200, 585.33, 18]);
    expect(quotes.detected).toMatchObject({ format: 'lobster', timeZone: 'America/New_York', priceScale: 1e-4 });
    // Lines 36–40 and later are executions (type 4); lines 36 and 37 share a timestamp and both are kept.
    expect(trades.rowsRead).toBe(20);
    expect(trades.columns.time.length).toBe(20);
    expect(trades.columns.time[0]).toBe(trades.columns.time[1]);
    expect(trades.columns.time[0]).toBeCloseTo(midnight + 34200.275016159, 6);
    expect([trades.columns.price[0], trades.columns.size[0], trades.columns.side[0]]).toEqual([585.74, 40, 1]);
    expect([trades.columns.price[2], trades.columns.side[2]]).toEqual([585.73, -1]);
    const a = alignQuotesTrades(quotes, trades);
    expect(a.tradesDropped).toBe(0);
    expect(Array.from(a.tradeSide)).toEqual(Array.from(trades.columns.side));
  });

  it('reads gzip input and an explicit date; refuses a missing date and mismatched files', async () => {
    const { quotes } = await parseLobster(await gzipText(text(msgName)), text(bookName), { date: '2012-06-21' });
    expect(quotes.columns.time.length).toBe(60);
    await expect(parseLobster(text(msgName), text(bookName))).rejects.toThrow('options.date');
    const short = text(bookName).split('\n').slice(0, 10).join('\n');
    await expect(parseLobster(text(msgName), short, { fileName: msgName })).rejects.toThrow('the message and orderbook files differ in length');
  });

  it('lists bad rows per kind (an empty level-1 ask, a non-number) and stops at the first under stop', async () => {
    const msg = text(msgName).split('\n');
    const book = text(bookName).split('\n');
    book[4] = '9999999999,0,' + book[4].split(',').slice(2).join(',');
    msg[9] = msg[9].replace(/^[^,]+/, 'x');
    const { quotes } = await parseLobster(msg.join('\n'), book.join('\n'), { fileName: msgName });
    expect(quotes.problemCounts).toEqual({ price: 1, number: 1 });
    expect(quotes.problems.map((p) => p.line)).toEqual([5, 10]);
    await expect(parseLobster(msg.join('\n'), book.join('\n'), { fileName: msgName, badRows: 'stop' })).rejects.toBeInstanceOf(CsvError);
  });

  it('reads the whole 999-event level-1 pair: every event a quote, 98 visible + 61 hidden executions', async () => {
    const l1 = (n: string) => text(`lobster-level1/AAPL_2012-06-21_34200000_57600000_${n}_1.csv`);
    const { quotes, trades } = await parseLobster(l1('message'), l1('orderbook'), { fileName: 'AAPL_2012-06-21_34200000_57600000_message_1.csv' });
    sane(quotes, 999);
    sane(trades, 159);
    expect(quotes.columns.time[998]).toBeCloseTo(midnight + 34249.086375027, 6);
    expect(new Set(arr(trades.columns.side))).toEqual(new Set([1, -1]));
  });

  it('parseTicksCsv points a single LOBSTER file to the pair loader', async () => {
    await expect(load(msgName)).rejects.toThrow('load the message file and the orderbook file together');
  });
});
