import { describe, expect, it } from 'vitest';
import { createGuard, createSymmetric } from '../../../src/engine';
import { quoteOnce } from './helpers';

const g = { windowSec: 5, adverseBps: 2, imbalanceThreshold: 0.6, mode: 'widen' as const, widenFactor: 3 };

describe('createGuard', () => {
  it('leaves quotes alone when nothing is adverse', () => {
    const s = createGuard(createSymmetric({ halfSpreadBps: 10, orderSize: 1 }), g);
    const o = quoteOnce(s, { mid: 100, flowImbalance: 0.2 });
    expect(o.bid).toBeCloseTo(99.9, 12);
    expect(o.ask).toBeCloseTo(100.1, 12);
  });

  it('widens the bid after a buy the mid then moved against, within the window only', () => {
    const s = createGuard(createSymmetric({ halfSpreadBps: 10, orderSize: 1 }), g);
    s.onFill(1, 99.9, 1, 10);
    // mid 99.85 is 5 bps below our 99.9 buy: adverse beyond 2 bps → push the bid out by 2 half-spreads (0.1 each)
    const o = quoteOnce(s, { time: 12, mid: 99.85 });
    expect(o.bid).toBeCloseTo(99.85 - 0.09985 - 2 * 0.09985, 10);
    expect(o.ask).toBeCloseTo(99.85 + 0.09985, 10);
    const later = quoteOnce(s, { time: 16, mid: 99.85 });
    expect(later.bid).toBeCloseTo(99.85 - 0.09985, 10);
  });

  it('pulls the side facing one-sided order flow in pull mode', () => {
    const s = createGuard(createSymmetric({ halfSpreadBps: 10, orderSize: 1 }), { ...g, mode: 'pull' });
    const buyers = quoteOnce(s, { flowImbalance: 0.9 });
    expect(buyers.askSize).toBe(0);
    expect(buyers.bidSize).toBe(1);
    const sellers = quoteOnce(s, { flowImbalance: -0.9 });
    expect(sellers.bidSize).toBe(0);
  });
});
