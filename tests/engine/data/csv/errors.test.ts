import { describe, expect, it } from 'vitest';
import { CsvError, ParamError, parseTicksCsv } from '../../../../src/engine';
import { csvError, gzipText } from './helpers';

const QUOTES = 'time,bid,ask';
const ALL_KINDS = 'quotes (time, bid, ask [, bid_size, ask_size]), trades (time, price, size [, side]), prices (time, price) or bars (time, open, high, low, close [, volume])';

describe('parseTicksCsv rejects unusable files with a CsvError naming line and field', () => {
  it.each([
    ['an empty file', '', 1, '', 'the file is empty', 'empty'],
    ['a whitespace-only file', ' \n\r\n  \n', 1, '', 'the file is empty', 'empty'],
    ['a header without rows', 'time,bid,ask\n', 2, '', 'no data rows after the header', 'no-rows'],
    ['unknown columns', 'foo,bar\n1,2\n', 1, '', `no usable columns: found foo, bar; expected ${ALL_KINDS}`, 'columns'],
    ['quotes without ask', 'time,bid,size\n1,2,3\n', 1, 'ask', 'missing required column ask for quotes: found time, bid, size; expected time, bid, ask [, bid_size, ask_size]', 'columns'],
    ['quotes without time', 'bid,ask\n1,2\n', 1, 'time', 'missing required column time for quotes: found bid, ask; expected time, bid, ask [, bid_size, ask_size]', 'columns'],
    ['bars missing two columns', 'time,open,close\n1,2,3\n', 1, 'high', 'missing required columns high, low for bars: found time, open, close; expected time, open, high, low, close [, volume]', 'columns'],
    ['a headerless file that is not a kline export', '1,2,3\n4,5,6\n', 1, '', `no header row: the first line holds numbers (3 fields); map the columns to ${ALL_KINDS}`, 'columns'],
  ])('%s', async (_label, text, line, field, message, code) => {
    const e = await csvError(text);
    expect({ line: e.line, field: e.field, message: e.message, code: e.code }).toEqual({ line, field, message, code });
  });

  it('names a mapped column that is not in the header', async () => {
    const e = await csvError('a,b,c\n1,2,3\n', { columns: { time: 'when', bid: 'b', ask: 'c' } });
    expect([e.line, e.field, e.message, e.code]).toEqual([1, 'time', 'column "when" given for time is not in the header: found a, b, c', 'columns']);
    expect(e.header).toEqual(['a', 'b', 'c']);
  });

  it('rejects binary data (a NUL byte) with its line', async () => {
    const e = await csvError(new Uint8Array([0x74, 0x2c, 0x70, 0x0a, 0x31, 0x00, 0x32]));
    expect([e.line, e.field, e.message, e.code]).toEqual([2, '', 'binary data, not CSV text: a NUL byte on line 2', 'binary']);
  });

  it('rejects a header that is not UTF-8 text', async () => {
    const e = await csvError(new Uint8Array([0xff, 0xfe, 0x41, 0x42, 0x0a, 0x31, 0x0a]));
    expect([e.line, e.message, e.code]).toEqual([1, 'binary data, not CSV text: unreadable characters on line 1', 'binary']);
  });

  it('rejects text without a line break in the first 64 KiB', async () => {
    const e = await csvError('x'.repeat(70000), { chunkBytes: 32768 });
    expect([e.line, e.message, e.code]).toEqual([1, 'no line break in the first 65536 bytes: not a tick CSV file', 'binary']);
  });

  it('rejects files too large for memory (maxBytes, maxRows)', async () => {
    const text = 'time,price\n' + Array.from({ length: 100 }, (_, i) => `${i + 1},1`).join('\n');
    const bytes = await csvError(text, { maxBytes: 500, chunkBytes: 100 });
    expect([bytes.field, bytes.message, bytes.code]).toEqual(['', 'file too large for memory: more than 500 bytes of text (the maxBytes limit)', 'too-large']);
    const rows = await csvError(text, { maxRows: 10 });
    expect([rows.line, rows.message, rows.code]).toEqual([12, 'file too large for memory: more than 10 rows (the maxRows limit)', 'too-large']);
  });

  it('rejects corrupt gzip data', async () => {
    const gz = await gzipText('time,price\n1,2\n'.repeat(50));
    const broken = gz.slice(0, 20);
    const e = await csvError(broken);
    expect(e.code).toBe('gzip');
    expect(e.message).toMatch(/^the gzip data is corrupt or truncated \(/);
  });

  it('rejects a file whose every row is bad, quoting the first problem', async () => {
    const e = await csvError(`${QUOTES}\n1,x,2\n2,3,y\n`);
    expect([e.line, e.field, e.message, e.code]).toEqual([2, 'bid', 'no usable rows: all 2 data rows were skipped; the first, on line 2: not a number: "x"', 'no-rows']);
  });

  it('throws ParamError for bad options and the abort reason when cancelled', async () => {
    await expect(parseTicksCsv('time,price\n1,1\n', { maxRows: 0 })).rejects.toBeInstanceOf(ParamError);
    await expect(parseTicksCsv('time,price\n1,1\n', { order: 'random' as 'sort' })).rejects.toThrow("order must be 'sort' or 'reject'");
    const ac = new AbortController();
    const text = 'time,price\n' + Array.from({ length: 5000 }, (_, i) => `${i + 1},1`).join('\n');
    let calls = 0;
    const p = parseTicksCsv(text, { chunkBytes: 1000, signal: ac.signal, onProgress: () => ++calls === 2 && ac.abort(new Error('user cancelled')) });
    await expect(p).rejects.toThrow('user cancelled');
    expect(calls).toBe(2);
  });
});

/** Each bad row, per problem kind: listed under 'skip' (and counted under its kind), the same CsvError under 'stop'. */
describe.each([
  ['number', 'non-numeric value', `${QUOTES}\n1,10,11\n2,abc,11\n3,10,11\n`, 3, 'bid', 'not a number: "abc"', {}],
  ['empty', 'empty required value', `${QUOTES}\n1,10,11\n2,,11\n3,10,11\n`, 3, 'bid', 'empty value', {}],
  ['fields', 'missing fields', `${QUOTES}\n1,10,11\n2,10\n3,10,11\n`, 3, 'ask', 'expected 3 fields, found 2', {}],
  ['fields', 'extra fields', `${QUOTES}\n1,10,11\n2,10,11,12\n3,10,11\n`, 3, 'column 4', 'expected 3 fields, found 4', {}],
  ['price', 'zero price', `${QUOTES}\n1,10,11\n2,0,11\n3,10,11\n`, 3, 'bid', 'must be greater than 0 (got 0)', {}],
  ['price', 'negative price', 'time,price\n1,10\n2,-5.5\n3,10\n', 3, 'price', 'must be greater than 0 (got -5.5)', {}],
  ['size', 'negative size', 'time,price,qty\n1,10,1\n2,10,-1\n3,10,1\n', 3, 'qty', 'must not be negative (got -1)', {}],
  ['crossed', 'crossed quote', 'time,bid_px,ask_px\n1,10,11\n2,11.5,11\n3,10,11\n', 3, 'bid_px', 'crossed quote: bid 11.5 is above ask 11', {}],
  ['bar', 'bar high below low', 'time,open,high,low,close\n1,1,2,1,1\n2,1,0.5,1,1\n3,1,2,1,1\n', 3, 'high', 'high 0.5 is below low 1', {}],
  ['bar', 'bar open below low', 'time,open,high,low,close\n1,1,2,1,1\n2,0.9,2,1,1.5\n3,1,2,1,1\n', 3, 'open', 'open 0.9 is outside [low 1, high 2]', {}],
  ['bar', 'bar close above high', 'time,open,high,low,close\n1,1,2,1,1\n2,1.5,2,1,2.5\n3,1,2,1,1\n', 3, 'close', 'close 2.5 is outside [low 1, high 2]', {}],
  ['backwards', 'time going backwards', `${QUOTES}\n10,10,11\n5,10,11\n11,10,11\n`, 3, 'time', 'time goes backwards: 5 is before the time on line 2', {}],
  ['duplicate', 'duplicate time when asked to refuse them', `${QUOTES}\n10,10,11\n10,10,11.5\n11,10,11\n`, 3, 'time', 'duplicate time 10: same as line 2', { allowDuplicateTimes: false }],
  ['time', 'bad timestamp', `${QUOTES}\n2024-01-01T00:00:00Z,10,11\n2024-13-01T00:00:00Z,10,11\n2024-01-01T00:00:02Z,10,11\n`, 3, 'time', 'not a timestamp: "2024-13-01T00:00:00Z"', {}],
  ['time', 'a 400-digit time (Infinity) in ns', `${QUOTES}\n1723161600000000000,10,11\n${'9'.repeat(400)},10,11\n1723161600000000001,10,11\n`, 3, 'time', `not a timestamp: "${'9'.repeat(40)}…"`, {}],
  ['time', 'a 400-digit time (Infinity) in seconds', `${QUOTES}\n1,10,11\n${'9'.repeat(400)},10,11\n3,10,11\n`, 3, 'time', `not a timestamp: "${'9'.repeat(40)}…"`, {}],
  ['number', 'hex number', `${QUOTES}\n1,10,11\n2,0x10,11\n3,10,11\n`, 3, 'bid', 'not a number: "0x10"', {}],
  ['number', 'a number overflowing to Infinity', `${QUOTES}\n1,10,11\n2,10,1e999\n3,10,11\n`, 3, 'ask', 'not a number: "1e999"', {}],
  ['side', 'bad side', 'time,price,size,side\n1,10,1,buy\n2,10,1,maybe\n3,10,1,sell\n', 3, 'side', 'not a side (buy/sell or 1/0): "maybe"', {}],
  ['quote', 'unterminated quote', 'time,price,note\n1,10,a\n2,10,"open\n', 3, 'note', 'unterminated quoted field', {}],
  ['time', 'a time of day without its date', 'time,bid,ask\n2024-08-01 00:00:00,10,11\n00:00:01.5,10,11\n2024-08-01 00:00:02,10,11\n', 3, 'time', 'not a timestamp: "00:00:01.5" (a time of day without its date: a date column is joined to it only when it comes just before it, as in Date,Time; else join them into one column, e.g. 2024-08-01 00:00:00.123)', {}],
  ['number', 'CRLF line numbers', `${QUOTES}\r\n1,10,11\r\n\r\n2,x,11\r\n3,10,11\r\n`, 4, 'bid', 'not a number: "x"', {}],
] as const)('row validation (%s): %s', (kind, _label, text, line, field, message, extra) => {
  it('skip: drops the row, lists it and counts it under its kind', async () => {
    const r = await parseTicksCsv(text, extra);
    expect(r.problems).toEqual([{ line, field, message, kind }]);
    expect(r.problemCounts).toEqual({ [kind]: 1 });
    expect(r.rowsSkipped).toBe(1);
    expect(r.columns.time.length).toBe(r.rowsRead - 1);
  });
  it('stop: throws a CsvError with the same line, field and message', async () => {
    const e = await csvError(text, { ...extra, badRows: 'stop' });
    expect(e).toBeInstanceOf(CsvError);
    expect([e.line, e.field, e.message, e.code]).toEqual([line, field, message, 'row']);
  });
});

describe('rows sharing a timestamp are kept, in file order', () => {
  it.each(['quotes', 'trades', 'prices', 'bars'] as const)('%s: every row at a repeated time is kept, none is a problem', async (kind) => {
    const body: Record<typeof kind, string> = {
      quotes: 'time,bid,ask\n1,10,11\n2,10,11\n2,10.5,11\n2,10.6,11.2\n3,10,11\n',
      trades: 'time,price,size\n1,10,1\n2,10,2\n2,10.5,3\n2,10.6,4\n3,10,5\n',
      prices: 'time,price\n1,10\n2,10\n2,10.5\n2,10.6\n3,10\n',
      bars: 'time,open,high,low,close\n1,10,10,10,10\n2,10,10,10,10\n2,10.5,10.5,10.5,10.5\n2,10.6,10.6,10.6,10.6\n3,10,10,10,10\n',
    };
    const r = await parseTicksCsv(body[kind]);
    expect(r.kind).toBe(kind);
    expect(Array.from(r.columns.time)).toEqual([1, 2, 2, 2, 3]);
    // The last row at time 2 is the current book: file order is kept.
    const second = r.columns.bid ?? r.columns.price ?? r.columns.open;
    expect(Array.from(second)).toEqual([10, 10, 10.5, 10.6, 10]);
    expect([r.rowsSkipped, r.problems, r.problemCounts]).toEqual([0, [], {}]);
  });

  it('keeps duplicates in file order when sorting out-of-order rows too', async () => {
    const r = await parseTicksCsv('time,bid,ask\n3,1,2\n1,1,2\n3,1,2.5\n3,1,2.6\n', { order: 'sort' });
    expect(Array.from(r.columns.time)).toEqual([1, 3, 3, 3]);
    expect(Array.from(r.columns.ask)).toEqual([2, 2, 2.5, 2.6]);
    expect(r.problems).toEqual([]);
  });

  it('a million-row-style run of same-millisecond FX quotes loses nothing', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `2024-03-01 12:00:00.${String(Math.floor(i / 7)).padStart(3, '0')},1.0850${i % 10},1.0851${i % 10}`);
    const r = await parseTicksCsv('time,bid,ask\n' + rows.join('\n'));
    expect(r.columns.time.length).toBe(3000);
    expect(r.rowsSkipped).toBe(0);
  });
});

describe('problem listing', () => {
  it('counts every skipped row but lists only maxProblems of each kind', async () => {
    const text = 'time,price\n' + Array.from({ length: 50 }, (_, i) => `${i + 1},${i % 2 ? 'x' : '1'}`).join('\n');
    const r = await parseTicksCsv(text, { maxProblems: 3 });
    expect(r.rowsSkipped).toBe(25);
    expect(r.problemCounts).toEqual({ number: 25 });
    expect(r.problems.map((p) => p.line)).toEqual([3, 5, 7]);
  });

  it('a frequent kind never hides a rare real defect: counts per kind plus the first lines of each', async () => {
    // 300 non-numeric sizes, then one crossed quote at line 1501 of the file.
    const rows = Array.from({ length: 2000 }, (_, i) => `${i + 1},10,${i + 2 === 1501 ? '9' : '11'},${i < 300 ? 'n/a' : '1'}`);
    const r = await parseTicksCsv('time,bid,ask,bid_size\n' + rows.join('\n'));
    expect(r.problemCounts).toEqual({ number: 300, crossed: 1 });
    expect(r.rowsSkipped).toBe(301);
    expect(r.problems.filter((p) => p.kind === 'number').length).toBe(100);
    expect(r.problems.filter((p) => p.kind === 'crossed')).toEqual([{ line: 1501, field: 'bid', message: 'crossed quote: bid 10 is above ask 9', kind: 'crossed' }]);
    // In file order.
    expect(r.problems.map((p) => p.line)).toEqual([...r.problems.map((p) => p.line)].sort((a, b) => a - b));
  });

  it('"stop at the first" stops at the first real defect, not at a repeated time', async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `${Math.floor(i / 3) + 1},10,${i + 2 === 1501 ? '9' : '11'}`);
    const e = await csvError('time,bid,ask\n' + rows.join('\n'), { badRows: 'stop' });
    expect([e.line, e.field, e.message]).toEqual([1501, 'bid', 'crossed quote: bid 10 is above ask 9']);
  });

  it('reports duplicates found after sorting, naming both lines, when asked to refuse them', async () => {
    const r = await parseTicksCsv('time,bid,ask\n3,1,2\n1,1,2\n3,1,2.5\n', { order: 'sort', allowDuplicateTimes: false });
    expect(r.problems).toEqual([{ line: 4, field: 'time', message: 'duplicate time 3 s since the epoch: same as line 2', kind: 'duplicate' }]);
    expect(Array.from(r.columns.ask)).toEqual([2, 2]);
    const e = await csvError('time,bid,ask\n3,1,2\n1,1,2\n3,1,2.5\n', { order: 'sort', badRows: 'stop', allowDuplicateTimes: false });
    expect([e.line, e.field]).toEqual([4, 'time']);
  });
});

describe('recovery and limits on malformed text', () => {
  it('a stray quote costs one row, not the rest of the file', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `${i + 1},${10 + (i % 3)}`);
    rows[10] = '11,"10';
    const r = await parseTicksCsv('time,price\n' + rows.join('\n'), { chunkBytes: 4096 });
    expect(r.problems).toEqual([{ line: 12, field: 'price', message: 'unterminated quoted field', kind: 'quote' }]);
    expect(r.columns.time.length).toBe(4999);
  });

  it('rejects a line longer than 1 MiB without waiting for its end', async () => {
    const e = await csvError('time,price\n1,1\n2,' + '9'.repeat(1_200_000) + '\n', { chunkBytes: 65536 });
    expect([e.line, e.message, e.code]).toEqual([3, 'line 3 is longer than 1048576 bytes: not a tick CSV row', 'binary']);
  });

  it('reads a headerless row of numbers and booleans as data, asking for a mapping when no vendor layout is used', async () => {
    const e = await csvError('3735693016,61685.99,0.00017,10.48,1723161601437,True,True\n', { format: 'generic' });
    expect([e.line, e.code, e.header]).toEqual([1, 'columns', ['column 1', 'column 2', 'column 3', 'column 4', 'column 5', 'column 6', 'column 7']]);
    const text = '3735693016,61685.99,0.00017,10.48,1723161601437,True,True\n3735693017,61686,0.0002,12.3,1723161601499,False,True\n';
    // As a plain side column "True" means nothing: every row is bad.
    const plain = await csvError(text, { format: 'generic', columns: { time: 4, price: 1, size: 2, side: 5 } });
    expect([plain.line, plain.field, plain.message]).toEqual([1, 'column 6', 'no usable rows: all 2 data rows were skipped; the first, on line 1: not a side (buy/sell or 1/0): "True"']);
    const r = await parseTicksCsv(text, { format: 'generic', columns: { time: 4, price: 1, size: 2, side: 5 }, sideMeaning: 'buyerIsMaker' });
    expect(r.rowsRead).toBe(2);
    expect(Array.from(r.columns.time)).toEqual([1723161601.437, 1723161601.499]);
    expect(Array.from(r.columns.side)).toEqual([-1, 1]);
  });
});
