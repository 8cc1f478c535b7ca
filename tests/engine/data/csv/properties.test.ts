import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvError, parseTicksCsv, type ParsedTicks, type ParseTicksOptions } from '../../../../src/engine';

/** Parse and classify: a result or a CsvError; anything else fails the property. */
async function outcome(text: string | Uint8Array, options?: ParseTicksOptions): Promise<ParsedTicks | CsvError> {
  try {
    return await parseTicksCsv(text, options);
  } catch (e) {
    if (e instanceof CsvError) return e;
    throw e;
  }
}

function lineCount(text: string): number {
  return text.split('\n').length;
}

function checkConsistent(r: ParsedTicks, lines: number): void {
  const cols = Object.values(r.columns);
  const n = r.rowsRead - r.rowsSkipped;
  expect(n).toBeGreaterThan(0);
  for (const c of cols) expect(c.length).toBe(n);
  const t = r.columns.time;
  for (let i = 0; i < n; i++) {
    expect(Number.isFinite(t[i])).toBe(true);
    if (i > 0) expect(t[i]).toBeGreaterThanOrEqual(t[i - 1]);
  }
  for (const k of ['bid', 'ask', 'price', 'open', 'high', 'low', 'close']) {
    const c = r.columns[k];
    if (c) for (let i = 0; i < n; i++) expect(c[i]).toBeGreaterThan(0);
  }
  if (r.columns.bid) for (let i = 0; i < n; i++) expect(r.columns.bid[i]).toBeLessThanOrEqual(r.columns.ask[i]);
  for (const p of r.problems) {
    expect(p.line).toBeGreaterThanOrEqual(1);
    expect(p.line).toBeLessThanOrEqual(lines);
    expect(p.message.length).toBeGreaterThan(0);
  }
}

const quoteRow = fc.tuple(fc.integer({ min: 0, max: 5 }), fc.double({ min: 1, max: 1e5, noNaN: true }), fc.double({ min: 0, max: 10, noNaN: true }));

/** A valid quotes CSV with non-decreasing distinct times, in a random dialect. */
const validQuotes = fc
  .record({
    rows: fc.array(quoteRow, { minLength: 1, maxLength: 60 }),
    delim: fc.constantFrom(',', ';', '\t'),
    eol: fc.constantFrom('\n', '\r\n'),
    bom: fc.boolean(),
    quoted: fc.boolean(),
    unit: fc.constantFrom('s', 'ms', 'ns'),
  })
  .map(({ rows, delim, eol, bom, quoted, unit }) => {
    const q = (s: string) => (quoted ? `"${s}"` : s);
    let t = 1_700_000_000;
    const scale = unit === 's' ? 1n : unit === 'ms' ? 1000n : 1_000_000_000n;
    const expected: { time: number; bid: number; ask: number }[] = [];
    const lines = [['ts', 'bid', 'ask'].map(q).join(delim)];
    for (const [dt, bid, spread] of rows) {
      t += dt + 1;
      const b = Number(bid.toFixed(4)), a = Number((bid + spread).toFixed(4));
      expected.push({ time: t, bid: b, ask: a });
      lines.push([String(BigInt(t) * scale), String(b), String(a)].map(q).join(delim));
    }
    return { text: (bom ? '\uFEFF' : '') + lines.join(eol) + eol, expected };
  });

describe('parseTicksCsv properties', () => {
  it('reads every valid quotes file back exactly, in any dialect and any chunking', async () => {
    await fc.assert(
      fc.asyncProperty(validQuotes, fc.integer({ min: 1, max: 64 }), async ({ text, expected }, chunkBytes) => {
        const r = await parseTicksCsv(text, { chunkBytes });
        expect(r.rowsSkipped).toBe(0);
        expect(Array.from(r.columns.time)).toEqual(expected.map((e) => e.time));
        expect(Array.from(r.columns.bid)).toEqual(expected.map((e) => e.bid));
        expect(Array.from(r.columns.ask)).toEqual(expected.map((e) => e.ask));
      }),
      { numRuns: 150 },
    );
  });

  it('on mutated files returns consistent columns or a CsvError naming a line, never anything else', async () => {
    const mutation = fc.record({ at: fc.nat(), kind: fc.integer({ min: 0, max: 5 }), ch: fc.constantFrom('x', '-', ',', ';', '"', '\n', '\r', '.', '0', '9', ' ', '\u0000', 'é', 'e', '1e999') });
    await fc.assert(
      fc.asyncProperty(validQuotes, fc.array(mutation, { maxLength: 8 }), fc.constantFrom<'skip' | 'stop'>('skip', 'stop'), fc.constantFrom<'sort' | 'reject'>('sort', 'reject'), async ({ text }, muts, badRows, order) => {
        let s = text;
        for (const m of muts) {
          const i = s.length ? m.at % s.length : 0;
          if (m.kind === 0) s = s.slice(0, i) + s.slice(i + 1);
          else if (m.kind === 1) s = s.slice(0, i) + m.ch + s.slice(i);
          else if (m.kind === 2) s = s.slice(0, i) + m.ch + s.slice(i + 1);
          else if (m.kind === 3) s = s.slice(0, i);
          else if (m.kind === 4) s = s.slice(i);
          else s = s + s.slice(i);
        }
        const r = await outcome(s, { badRows, order, chunkBytes: 1 + (muts.length * 7) });
        if (r instanceof CsvError) {
          expect(r.line).toBeGreaterThanOrEqual(1);
          expect(r.line).toBeLessThanOrEqual(lineCount(s) + 1);
          expect(r.message.length).toBeGreaterThan(0);
        } else checkConsistent(r, lineCount(s));
      }),
      { numRuns: 400 },
    );
  });

  it('on random text and random bytes returns consistent columns or a CsvError, never anything else', async () => {
    const header = fc.constantFrom('time,bid,ask\n', 'ts,price,qty,side\n', 'date;price\n', 'open_time,open,high,low,close\n', '');
    const body = fc.array(fc.constantFrom('1', '2', '0', '.', '-', ',', ';', '\n', '"', 'a', ' ', '2024-01-01', 'T', ':', 'e', '\r'), { maxLength: 200 }).map((a) => a.join(''));
    await fc.assert(
      fc.asyncProperty(header, body, async (h, b) => {
        const s = h + b;
        const r = await outcome(s);
        if (r instanceof CsvError) expect(r.line).toBeLessThanOrEqual(lineCount(s) + 1);
        else checkConsistent(r, lineCount(s));
      }),
      { numRuns: 400 },
    );
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        const r = await outcome(bytes);
        if (!(r instanceof CsvError)) expect(r.columns.time.length).toBe(r.rowsRead - r.rowsSkipped);
      }),
      { numRuns: 300 },
    );
  });

  it('reads mutated files the same whatever the chunking: same columns and problems, or the same error', async () => {
    const mutate = fc.array(fc.record({ at: fc.nat(), ch: fc.constantFrom('x', ',', '"', '\n', '\r\n', '') }), { maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(validQuotes, mutate, fc.integer({ min: 1, max: 40 }), async ({ text }, muts, chunkBytes) => {
        let s = text;
        for (const m of muts) {
          const i = m.at % (s.length + 1);
          s = s.slice(0, i) + m.ch + s.slice(i + (m.ch === '' ? 1 : 0));
        }
        const whole = await outcome(s, { order: 'sort' });
        const chunked = await outcome(s, { order: 'sort', chunkBytes });
        if (whole instanceof CsvError || chunked instanceof CsvError) {
          expect(chunked).toBeInstanceOf(CsvError);
          expect(whole).toBeInstanceOf(CsvError);
          expect([(chunked as CsvError).line, (chunked as CsvError).message]).toEqual([(whole as CsvError).line, (whole as CsvError).message]);
        } else {
          expect((chunked as ParsedTicks).columns).toEqual(whole.columns);
          expect((chunked as ParsedTicks).problems).toEqual(whole.problems);
        }
      }),
      { numRuns: 300 },
    );
  });
});
