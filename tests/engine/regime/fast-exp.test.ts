import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expNonPositive, expNonPositiveFast } from '../../../src/engine/regime/fast-exp';

/**
 * Below −708.4 e^x is subnormal: results sit on a fixed grid of 2^−1074 (Number.MIN_VALUE), so no
 * relative tolerance can hold there. Both functions scale a normal value (relative error `rel`) by
 * 2^−m, rounded once to that grid (≤ ½ step), and Math.exp is itself rounded to it (≤ 1 step):
 * the bound is rel·want plus 2 grid steps, which the normal range meets with room to spare too.
 */
const SUBNORMAL_STEPS = 2 * Number.MIN_VALUE;
const tol = (rel: number, want: number) => rel * want + SUBNORMAL_STEPS;
const fastRel = (x: number) => 1e-15 + 2.5e-16 * Math.abs(x);

describe('expNonPositive', () => {
  it('agrees with Math.exp to 1e-15 relative plus 2 subnormal steps over the whole non-positive range', () => {
    fc.assert(
      fc.property(fc.double({ min: -744, max: 0, noNaN: true }), (x) => {
        const want = Math.exp(x);
        expect(Math.abs(expNonPositive(x) - want)).toBeLessThanOrEqual(tol(1e-15, want));
      }),
      { numRuns: 20_000 },
    );
    // Table boundaries and the bottom of the normal range, where the scaling by 2^m is largest.
    for (const x of [-Math.LN2 / 4096, -Math.LN2 / 2048, -Math.LN2, -1, -10, -700, -708.3, -709])
      expect(Math.abs(expNonPositive(x) - Math.exp(x))).toBeLessThanOrEqual(tol(1e-15, Math.exp(x)));
  });

  it('meets the same bound all through the subnormal region, where failures used to hide', () => {
    fc.assert(
      fc.property(fc.double({ min: -745, max: -708, noNaN: true }), (x) => {
        const want = Math.exp(x);
        expect(Math.abs(expNonPositive(x) - want)).toBeLessThanOrEqual(tol(1e-15, want));
        expect(Math.abs(expNonPositiveFast(x) - want)).toBeLessThanOrEqual(tol(fastRel(x), want));
      }),
      { numRuns: 20_000 },
    );
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
  it('agrees with Math.exp to 1e-15 + 2.5e-16·|x| relative plus 2 subnormal steps (one-constant range reduction)', () => {
    fc.assert(
      fc.property(fc.double({ min: -744, max: 0, noNaN: true }), (x) => {
        const want = Math.exp(x);
        expect(Math.abs(expNonPositiveFast(x) - want)).toBeLessThanOrEqual(tol(fastRel(x), want));
      }),
      { numRuns: 20_000 },
    );
    for (const x of [-Math.LN2 / 4096, -Math.LN2 / 2048, -Math.LN2, -1, -10, -700, -708.3, -709])
      expect(Math.abs(expNonPositiveFast(x) - Math.exp(x))).toBeLessThanOrEqual(tol(fastRel(x), Math.exp(x)));
  });

  it('is exactly 1 at 0 and 0 below −745 and for NaN, as expNonPositive', () => {
    expect(expNonPositiveFast(0)).toBe(1);
    expect(expNonPositiveFast(-746)).toBe(0);
    expect(expNonPositiveFast(-Infinity)).toBe(0);
    expect(expNonPositiveFast(NaN)).toBe(0);
  });
});
