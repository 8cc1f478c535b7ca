import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvError, parseTicksCsv, type ParsedTicks, type ParseTicksOptions, type TicksInput } from '../../../../src/engine';
import { chunkedStream, gzipText } from './helpers';

/** The whole outcome as plain data: columns, counts and problems, or the error's line, field, message and code. */
async function outcome(input: TicksInput, options: ParseTicksOptions = {}): Promise<unknown> {
  try {
    const r: ParsedTicks = await parseTicksCsv(input, options);
    return { kind: r.kind, columns: Object.fromEntries(Object.entries(r.columns).map(([k, v]) => [k, Array.from(v)])), rowsRead: r.rowsRead, rowsSkipped: r.rowsSkipped, problems: r.problems, problemCounts: r.problemCounts, timeUnit: r.timeUnit };
  } catch (e) {
    if (e instanceof CsvError) return { error: [e.line, e.field, e.message, e.code] };
    throw e;
  }
}

// Inputs are bounded by construction (at most ~60 rows of short fields, plus at most one long
// line of 1.1 MB built from one repeated character), so each parse stays far below a second.
const cell = fc.constantFrom('1', '2', '10.5', '0', '-1', 'x', '', '1e999', '9'.repeat(30), '"1"', '"a\nb"', '"', '2024-01-01T00:00:00Z', '1723161600123456789', 'buy', 'true');
const row = fc.array(cell, { minLength: 1, maxLength: 5 }).map((c) => c.join(','));
const file = fc
  .record({
    header: fc.constantFrom('time,bid,ask', 'ts,price,qty,side', 'time,open,high,low,close', 'timestamp,price', ''),
    rows: fc.array(row, { maxLength: 60 }),
    eol: fc.constantFrom('\n', '\r\n'),
    long: fc.option(fc.record({ at: fc.nat(), len: fc.constantFrom(70_000, 1_100_000) }), { freq: 4 }),
  })
  .map(({ header, rows, eol, long }) => {
    const lines = header ? [header, ...rows] : rows;
    if (long) lines.splice(long.at % (lines.length + 1), 0, '1,' + '7'.repeat(long.len));
    return lines.join(eol) + eol;
  });

describe('same bytes, same result', () => {
  it('as a string, bytes in any chunk size, a stream in any piece size and gzip', async () => {
    await fc.assert(
      fc.asyncProperty(file, fc.integer({ min: 1, max: 4096 }), fc.integer({ min: 1, max: 70_000 }), fc.constantFrom<'skip' | 'stop'>('skip', 'stop'), fc.constantFrom<'sort' | 'reject'>('sort', 'reject'), async (text, chunkBytes, piece, badRows, order) => {
        const o = { badRows, order };
        const bytes = new TextEncoder().encode(text);
        const expected = await outcome(text, o);
        expect(await outcome(bytes, { ...o, chunkBytes })).toEqual(expected);
        expect(await outcome(chunkedStream(bytes, piece), o)).toEqual(expected);
        expect(await outcome(await gzipText(text), o)).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });

  it('a line longer than 1 MiB is refused the same way whether it arrives whole or in pieces', async () => {
    const text = 'time,price\n1,1\n2,' + '9'.repeat(1_200_000) + '\n3,1\n';
    const expected = { error: [3, '', 'line 3 is longer than 1048576 bytes: not a tick CSV row', 'binary'] };
    expect(await outcome(text)).toEqual(expected);
    for (const chunkBytes of [1 << 21, 65536, 4096]) expect(await outcome(text, { chunkBytes })).toEqual(expected);
    expect(await outcome(chunkedStream(new TextEncoder().encode(text), 999_983))).toEqual(expected);
    expect(await outcome(await gzipText(text))).toEqual(expected);
  });

  it('a header line longer than 64 KiB is refused whatever the chunking', async () => {
    const text = 'time,' + 'p'.repeat(70_000) + '\n1,1\n';
    for (const chunkBytes of [1 << 20, 1000]) {
      expect(await outcome(text, { chunkBytes })).toEqual({ error: [1, '', 'no line break in the first 65536 bytes: not a tick CSV file', 'binary'] });
    }
  });

  it('a quoted field open for more than 64 KiB is an unterminated quote whether it closes later in the same chunk or not', async () => {
    const text = 'time,price,note\n1,1,"' + 'a\n'.repeat(40_000) + '"\n2,2,ok\n';
    const whole = (await outcome(text)) as { problemCounts: Record<string, number>; columns: { time: number[] } };
    expect(await outcome(text, { chunkBytes: 1000 })).toEqual(whole);
    expect(whole.problemCounts.quote).toBeGreaterThanOrEqual(1);
    // Row 1 is lost to its open quote; the lines after it read as rows of their own.
    expect(whole.columns.time).toEqual([2]);
  });
});

describe('one row, one reading', () => {
  // Plain rows take a one-pass reader; quoted, padded or exponent-written fields take the general
  // path. The same values written either way must give the same columns.
  it('a value reads the same whether its row takes the one-pass reader or the general path', async () => {
    const quote = fc.tuple(fc.bigInt({ min: 1n, max: 5_000_000n }), fc.integer({ min: 100, max: 9_999_999 }), fc.integer({ min: 1, max: 500 }), fc.integer({ min: 0, max: 99_999 }));
    const dress = fc.constantFrom<'plain' | 'quoted' | 'padded' | 'exponent'>('plain', 'plain', 'quoted', 'padded', 'exponent');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(quote, fc.array(dress, { minLength: 4, maxLength: 4 })), { minLength: 1, maxLength: 40 }), fc.constantFrom('\n', '\r\n'), async (rows, eol) => {
        let t = 1723161255088169167n;
        const plain: string[] = ['local_ts_ns,bid_px,ask_px,bid_qty'], dressed: string[] = [plain[0]];
        for (const [[dt, bidCents, spread, qty], how] of rows) {
          t += dt;
          const fields = [String(t), (bidCents / 100).toFixed(2), ((bidCents + spread) / 100).toFixed(2), (qty / 1000).toFixed(3)];
          plain.push(fields.join(','));
          dressed.push(fields.map((f, i) => (how[i] === 'quoted' ? `"${f}"` : how[i] === 'padded' ? ` ${f} ` : how[i] === 'exponent' && i > 0 ? `${f}e0` : f)).join(','));
        }
        const expected = await outcome(plain.join(eol) + eol);
        expect((expected as { rowsSkipped: number }).rowsSkipped).toBe(0);
        expect(await outcome(dressed.join(eol) + eol)).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });
});

describe('times', () => {
  it('are always finite and non-decreasing, whatever the rows', async () => {
    const stamp = fc.oneof(fc.integer({ min: 0, max: 2_000_000_000 }).map(String), fc.bigInt({ min: 0n, max: 10n ** 19n }).map(String), fc.constantFrom('9'.repeat(400), '1e308', '1e999', '-5', '2024-02-30', '2024-02-29T23:59:59.999999999Z'), fc.double({ min: 0, max: 2e9, noNaN: true }).map((x) => x.toFixed(6)));
    await fc.assert(
      fc.asyncProperty(fc.array(stamp, { minLength: 1, maxLength: 40 }), fc.constantFrom<'sort' | 'reject'>('sort', 'reject'), async (stamps, order) => {
        let r: ParsedTicks;
        try {
          r = await parseTicksCsv('time,price\n' + stamps.map((s) => `${s},1`).join('\n'), { order });
        } catch (e) {
          expect(e).toBeInstanceOf(CsvError);
          return;
        }
        const t = r.columns.time;
        for (let i = 0; i < t.length; i++) {
          expect(Number.isFinite(t[i])).toBe(true);
          if (i > 0) expect(t[i]).toBeGreaterThanOrEqual(t[i - 1]);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('number recognition', () => {
  it('accepts exactly the plain decimals (the old regular expression, as a reference on short text)', async () => {
    const reference = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
    const text = fc.array(fc.constantFrom('1', '0', '.', '-', '+', 'e', 'E', 'x', ' '), { minLength: 1, maxLength: 8 }).map((a) => a.join(''));
    await fc.assert(
      fc.asyncProperty(text, async (s) => {
        const r = await parseTicksCsv(`time,price\n1,${s}\n2,1\n`);
        const v = Number(s);
        const expected = reference.test(s.trim()) && Number.isFinite(v) && v > 0; // fields are trimmed
        expect(r.columns.time.length === 2).toBe(expected);
        if (expected) expect(r.columns.price[0]).toBe(v);
      }),
      { numRuns: 300 },
    );
  });

  it('reads a 65 kB field of digits (a case the backtracking check made quadratic) as one bad row', async () => {
    const r = await parseTicksCsv(`time,price\n1,${'1'.repeat(65_000)}x\n2,1\n`);
    expect(r.problemCounts).toEqual({ number: 1 });
    expect(Array.from(r.columns.time)).toEqual([2]);
  });
});
