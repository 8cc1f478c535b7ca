import { describe, expect, it } from 'vitest';
import { createGlft, glftQuote } from '../../../src/engine';
import { quoteOnce } from './helpers';

describe('createGlft', () => {
  const p = { gamma: 0.1, sigma: 2, kappa: 1.5, A: 140, xi: 0.1, orderSize: 1, maxInventory: 3 };
  const s = createGlft(p);

  it('matches glftQuote (Guéant 2017 eqs. 4.6–4.7) inside the bounds', () => {
    for (const q of [-2, 0, 2]) {
      const o = quoteOnce(s, { mid: 100 }, { inventory: q });
      const ref = glftQuote({ mid: 100, q, gamma: 0.1, sigma: 2, kappa: 1.5, A: 140, xi: 0.1, delta: 1 });
      expect(o.bid).toBeCloseTo(ref.bid, 12);
      expect(o.ask).toBeCloseTo(ref.ask, 12);
      expect(o.bidSize).toBe(1);
      expect(o.askSize).toBe(1);
    }
  });

  it('stops the side that would cross ±Q', () => {
    expect(quoteOnce(s, {}, { inventory: 3 }).bidSize).toBe(0);
    expect(quoteOnce(s, {}, { inventory: 3 }).askSize).toBe(1);
    expect(quoteOnce(s, {}, { inventory: -2.5 }).askSize).toBe(0);
  });
});
