import { describe, expect, it } from 'vitest';
import { bpsFees, constantLatency, roundAsk, roundBid, roundLot } from '../../../src/engine';

describe('costs: latency, fees, price and size grids', () => {
  it('activates an order latencySec after it is sent', () => {
    expect(constantLatency(0.25).activeFrom(10)).toBe(10.25);
  });
  it('charges maker and taker bps of notional, a negative maker fee being a rebate', () => {
    const f = bpsFees(-1, 5);
    expect(f.fee(100, 2, true)).toBeCloseTo(-0.02, 12);
    expect(f.fee(100, 2, false)).toBeCloseTo(0.1, 12);
  });
  it('rounds bids down and asks up to the tick, sizes down to whole lots', () => {
    expect(roundBid(100.037, 0.01)).toBeCloseTo(100.03, 12);
    expect(roundAsk(100.031, 0.01)).toBeCloseTo(100.04, 12);
    expect(roundBid(100.03, 0.01)).toBeCloseTo(100.03, 12); // already on the grid: unchanged
    expect(roundAsk(100.03, 0.01)).toBeCloseTo(100.03, 12);
    expect(roundLot(0.74, 0.25)).toBeCloseTo(0.5, 12);
    expect(roundBid(1.2345, 0)).toBe(1.2345);
    expect(roundLot(0.74, 0)).toBe(0.74);
  });
});
