import { describe, expect, it } from 'vitest';
import { asQuote, glftQuote } from '../../../src/engine';

// The calculator's inventory bound Q: the side whose fill would take |q| above Q is not quoted.
const base = { mid: 100, gamma: 0.1, sigma: 2, kappa: 1.5, tau: 0.5, A: 140 };

describe.each([
  ['AS', (q: number, Q?: number) => asQuote({ ...base, q, maxInventory: Q })],
  ['GLFT', (q: number, Q?: number) => glftQuote({ ...base, q, maxInventory: Q })],
] as const)('%s under an inventory bound', (_name, quote) => {
  it('quotes both sides strictly inside the bound, and exactly as without it', () => {
    for (const q of [-9, -3, 0, 4, 9]) {
      const bounded = quote(q, 10);
      const free = quote(q);
      expect([bounded.bid, bounded.ask]).toEqual([free.bid, free.ask]);
      expect(Number.isFinite(bounded.bid) && Number.isFinite(bounded.ask)).toBe(true);
    }
  });

  it('drops the bid at q = Q and beyond (a buy would exceed Q), the ask at q = −Q and below', () => {
    for (const q of [10, 11, 50]) {
      const r = quote(q, 10);
      expect(r.bid).toBeNaN();
      expect(r.ask).toBe(quote(q).ask);
    }
    for (const q of [-10, -11]) {
      const r = quote(q, 10);
      expect(r.ask).toBeNaN();
      expect(r.bid).toBe(quote(q).bid);
    }
  });

  it('changes with Q: q = 5 is quoted on both sides under Q = 100, on the ask only under Q = 5', () => {
    expect(Number.isNaN(quote(5, 100).bid)).toBe(false);
    expect(quote(5, 5).bid).toBeNaN();
    expect(Number.isNaN(quote(5, 5).ask)).toBe(false);
  });

  it('names a negative bound', () => {
    expect(() => quote(0, -1)).toThrow(/maxInventory/);
  });
});

it('GLFT counts the order size Δ against Q', () => {
  expect(glftQuote({ ...base, q: 8, delta: 2, maxInventory: 10 }).bid).not.toBeNaN();
  expect(glftQuote({ ...base, q: 8.5, delta: 2, maxInventory: 10 }).bid).toBeNaN();
});
