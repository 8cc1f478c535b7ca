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
