import { describe, expect, it } from 'vitest';
import { parseTicksCsv } from '../../../../src/engine';

const arr = (a: Float64Array) => Array.from(a);
const T0 = Date.UTC(2024, 7, 1) / 1000;

describe('date and time in two adjacent columns are read as one timestamp', () => {
  it.each([
    ['comma, ISO dates', 'Date,Time,Bid,Ask\n2024-08-01,00:00:00.25,1.5,1.6\n2024-08-01,00:00:01,1.4,1.7\n'],
    ['semicolon, dotted day-first dates, CRLF', 'date;time;bid;ask\r\n01.08.2024;00:00:00.25;1.5;1.6\r\n01.08.2024;00:00:01;1.4;1.7\r\n'],
    ['tab, slashed dates, a quoted field with tabs after', 'date\ttime\tbid\task\tnote\n2024/08/01\t00:00:00.25\t1.5\t1.6\t"a\tb"\n2024/08/01\t00:00:01\t1.4\t1.7\tx\n'],
  ])('%s, in chunks of any size', async (_label, text) => {
    for (const chunkBytes of [1 << 20, 1, 5, 13]) {
      const r = await parseTicksCsv(text, { chunkBytes });
      expect(r.kind).toBe('quotes');
      expect(arr(r.columns.time)).toEqual([T0 + 0.25, T0 + 1]);
      expect(arr(r.columns.bid)).toEqual([1.5, 1.4]);
      expect(r.problems).toEqual([]);
      expect(r.detected.notes.join(' ')).toMatch(/date and time read from two columns \((Date|date) and (Time|time)\) as one/);
    }
  });

  it('a time column that already holds timestamps, or a date not next to the time, is read as before', async () => {
    const whole = await parseTicksCsv('date,time,bid,ask\n2024-08-01,2024-08-01T00:00:01Z,1.5,1.6\n');
    expect(arr(whole.columns.time)).toEqual([T0 + 1]);
    expect(whole.detected.notes.join(' ')).not.toMatch(/two columns/);
    const apart = await parseTicksCsv('date,bid,time,ask\n2024-08-01,1.5,00:00:01,1.6\n2024-08-01,1.5,00:00:02,1.6\n').then(() => null, (e: Error) => e.message);
    expect(apart).toMatch(/not a timestamp: "00:00:01" \(a time of day without its date/);
  });

  it('UTF-16 files (little- and big-endian, by their byte-order mark) read as their UTF-8 text, split anywhere', async () => {
    const text = 'time,bid,ask\n2024-08-01T00:00:01Z,1.5,1.6\n2024-08-01T00:00:02Z,1.4,1.7\n';
    const le = new Uint8Array(2 + 2 * text.length), be = new Uint8Array(2 + 2 * text.length);
    le.set([0xff, 0xfe]); be.set([0xfe, 0xff]);
    for (let i = 0; i < text.length; i++) {
      le[2 + 2 * i] = text.charCodeAt(i); be[3 + 2 * i] = text.charCodeAt(i);
    }
    for (const input of [le, be]) {
      for (const chunkBytes of [1 << 20, 1, 3]) {
        const r = await parseTicksCsv(input, { chunkBytes });
        expect(arr(r.columns.time)).toEqual([T0 + 1, T0 + 2]);
        expect(arr(r.columns.ask)).toEqual([1.6, 1.7]);
      }
    }
  });
});
