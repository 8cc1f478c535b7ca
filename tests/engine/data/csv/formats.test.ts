import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTicksCsv } from '../../../../src/engine';
import { chunkedStream, gzipText } from './helpers';

const samples = new URL('../../../../public/samples/', import.meta.url);
const sample = (name: string) => new Uint8Array(readFileSync(new URL(name, samples)));
const arr = (a: Float64Array) => Array.from(a);

describe('parseTicksCsv formats', () => {
  it('reads a quotes file with ns stamps into seconds and renames columns', async () => {
    const r = await parseTicksCsv('local_ts_ns,bid_px,bid_qty,ask_px,ask_qty\n1723161600001692584,100.5,2,100.6,3\n1723161600501692584,100.4,1.5,100.7,0\n');
    expect(r.kind).toBe('quotes');
    expect(r.timeUnit).toBe('ns');
    expect(Object.keys(r.columns)).toEqual(['time', 'bid', 'ask', 'bidSize', 'askSize']);
    expect(r.columns.time[0]).toBeCloseTo(1723161600.0016925, 6);
    expect(r.columns.time[1] - r.columns.time[0]).toBeCloseTo(0.5, 6);
    expect(arr(r.columns.bid)).toEqual([100.5, 100.4]);
    expect(arr(r.columns.ask)).toEqual([100.6, 100.7]);
    expect(arr(r.columns.bidSize)).toEqual([2, 1.5]);
    expect(arr(r.columns.askSize)).toEqual([3, 0]);
    expect([r.rowsRead, r.rowsSkipped, r.problems]).toEqual([2, 0, []]);
    expect(r.mapping).toEqual({ time: 'local_ts_ns', bid: 'bid_px', ask: 'ask_px', bidSize: 'bid_qty', askSize: 'ask_qty' });
  });

  it.each([
    ['usdm-btcusdt-2024-08-08-bookticker.csv.gz', 'quotes', 66089, 1723161255, 1723161600],
    ['usdm-btcusdt-2024-08-08-trades.csv.gz', 'trades', 21313, 1723161255, 1723161600],
    ['spot-btcusdt-2024-08-09-bookticker.csv.gz', 'quotes', 45134, 1723161600, 1723161905],
    ['spot-btcusdt-2024-08-09-trades.csv.gz', 'trades', 10147, 1723161600, 1723161905],
  ])('parses the real Binance sample %s out of the box', async (name, kind, rows, from, to) => {
    const r = await parseTicksCsv(sample(name));
    expect(r.kind).toBe(kind);
    expect(r.rowsRead).toBe(rows);
    expect(r.rowsSkipped).toBe(0);
    expect(r.columns.time.length).toBe(rows);
    expect(r.mapping.time).toBe('local_ts_ns');
    const t = r.columns.time;
    expect(t[0]).toBeGreaterThanOrEqual(from);
    expect(t[t.length - 1]).toBeLessThanOrEqual(to);
    for (let i = 1; i < t.length; i++) expect(t[i] >= t[i - 1]).toBe(true);
    if (kind === 'trades') expect(new Set(arr(r.columns.side))).toEqual(new Set([1, -1]));
  });

  it('reads trades with buyer_is_maker as side (1 → seller-initiated −1)', async () => {
    const r = await parseTicksCsv('time,price,qty,buyer_is_maker\n1000,10,1,1\n1001,10.5,2,0\n1002,10.5,2,true\n1003,11,1,\n');
    expect(r.kind).toBe('trades');
    expect(r.timeUnit).toBe('s');
    // The empty side of the last trade is inferred: 11 is an uptick from 10.5 → buyer-initiated.
    expect(arr(r.columns.side)).toEqual([-1, 1, -1, 1]);
    expect(Array.from(r.inferredSide!)).toEqual([0, 0, 0, 1]);
    expect(arr(r.columns.size)).toEqual([1, 2, 2, 1]);
    const raw = await parseTicksCsv('time,price,qty,buyer_is_maker\n1000,10,1,1\n1003,11,1,\n', { inferSide: false });
    expect(arr(raw.columns.side)).toEqual([-1, NaN]);
  });

  it('reads a side column written as words', async () => {
    const r = await parseTicksCsv('timestamp,price,amount,side\n1000,10,1,buy\n1001,10,1,SELL\n1002,10,1,b\n1003,10,1,s\n');
    expect(arr(r.columns.side)).toEqual([1, -1, 1, -1]);
  });

  it('reads a prices file with ISO-8601 times', async () => {
    const r = await parseTicksCsv('Date,Price\n2024-08-09T00:00:00Z,1\n2024-08-09 00:00:01.25,2\n2024-08-09T02:00:02+02:00,3\n2024-08-10,4\n');
    expect(r.kind).toBe('prices');
    expect(r.timeUnit).toBe('iso');
    const base = Date.UTC(2024, 7, 9) / 1000;
    expect(arr(r.columns.time)).toEqual([base, base + 1.25, base + 2, base + 86400]);
    expect(arr(r.columns.price)).toEqual([1, 2, 3, 4]);
  });

  it('reads OHLCV bars with a header', async () => {
    const r = await parseTicksCsv('open_time,open,high,low,close,volume\n1723161600000,1,3,0.5,2,10\n1723161660000,2,2.5,1.5,2.2,4\n');
    expect(r.kind).toBe('bars');
    expect(r.timeUnit).toBe('ms');
    expect(arr(r.columns.time)).toEqual([1723161600, 1723161660]);
    expect(arr(r.columns.high)).toEqual([3, 2.5]);
    expect(arr(r.columns.volume)).toEqual([10, 4]);
  });

  it('reads a headerless Binance kline export (12 fields) as bars', async () => {
    const row = (t: number, c: number) => `${t},60000,60100,59900,${c},12.5,${t + 59999},750000,100,6,360000,0`;
    const r = await parseTicksCsv(`${row(1723161600000, 60050)}\n${row(1723161660000, 60010)}\n`);
    expect(r.kind).toBe('bars');
    expect(r.header[0]).toBe('column 1');
    expect(r.rowsRead).toBe(2);
    expect(arr(r.columns.close)).toEqual([60050, 60010]);
    expect(arr(r.columns.time)).toEqual([1723161600, 1723161660]);
  });

  it.each([
    ['s', '1723161600', 1723161600],
    ['s (decimal)', '1723161600.25', 1723161600.25],
    ['ms', '1723161600250', 1723161600.25],
    ['µs', '1723161600250000', 1723161600.25],
    ['ns', '1723161600250000000', 1723161600.25],
  ])('detects epoch %s by magnitude', async (_label, stamp, seconds) => {
    const r = await parseTicksCsv(`ts,price\n${stamp},1\n`);
    expect(r.columns.time[0]).toBe(seconds);
  });

  it('lets the time unit be overridden', async () => {
    const r = await parseTicksCsv('ts,price\n5000,1\n6000,1\n', { timeUnit: 'ms' });
    expect(arr(r.columns.time)).toEqual([5, 6]);
    expect(r.timeUnit).toBe('ms');
  });

  it.each([
    ['semicolon', 'time;bid;ask\n1;1.5;1.6\n2;1.4;1.7\n'],
    ['tab', 'time\tbid\task\n1\t1.5\t1.6\n2\t1.4\t1.7\n'],
    ['CRLF', 'time,bid,ask\r\n1,1.5,1.6\r\n2,1.4,1.7\r\n'],
    ['a UTF-8 BOM', '\uFEFFtime,bid,ask\n1,1.5,1.6\n2,1.4,1.7'],
    ['quoted fields', '"time","bid","ask"\n"1","1.5","1.6"\n2,"1.4",1.7\n'],
    ['padding and blank lines', '\n Time , Best Bid , Best Ask \n1, 1.5 ,1.6\n\n2,1.4,1.7\n\n'],
    ['a decimal comma inside quotes with semicolons', 'time;bid;ask;note\n1;1.5;1.6;"a;b"\n2;1.4;1.7;"say ""hi"""\n'],
  ])('reads %s', async (_label, text) => {
    const r = await parseTicksCsv(text);
    expect(r.kind).toBe('quotes');
    expect(arr(r.columns.time)).toEqual([1, 2]);
    expect(arr(r.columns.bid)).toEqual([1.5, 1.4]);
    expect(arr(r.columns.ask)).toEqual([1.6, 1.7]);
    expect(r.problems).toEqual([]);
  });

  it('reads decimal commas when fields are separated by semicolons (spreadsheet exports), and says so', async () => {
    const r = await parseTicksCsv('time;bid;ask;bid_size\n2024-08-09 00:00:00;1,5;1,6;3\n2024-08-09 00:00:01;1,4;1,7;2,25\n2024-08-09 00:00:02;1.400,5;1,7;2\n');
    expect(arr(r.columns.bid)).toEqual([1.5, 1.4]);
    expect(arr(r.columns.ask)).toEqual([1.6, 1.7]);
    expect(arr(r.columns.bidSize)).toEqual([3, 2.25]);
    // A point and a comma together (a thousands separator?) is not guessed: the row is reported.
    expect(r.problems.map((p) => [p.line, p.message])).toEqual([[4, 'not a number: "1.400,5"']]);
    expect(r.detected.notes).toContain('numbers with a decimal comma ("1,5") read as decimals');
    // With commas between fields a comma is never a decimal one: "1,5" there is two fields.
    const c = await parseTicksCsv('time,bid,ask\n1,1.5,1.6\n');
    expect(c.detected.notes.join(' ')).not.toMatch(/decimal comma/);
  });

  it('reads a quoted field spanning lines and counts lines through it', async () => {
    const r = await parseTicksCsv('time,price,note\n1,10,"two\nlines"\n2,x,ok\n');
    expect(r.columns.time.length).toBe(1);
    expect(r.problems).toEqual([{ line: 4, field: 'price', message: 'not a number: "x"', kind: 'number' }]);
  });

  it('reads quoted rows spanning lines across every chunk boundary', async () => {
    const text = 'time,price,note\n1,10,"a\nb"\n2,"11","x,y"\n3,12,"c\r\nd"\r\n4,13,\n';
    const whole = await parseTicksCsv(text);
    expect(Array.from(whole.columns.price)).toEqual([10, 11, 12, 13]);
    for (let chunkBytes = 1; chunkBytes <= text.length; chunkBytes++) {
      const r = await parseTicksCsv(text, { chunkBytes });
      expect(r.columns).toEqual(whole.columns);
      expect(r.problems).toEqual([]);
    }
    const bad = await parseTicksCsv('time,price,note\n1,10,"a\nb"\n2,x,ok\n', { chunkBytes: 5 });
    expect(bad.problems).toEqual([{ line: 4, field: 'price', message: 'not a number: "x"', kind: 'number' }]);
  });

  it('gives the same result for gzip bytes, a gzip stream, a 1-byte-chunk stream and a string', async () => {
    const text = 'ts,bid,ask,bid_size,ask_size\n' + Array.from({ length: 500 }, (_, i) => `${1723161600000 + i * 7},${100 + (i % 5) * 0.01},${100.05 + (i % 5) * 0.01},${i % 3},1.5`).join('\n');
    const gz = await gzipText(text);
    const expected = await parseTicksCsv(text);
    for (const input of [gz, chunkedStream(gz, 100), chunkedStream(new TextEncoder().encode(text), 1)]) {
      const r = await parseTicksCsv(input);
      expect(r.columns).toEqual(expected.columns);
      expect(r.rowsRead).toBe(500);
    }
    const small = await parseTicksCsv(text, { chunkBytes: 7 });
    expect(small.columns).toEqual(expected.columns);
  });

  it('maps columns by name and by index, overriding detection', async () => {
    const text = 'a,b,c,d\n1,5,9,7\n2,6,9.5,8\n';
    const byName = await parseTicksCsv(text, { kind: 'quotes', columns: { time: 'A', bid: 'b', ask: 'c' } });
    expect(byName.mapping).toEqual({ time: 'a', bid: 'b', ask: 'c' });
    expect(arr(byName.columns.ask)).toEqual([9, 9.5]);
    const byIndex = await parseTicksCsv(text, { columns: { time: 0, price: 3 } });
    expect(byIndex.kind).toBe('prices');
    expect(arr(byIndex.columns.price)).toEqual([7, 8]);
  });

  it('offers the other time columns of a generic file, and reads the one picked in the unit its name states', async () => {
    const text = 'local_ts_ns,exch_event_ms,exch_tx_ms,price,qty\n1723161600001692584,1723161601437,1723161601436,10,1\n';
    const r = await parseTicksCsv(text);
    expect(r.detected.timeColumn).toBe('local_ts_ns');
    expect(r.detected.otherTimeColumns).toEqual(['exch_event_ms', 'exch_tx_ms']);
    const ex = await parseTicksCsv(text, { columns: { time: 'exch_event_ms' } });
    expect([ex.detected.timeUnit, ex.columns.time[0]]).toEqual(['ms', 1723161601.437]);
  });

  it('prefers local_ts_ns over exchange times and reads empty unused fields', async () => {
    const r = await parseTicksCsv('local_ts_ns,exch_event_ms,exch_tx_ms,update_id,bid_px,bid_qty,ask_px,ask_qty\n1723161600001692584,,,50093421613,61685.99000000,1.25869000,61686.00000000,2.44816000\n');
    expect(r.mapping.time).toBe('local_ts_ns');
    expect(r.columns.bid[0]).toBe(61685.99);
    expect(r.columns.askSize[0]).toBe(2.44816);
  });

  it('reports progress with growing bytes and rows, ending at the input size', async () => {
    const text = 'ts,price\n' + Array.from({ length: 2000 }, (_, i) => `${1000 + i},${10 + i}`).join('\n');
    const seen: [number, number][] = [];
    await parseTicksCsv(text, { chunkBytes: 1000, onProgress: (b, r) => seen.push([b, r]) });
    expect(seen.length).toBeGreaterThan(5);
    for (let i = 1; i < seen.length; i++) {
      expect(seen[i][0]).toBeGreaterThan(seen[i - 1][0]);
      expect(seen[i][1]).toBeGreaterThanOrEqual(seen[i - 1][1]);
    }
    expect(seen[seen.length - 1][0]).toBe(new TextEncoder().encode(text).length);
  });

  it('sorts out-of-order rows by time under order: sort, keeping rows together', async () => {
    const r = await parseTicksCsv('time,bid,ask\n3,3,3.1\n1,1,1.1\n2,2,2.1\n', { order: 'sort' });
    expect(r.sorted).toBe(true);
    expect(arr(r.columns.time)).toEqual([1, 2, 3]);
    expect(arr(r.columns.bid)).toEqual([1, 2, 3]);
    expect(arr(r.columns.ask)).toEqual([1.1, 2.1, 3.1]);
  });

  it('keeps same-time rows of every kind by default, and refuses them only when asked', async () => {
    const trades = await parseTicksCsv('time,price,size\n1,10,1\n1,10.1,2\n');
    expect(trades.columns.time.length).toBe(2);
    const quotes = await parseTicksCsv('time,bid,ask\n1,10,11\n1,10,11.5\n');
    expect(Array.from(quotes.columns.ask)).toEqual([11, 11.5]);
    const strict = await parseTicksCsv('time,bid,ask\n1,10,11\n1,10,11.5\n', { allowDuplicateTimes: false });
    expect(strict.columns.time.length).toBe(1);
  });
});
