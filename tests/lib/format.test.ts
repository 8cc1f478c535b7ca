import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fmtDuration, fmtNum, fmtQty } from '../../src/lib/format';

const M = '\u2212';

describe('fmtDuration', () => {
  it('carries a rounded-up unit into the next one (never "59 min 60 s")', () => {
    expect(fmtDuration(3599.6)).toBe('1 h');
    expect(fmtDuration(119.6)).toBe('2 min');
    expect(fmtDuration(59.99)).toBe('1 min');
    expect(fmtDuration(86_399 + 0.9)).toBe('1 day');
    expect(fmtDuration(3600 * 23 + 59.6 * 60)).toBe('1 day');
    expect(fmtDuration(0.9999)).toBe('1 s');
  });

  it('writes the usual cases in words', () => {
    expect(fmtDuration(344)).toBe('5 min 44 s');
    expect(fmtDuration(4.2)).toBe('4.2 s');
    expect(fmtDuration(0.0125)).toBe('12.5 ms');
    expect(fmtDuration(0.00085)).toBe('850 µs');
    expect(fmtDuration(3 * 3600 + 120)).toBe('3 h 2 min');
    expect(fmtDuration(2 * 86_400 + 4 * 3600)).toBe('2 days 4 h');
    expect(fmtDuration(-90)).toBe(`${M}1 min 30 s`);
    expect(fmtDuration(NaN)).toBe('—');
  });

  it('never shows 60 of a unit below the next one (property)', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 1e7, noNaN: true }), (s) => {
      const t = fmtDuration(s);
      expect(t).not.toMatch(/\b60 (s|min)\b/);
      expect(t).not.toMatch(/\b24 h\b/);
      expect(t).not.toMatch(/\b1000 ms\b/);
    }));
  });
});

describe('fmtQty', () => {
  it('writes sizes with the lot size’s decimals and a real minus sign', () => {
    expect(fmtQty(-0.16, 0.001)).toBe(`${M}0.160`);
    expect(fmtQty(2, 1)).toBe('2');
    expect(fmtQty(1234.5, 0.1)).toBe('1,234.5');
    expect(fmtQty(-0.0000001, 0.001)).toBe('0.000');
  });
});

describe('fmtNum', () => {
  it('keeps 4 significant digits and switches to scientific form for tiny or huge numbers', () => {
    expect(fmtNum(0.123456)).toBe('0.1235');
    expect(fmtNum(-2.5)).toBe('\u22122.5');
    expect(fmtNum(1.23456e-7)).toBe('1.235e-7');
    expect(fmtNum(0)).toBe('0');
    // Thousands separated, as the counts and axes are: "61,480", not "61480".
    expect(fmtNum(61480.3)).toBe('61,480');
    expect(fmtNum(-4409.2)).toBe('\u22124,409');
    expect(fmtNum(1234.5, 6)).toBe('1,234.5');
    expect(fmtNum(999.96)).toBe('1,000');
    expect(fmtNum(2.5e6)).toBe('2.500e+6');
    expect(fmtNum(Number.NaN)).toBe('—');
    expect(fmtNum(Infinity)).toBe('∞');
  });
});
