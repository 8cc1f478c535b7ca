import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyFill, createAccount, markMid } from '../../../src/engine';

describe('account', () => {
  it('books fills so that equity moves by spread capture − fee at the fill and by q·Δmid between', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ side: fc.constantFrom(1, -1), dPrice: fc.double({ min: -1, max: 1, noNaN: true }), size: fc.double({ min: 0.01, max: 5, noNaN: true }), fee: fc.double({ min: -0.1, max: 0.1, noNaN: true }), dMid: fc.double({ min: -2, max: 2, noNaN: true }) }), { minLength: 1, maxLength: 30 }),
        (steps) => {
          const a = createAccount(4); // grows past its first capacity
          let mid = 100;
          let expected = 0;
          steps.forEach((s, k) => {
            const price = mid - s.side * s.dPrice;
            const before = a.cash + a.inventory * mid;
            applyFill(a, k, k, s.side, price, s.size, mid, s.fee, true);
            expect(a.cash + a.inventory * mid - before).toBeCloseTo(s.side * s.size * (mid - price) - s.fee, 9);
            expected += s.side * s.size * (mid - price) - s.fee + a.inventory * s.dMid;
            markMid(a, mid, mid + s.dMid);
            mid += s.dMid;
          });
          expect(a.cash + a.inventory * mid).toBeCloseTo(expected, 8);
          expect(a.fillCount).toBe(steps.length);
          expect(a.fills.size[steps.length - 1]).toBe(steps[steps.length - 1].size);
        },
      ),
      { numRuns: 100 },
    );
  });
});
