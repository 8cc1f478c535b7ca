import { describe, expect, it } from 'vitest';
import { fmtBps, fmtCount, fmtPnl, fmtPrice, fmtPValue, fmtRatio } from '../../src/lib/format';

const M = '\u2212';

describe('one formatter per quantity', () => {
  it('PnL: two decimals always, thousands separated, a true minus (no "400.00 / −1200" mix)', () => {
    expect(fmtPnl(400)).toBe('400.00');
    expect(fmtPnl(-1200)).toBe(`${M}1,200.00`);
    expect(fmtPnl(-1_000_000)).toBe(`${M}1,000,000.00`);
    expect(fmtPnl(-0.001)).toBe('0.00');
    expect(fmtPnl(NaN)).toBe('—');
  });
  it('ratios: three significant digits', () => {
    expect(fmtRatio(-0.0605774)).toBe(`${M}0.0606`);
    expect(fmtRatio(1.23456)).toBe('1.23');
    expect(fmtRatio(Infinity)).toBe('∞');
  });
  it('counts, bps and prices', () => {
    expect(fmtCount(1234567.4)).toBe('1,234,567');
    expect(fmtBps(-2.345)).toBe(`${M}2.35`);
    expect(fmtBps(0.1)).toBe('0.10');
    expect(fmtBps(0)).toBe('0.00');
    // Below 0.1 bps two significant digits: a 0.01 tick on 61,690 is 0.0016 bps, not "0.00".
    expect(fmtBps(0.0084712)).toBe('0.0085');
    expect(fmtBps(-0.00081)).toBe(`${M}0.00081`);
    expect(fmtBps(0.0996)).toBe('0.10');
    expect(fmtBps(3.2e-8)).toBe('3.2e-8');
    expect(fmtBps(Infinity)).toBe('—');
    expect(fmtPValue(0)).toBe('< 0.0001');
    expect(fmtPValue(0.6481234)).toBe('0.6481');
    expect(fmtPValue(0.00012)).toBe('0.00012');
    expect(fmtPValue(NaN)).toBe('—');
    expect(fmtPrice(61234.5, 0.1)).toBe('61,234.5');
    expect(fmtPrice(187.123, 0.01)).toBe('187.12');
    expect(fmtPrice(100)).toBe('100.00');
  });
});
