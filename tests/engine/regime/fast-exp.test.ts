import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expNonPositive, expNonPositiveFast } from '../../../src/engine/regime/fast-exp';

describe('expNonPositive', () => {
  it('agrees with Math.exp to a few ulps over the whole non-positive range', () => {
    fc.assert(
      fc.property(fc.double({ min: -744, max: 0, noNaN: true }), (x) => {
        const want = Math.exp(x);
        expect(Math.abs(expNonPositive(x) - want)).toBeLessThanOrEqual(1e-15 * want);
      }),
      { numRuns: 20_000 },
    );
    // Table boundaries and the bottom of the normal range, where the scaling by 2^m is largest.
    for (const x of [-Math.LN2 / 4096, -Math.LN2 / 2048, -Math.LN2, -1, -10, -700, -708.3, -709])
      expect(Math.abs(expNonPositive(x) - Math.exp(x))).toBeLessThanOrEqual(1e-15 * Math.exp(x));
  });

  it('is exactly 1 at 0, underflows to 0 below −745 and maps NaN to 0', () => {
    expect(expNonPositive(0)).toBe(1);
    expect(expNonPositive(-0)).toBe(1);
    expect(expNonPositive(-746)).toBe(0);
    expect(expNonPositive(-Infinity)).toBe(0);
    expect(expNonPositive(NaN)).toBe(0);
  });
});

describe('expNonPositiveFast', () => {
  it('agrees with Math.exp to 1e-15 + 2.5e-16·|x| relative (one-constant range reduction)', () => {
    fc.assert(
      fc.property(fc.double({ min: -744, max: 0, noNaN: true }), (x) => {
        const want = Math.exp(x);
        expect(Math.abs(expNonPositiveFast(x) - want)).toBeLessThanOrEqual((1e-15 + 2.5e-16 * Math.abs(x)) * want);
      }),
      { numRuns: 20_000 },
    );
    for (const x of [-Math.LN2 / 4096, -Math.LN2 / 2048, -Math.LN2, -1, -10, -700, -708.3, -709])
      expect(Math.abs(expNonPositiveFast(x) - Math.exp(x))).toBeLessThanOrEqual((1e-15 + 2.5e-16 * Math.abs(x)) * Math.exp(x));
  });

  it('is exactly 1 at 0 and 0 below −745 and for NaN, as expNonPositive', () => {
    expect(expNonPositiveFast(0)).toBe(1);
    expect(expNonPositiveFast(-746)).toBe(0);
    expect(expNonPositiveFast(-Infinity)).toBe(0);
    expect(expNonPositiveFast(NaN)).toBe(0);
  });
});
