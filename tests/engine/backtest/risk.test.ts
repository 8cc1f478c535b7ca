import { describe, expect, it } from 'vitest';
import { roomToTrade } from '../../../src/engine';

describe('risk: room to trade under the inventory and position-value limits', () => {
  it('leaves room up to the tighter of max |q| and max value / mid', () => {
    expect(roomToTrade(1, 3, 10, Infinity, 100)).toBe(7);
    expect(roomToTrade(-1, 3, 10, Infinity, 100)).toBe(13);
    expect(roomToTrade(1, 3, 10, 500, 100)).toBe(2); // 500 / 100 = 5 units
    expect(roomToTrade(1, 12, 10, Infinity, 100)).toBe(0); // never negative
  });
});
