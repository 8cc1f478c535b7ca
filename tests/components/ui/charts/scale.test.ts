import { describe, expect, it } from 'vitest';
import { linearScale } from '../../../../src/components/ui/charts/scale';
import { countAxis } from '../../../../src/components/ui/charts/count-axis';
import { plotBox } from '../../../../src/components/ui/charts/layout';
import { legendLayout, legendOffsets } from '../../../../src/components/ui/charts/Legend';

describe('linearScale', () => {
  it('maps the domain onto the range and back, a reversed range for y', () => {
    const sy = linearScale([-10, 10], [200, 0]);
    expect(sy(-10)).toBe(200);
    expect(sy(10)).toBe(0);
    expect(sy(0)).toBe(100);
    expect(sy.invert(50)).toBe(5);
    const sx = linearScale([1.7e9, 1.7e9 + 300], [40, 640]);
    expect(sx(1.7e9 + 150)).toBeCloseTo(340, 9);
    expect(sx.invert(sx(1.7e9 + 123.25))).toBeCloseTo(1.7e9 + 123.25, 4);
  });
  it('maps a degenerate domain to the middle of the range, never NaN', () => {
    const s = linearScale([3, 3], [0, 100]);
    expect(s(3)).toBe(50);
    expect(s(7)).toBe(50);
    expect(s.invert(20)).toBe(3);
  });
});

describe('countAxis', () => {
  it('has whole-number ticks from 0, written as integers', () => {
    const a = countAxis(2);
    expect(a.ticks.every((t) => Number.isInteger(t))).toBe(true);
    expect(a.ticks[0]).toBe(0);
    expect(a.ticks).toContain(2);
    expect(a.ticks.map(a.tickFormatter)).toEqual(a.ticks.map(String));
    expect(countAxis(0).domain[1]).toBeGreaterThanOrEqual(1);
    expect(countAxis(137).ticks.at(-1)).toBeGreaterThanOrEqual(137);
  });
});

describe('plotBox and legend', () => {
  it('keeps the margins around the plot and never goes negative', () => {
    expect(plotBox(600, 240, { left: 50, top: 8, right: 16, bottom: 34 })).toEqual({ left: 50, top: 8, width: 534, height: 198 });
    expect(plotBox(10, 10, { left: 50, top: 8, right: 16, bottom: 34 })).toMatchObject({ width: 0, height: 0 });
  });
  it('places legend items one after another, wider names taking more room', () => {
    const [a, b, c] = legendOffsets(['strategy', 'buy & hold', 'x'], 40);
    expect(a).toBe(40);
    expect(b).toBeGreaterThan(a + 40);
    expect(c - b).toBeGreaterThan(b - a);
  });
  it('wraps legend items onto more rows when they do not fit, in order, each row starting at x', () => {
    const names = ['Bull', 'Bear', 'Sideways', 'no regime (strategy without regimes)'];
    expect(legendLayout(names, 40, 1000).rows).toBe(1);
    const narrow = legendLayout(names, 40, 250);
    expect(narrow.rows).toBe(2);
    expect(narrow.at.map((a) => a.row)).toEqual([0, 0, 0, 1]);
    expect(narrow.at[3].x).toBe(40);
    // One name wider than the row: a row of its own, never an empty row before it.
    expect(legendLayout(['a very long name indeed'], 0, 50)).toEqual({ at: [{ x: 0, row: 0 }], rows: 1 });
    expect(legendLayout([], 0, 50).rows).toBe(0);
  });
});
