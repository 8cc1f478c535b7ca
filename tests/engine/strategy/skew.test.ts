import { describe, expect, it } from 'vitest';
import { createSkew } from '../../../src/engine';
import { quoteOnce } from './helpers';

describe('createSkew', () => {
  const s = createSkew({ halfSpreadBps: 10, skewBpsPerUnit: 2, sizeSkew: 0.5, orderSize: 1 });

  it('shifts both quotes against the inventory by skewBpsPerUnit per unit', () => {
    const o = quoteOnce(s, { mid: 100 }, { inventory: 3, maxInventory: 10 });
    // centre 100·(1 − 2e-4·3) = 99.94; half-spread 0.1
    expect(o.bid).toBeCloseTo(99.84, 12);
    expect(o.ask).toBeCloseTo(100.04, 12);
    const short = quoteOnce(s, { mid: 100 }, { inventory: -3, maxInventory: 10 });
    expect(short.bid).toBeCloseTo(99.96, 12);
  });

  it('shrinks the side that adds inventory in proportion to q / limit', () => {
    const o = quoteOnce(s, {}, { inventory: 10, maxInventory: 10 });
    expect(o.bidSize).toBeCloseTo(0.5, 12);
    expect(o.askSize).toBeCloseTo(1, 12);
    const half = quoteOnce(s, {}, { inventory: -4, maxInventory: 10 });
    expect(half.askSize).toBeCloseTo(0.8, 12);
    expect(half.bidSize).toBeCloseTo(1, 12);
  });
});
