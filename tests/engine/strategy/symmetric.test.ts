import { describe, expect, it } from 'vitest';
import { createSymmetric } from '../../../src/engine';
import { quoteOnce } from './helpers';

describe('createSymmetric', () => {
  it('quotes the half-spread in bps either side of the mid whatever the inventory', () => {
    const s = createSymmetric({ halfSpreadBps: 25, orderSize: 2 });
    for (const q of [-5, 0, 5]) {
      const o = quoteOnce(s, { mid: 200 }, { inventory: q });
      expect(o.bid).toBeCloseTo(199.5, 12);
      expect(o.ask).toBeCloseTo(200.5, 12);
      expect(o.bidSize).toBe(2);
      expect(o.askSize).toBe(2);
      expect(o.fairValue).toBe(200);
    }
  });
});
