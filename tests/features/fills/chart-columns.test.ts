import { describe, expect, it } from 'vitest';
import { markoutColumns } from '../../../src/features/fills/markout-columns';
import { intensityColumns } from '../../../src/features/fills/intensity-columns';
import type { IntensityCurve, MarkoutPoint } from '../../../src/stores/lab-store';

describe('markoutColumns', () => {
  it('puts each point at its horizon (ascending) and side; no fills is a gap, not a zero', () => {
    const pts: MarkoutPoint[] = [
      { horizonSec: 5, side: 'buy', meanBps: -1.5, stderrBps: 0.2, count: 10 },
      { horizonSec: 5, side: 'sell', meanBps: 0.5, stderrBps: 0.3, count: 8 },
      { horizonSec: 5, side: 'all', meanBps: -0.6, stderrBps: 0.2, count: 18 },
      { horizonSec: 1, side: 'buy', meanBps: -0.5, stderrBps: 0.1, count: 12 },
      { horizonSec: 1, side: 'sell', meanBps: 0, stderrBps: 0, count: 0 },
      { horizonSec: 1, side: 'all', meanBps: -0.5, stderrBps: 0.1, count: 12 },
    ];
    const c = markoutColumns(pts);
    expect(Array.from(c.horizons)).toEqual([1, 5]);
    expect(Array.from(c.buy.mean)).toEqual([-0.5, -1.5]);
    expect(Array.from(c.buy.stderr)).toEqual([0.1, 0.2]);
    expect(Number.isNaN(c.sell.mean[0])).toBe(true);
    expect(c.sell.mean[1]).toBe(0.5);
    expect(Array.from(c.all.mean)).toEqual([-0.5, -0.6]);
  });
});

describe('intensityColumns', () => {
  it('keeps the positive values, leaves gaps where a log axis cannot draw, and drops the band where its lower end is 0', () => {
    const f = (a: number[]) => Float64Array.from(a);
    const c = {
      depths: f([0, 1, 2]), rates: f([4, 1, 0]), counts: f([40, 10, 0]), lower: f([3, 0, 0]), upper: f([5, 2, 0]),
      exp: { fitted: f([4.1, 1.1, 0.3]) }, power: null,
    } as unknown as IntensityCurve;
    const k = intensityColumns(c);
    expect(Array.from(k.rate)).toEqual([4, 1, NaN]);
    expect(Array.from(k.bandLo)).toEqual([3, NaN, NaN]);
    expect(Array.from(k.bandHi)).toEqual([5, NaN, NaN]);
    expect(Array.from(k.exp)).toEqual([4.1, 1.1, 0.3]);
    expect(k.power.every(Number.isNaN)).toBe(true);
  });
});
