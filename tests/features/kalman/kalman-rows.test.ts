import { describe, expect, it } from 'vitest';
import { acfBand, isWhite } from '../../../src/features/kalman/kalman-rows';
import { fmtNum } from '../../../src/lib/format';

describe('Kalman chart helpers', () => {
  it('bands white-noise autocorrelation at 1.96/√n and calls p ≥ 0.05 white', () => {
    expect(acfBand(10_000)).toBeCloseTo(0.0196, 12);
    expect(Number.isNaN(acfBand(0))).toBe(true);
    expect(isWhite(0.05)).toBe(true);
    expect(isWhite(0.0499)).toBe(false);
  });
});

describe('fmtNum', () => {
  it('keeps 4 significant digits and switches to scientific form for tiny or huge numbers', () => {
    expect(fmtNum(0.123456)).toBe('0.1235');
    expect(fmtNum(-2.5)).toBe('\u22122.5');
    expect(fmtNum(1.23456e-7)).toBe('1.235e-7');
    expect(fmtNum(0)).toBe('0');
    expect(fmtNum(Number.NaN)).toBe('—');
    expect(fmtNum(Infinity)).toBe('∞');
  });
});
