import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { kthSmallest } from '../../../src/engine/util/math';

describe('kthSmallest', () => {
  it('is the ascending sort at index k, for any values, ties and order', () => {
    fc.assert(fc.property(
      fc.array(fc.oneof(fc.double({ noNaN: true }), fc.constantFrom(0, 1, 1, 2, -0)), { minLength: 1, maxLength: 400 }),
      fc.nat(),
      (values, k0) => {
        const x = Float64Array.from(values);
        const k = k0 % x.length;
        const sorted = Float64Array.from(values).sort();
        expect(kthSmallest(x, k) === sorted[k]).toBe(true); // === : a −0 and a 0 are the same order statistic
      },
    ), { numRuns: 1000 });
  });

  it('handles sorted, reversed and constant runs of 10^5 values', () => {
    const up = Float64Array.from({ length: 100_000 }, (_, i) => i);
    expect(kthSmallest(Float64Array.from(up), 95_000)).toBe(95_000);
    expect(kthSmallest(Float64Array.from(up).reverse(), 3)).toBe(3);
    expect(kthSmallest(new Float64Array(100_000).fill(7), 50_000)).toBe(7);
  });
});
