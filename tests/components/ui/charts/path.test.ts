import { describe, expect, it } from 'vitest';
import { areaPath, bandPath, dotsPath, errorBarsPath, linePath } from '../../../../src/components/ui/charts/path';
import { linearScale } from '../../../../src/components/ui/charts/scale';

const id = linearScale([0, 100], [0, 100]);

describe('linePath', () => {
  it('draws one subpath through finite points, scaled and rounded to 0.1 px', () => {
    const sx = linearScale([0, 2], [10, 30]), sy = linearScale([0, 1], [100, 0]);
    expect(linePath([0, 1, 2], [0, 0.5, 1], 3, sx, sy)).toBe('M10,100L20,50L30,0');
    expect(linePath([0, 1 / 3], [0, 0], 2, linearScale([0, 1], [0, 1]), id)).toBe('M0,0L0.3,0');
  });
  it('breaks the line at NaN or infinite values: the next point starts a new subpath', () => {
    expect(linePath([0, 1, 2, 3, 4], [1, NaN, 2, 3, Infinity], 5, id, id)).toBe('M0,1M2,2L3,3');
    expect(linePath([0, NaN, 2], [1, 1, 1], 3, id, id)).toBe('M0,1M2,1');
    expect(linePath([0, 1], [NaN, NaN], 2, id, id)).toBe('');
  });
  it('draws only the first n points (a replay cut)', () => {
    expect(linePath([0, 1, 2, 3], [5, 6, 7, 8], 2, id, id)).toBe('M0,5L1,6');
    expect(linePath([0, 1], [5, 6], 0, id, id)).toBe('');
  });
  it('builds a 2000-point path with one command per point', () => {
    const n = 2000, x = new Float64Array(n), y = new Float64Array(n);
    for (let i = 0; i < n; i++) { x[i] = i; y[i] = Math.sin(i); }
    const d = linePath(x, y, n, linearScale([0, n], [0, 600]), linearScale([-1, 1], [200, 0]));
    expect(d.match(/[ML]/g)!.length).toBe(n);
    expect(d.startsWith('M0,100')).toBe(true);
  });
});

describe('areaPath', () => {
  it('closes each run of finite points down to the baseline, gaps breaking the area', () => {
    expect(areaPath([0, 1, 2, 3, 4], [1, 2, NaN, 3, 4], 5, id, id, 0)).toBe('M0,0L0,1L1,2L1,0ZM3,0L3,3L4,4L4,0Z');
    expect(areaPath([0, 1], [NaN, NaN], 2, id, id, 0)).toBe('');
    expect(areaPath([0], [5], 1, id, id, 2)).toBe('M0,2L0,5L0,2Z');
  });
});

describe('step lines, windows and dots', () => {
  it('holds each value until the next point when step is set', () => {
    expect(linePath([0, 1, 2], [5, 6, 4], 3, id, id, { step: true })).toBe('M0,5L1,5L1,6L2,6L2,4');
  });
  it('starts at `from` (a zoomed window)', () => {
    expect(linePath([0, 1, 2, 3], [5, 6, 7, 8], 3, id, id, { from: 1 })).toBe('M1,6L2,7');
    expect(areaPath([0, 1, 2], [5, 6, 7], 3, id, id, 0, 1)).toBe('M1,0L1,6L2,7L2,0Z');
  });
  it('draws a dot per finite point in one path', () => {
    const d = dotsPath([0, 1, 2], [5, NaN, 7], 3, id, id, 3);
    expect(d.match(/M/g)).toHaveLength(2);
    expect(d.startsWith('M-3,5a3,3 0 1,0 6,0a3,3 0 1,0 -6,0')).toBe(true);
  });
});

describe('bandPath', () => {
  it('closes the band between lo and hi, forwards along hi and back along lo, gaps breaking it', () => {
    expect(bandPath([0, 1, 2], [1, 2, 3], [4, 5, 6], 3, id, id)).toBe('M0,4L1,5L2,6L2,3L1,2L0,1Z');
    expect(bandPath([0, 1, 2, 3], [1, 1, NaN, 1], [2, 2, 2, 2], 4, id, id)).toBe('M0,2L1,2L1,1L0,1ZM3,2L3,1Z');
    expect(bandPath([0, 1, 2], [0, 0, 0], [1, 1, 1], 2, id, id, 1)).toBe('M1,1L1,0Z');
    expect(bandPath([0], [NaN], [1], 1, id, id)).toBe('');
  });
});

describe('errorBarsPath', () => {
  it('draws y ± err with caps at each point that has both, in one path', () => {
    expect(errorBarsPath([10, 20, 30], [5, NaN, 7], [1, 1, NaN], 3, id, id, 4)).toBe('M10,4L10,6M8,4L12,4M8,6L12,6');
  });
});
