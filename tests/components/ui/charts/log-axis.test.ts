import { describe, expect, it } from 'vitest';
import { fmtLogTick, logAxis } from '../../../../src/components/ui/charts/log-axis';
import { logScale } from '../../../../src/components/ui/charts/scale';

describe('logScale', () => {
  it('gives equal room to equal ratios, maps back, and has no place for values ≤ 0', () => {
    const s = logScale([0.01, 100], [0, 400]);
    expect(s(0.01)).toBeCloseTo(0, 9);
    expect(s(1)).toBeCloseTo(200, 9);
    expect(s(100)).toBeCloseTo(400, 9);
    expect(s.invert(300)).toBeCloseTo(10, 9);
    expect(Number.isNaN(s(0))).toBe(true);
    expect(Number.isNaN(s(-1))).toBe(true);
  });
});

describe('logAxis', () => {
  it('pads the extent by 1.5 each way and puts ticks on the powers of ten inside', () => {
    const a = logAxis([0.002, 40]);
    expect(a.domain[0]).toBeCloseTo(0.002 / 1.5, 12);
    expect(a.domain[1]).toBeCloseTo(60, 12);
    expect(a.ticks).toEqual([0.01, 0.1, 1, 10]);
    expect(a.ticks.map(a.tickFormatter)).toEqual(['0.01', '0.1', '1', '10']);
  });
  it('adds 2 and 5 × 10^k when fewer than three powers of ten fit', () => {
    expect(logAxis([0.3, 4]).ticks).toEqual([0.2, 0.5, 1, 2, 5]);
  });
  it('uses round linear ticks for a range too narrow for two 1/2/5 × 10^k ticks', () => {
    const a = logAxis([11, 14], 1);
    expect(a.ticks.length).toBeGreaterThanOrEqual(2);
    for (const t of a.ticks) { expect(t).toBeGreaterThanOrEqual(11); expect(t).toBeLessThanOrEqual(14); }
    expect(a.ticks.map(a.tickFormatter)).toEqual(a.ticks.map((t) => String(t)));
  });
  it('falls back to [0.1, 10] without a positive extent', () => {
    expect(logAxis(null).ticks).toContain(1);
    expect(logAxis([-1, 2]).domain[0]).toBeGreaterThan(0);
  });
});

describe('fmtLogTick', () => {
  it('writes plain digits in the usual range and a real-minus exponent form beyond', () => {
    expect([0.0005, 0.01, 0.5, 1, 20, 500, 100_000].map(fmtLogTick)).toEqual(['0.0005', '0.01', '0.5', '1', '20', '500', '100000']);
    expect(fmtLogTick(2e-5)).toBe('2e\u22125');
    expect(fmtLogTick(1e6)).toBe('1e6');
    expect(fmtLogTick(0)).toBe('');
  });
});
