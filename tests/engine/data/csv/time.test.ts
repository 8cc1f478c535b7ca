import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { epochUnitOf, parseIsoSeconds } from '../../../../src/engine';

describe('parseIsoSeconds', () => {
  it('agrees with Date for every millisecond timestamp from 1900 to 2200', () => {
    fc.assert(
      fc.property(fc.integer({ min: -2_208_988_800_000, max: 7_258_118_400_000 }), (ms) => {
        const iso = new Date(ms).toISOString();
        expect(parseIsoSeconds(iso)).toBeCloseTo(ms / 1000, 6);
        expect(parseIsoSeconds(iso.replace('T', ' ').replace('Z', ''))).toBeCloseTo(ms / 1000, 6);
      }),
      { numRuns: 500 },
    );
  });

  it('applies offsets and reads fractions to the nanosecond', () => {
    const base = Date.UTC(2024, 7, 9) / 1000;
    expect(parseIsoSeconds('2024-08-09T02:00:00+02:00')).toBe(base);
    expect(parseIsoSeconds('2024-08-08T19:30:00-0430')).toBe(base);
    expect(parseIsoSeconds('1970-01-01T00:00:00.000000001Z')).toBe(1e-9);
    expect(parseIsoSeconds('2024-08-09T00:00:00.123456Z')).toBe(base + 0.123456);
    expect(parseIsoSeconds('2024-02-29')).toBe(Date.UTC(2024, 1, 29) / 1000);
  });

  it('reads day-first dotted dates (DD.MM.YYYY) as Date reads the same instant, and a " GMT±hhmm" offset', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 7_258_118_400_000 }), (ms) => {
        const iso = new Date(ms).toISOString(); // YYYY-MM-DDThh:mm:ss.fffZ
        const dotted = `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)} ${iso.slice(11, 23)}`;
        expect(parseIsoSeconds(dotted)).toBeCloseTo(ms / 1000, 6);
        expect(parseIsoSeconds(`${dotted} GMT`)).toBeCloseTo(ms / 1000, 6);
      }),
      { numRuns: 300 },
    );
    const base = Date.UTC(2024, 7, 9) / 1000;
    expect(parseIsoSeconds('09.08.2024 02:00:00.000 GMT+0200')).toBe(base);
    expect(parseIsoSeconds('08.08.2024 19:30:00 GMT-0430')).toBe(base);
    expect(parseIsoSeconds('2024.08.09 00:00:00')).toBe(base); // JForex: year first
  });

  it.each(['31.02.2024 00:00:00', '09.13.2024 00:00:00', '09/08/2024 00:00:00', '9.08.2024 00:00', '09.08.2024 00:00:00 GMT+2x', '09.08.2024 00:00:00 UTC+0200'])('rejects %s (dotted dates are day-first; a slashed one is ambiguous)', (s) => {
    expect(parseIsoSeconds(s)).toBeNaN();
  });

  it.each(['2023-02-29', '2024-13-01', '2024-08-09T24:00', '2024-08-09T12:60', '2024-08-09T12:00:00.', '2024-08-09T12:00:00+2', '2024-08-09X12:00', '20240809', '2024-08-09T12:00:00Zjunk', '２０２４-08-09'])('rejects %s', (s) => {
    expect(parseIsoSeconds(s)).toBeNaN();
  });
});

describe('epochUnitOf', () => {
  it.each([
    [1_723_161_600, 's'],
    [1_723_161_600_000, 'ms'],
    [1_723_161_600_000_000, 'us'],
    [1.723161600e18, 'ns'],
    [99_999_999_999, 's'],
    [1e11, 'ms'],
  ])('%d is %s', (v, unit) => expect(epochUnitOf(v)).toBe(unit));
});

describe('decimal epoch seconds (fast path)', () => {
  it('read within a nanosecond of the decimal text, whatever the number of fraction digits', async () => {
    const { parseTicksCsv } = await import('../../../../src/engine');
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 4_000_000_000 }), fc.stringMatching(/^[0-9]{0,18}$/), async (sec, frac) => {
        const stamp = frac ? `${sec}.${frac}` : `${sec}`;
        const r = await parseTicksCsv(`time,price\n${stamp},1\n`, { timeUnit: 's' });
        // Reference: whole seconds plus the first 9 fraction digits as integer nanoseconds.
        const ns = Number((frac + '000000000').slice(0, 9));
        expect(Math.abs(r.columns.time[0] - sec - ns / 1e9)).toBeLessThanOrEqual(1e-9 + sec * 2.3e-16);
      }),
      { numRuns: 300 },
    );
  });
});

describe('time zones', () => {
  it('New York: EST in winter, EDT in summer, switching at 02:00 local on the US dates', async () => {
    const { zoneFor } = await import('../../../../src/engine');
    const ny = zoneFor('America/New_York')!;
    const naive = (y: number, m: number, d: number, h: number, mi = 0) => Date.UTC(y, m - 1, d, h, mi) / 1000;
    expect(ny(naive(2024, 1, 15, 12))).toBe(naive(2024, 1, 15, 17));
    expect(ny(naive(2024, 7, 1, 12))).toBe(naive(2024, 7, 1, 16));
    // 2024: DST from Sunday 10 March 02:00 to Sunday 3 November 02:00.
    expect(ny(naive(2024, 3, 10, 1, 59))).toBe(naive(2024, 3, 10, 6, 59));
    expect(ny(naive(2024, 3, 10, 3, 0))).toBe(naive(2024, 3, 10, 7, 0));
    expect(ny(naive(2024, 11, 3, 3, 0))).toBe(naive(2024, 11, 3, 8, 0));
    // 2006 rules: first Sunday of April (2 April) to last Sunday of October (29 October).
    expect(ny(naive(2006, 4, 1, 12))).toBe(naive(2006, 4, 1, 17));
    expect(ny(naive(2006, 4, 3, 12))).toBe(naive(2006, 4, 3, 16));
    expect(ny(naive(2006, 10, 30, 12))).toBe(naive(2006, 10, 30, 17));
    expect(zoneFor('EST')!(0)).toBe(18000);
    expect(zoneFor('+05:30')!(0)).toBe(-19800);
    expect(zoneFor('UTC')).toBeNull();
    expect(zoneFor('Mars/Olympus')).toBeUndefined();
  });
});
