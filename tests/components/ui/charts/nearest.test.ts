import { describe, expect, it } from 'vitest';
import { bandIndex, nearestIndex, countAtOrBefore } from '../../../../src/components/ui/charts/nearest';

describe('nearestIndex', () => {
  const x = [10, 20, 30, 40];
  it('finds the nearest x among the first n points, the earlier one on a tie', () => {
    expect(nearestIndex(x, 4, 21)).toBe(1);
    expect(nearestIndex(x, 4, 26)).toBe(2);
    expect(nearestIndex(x, 4, 25)).toBe(1);
    expect(nearestIndex(x, 4, 30)).toBe(2);
  });
  it('clamps to the ends and to the drawn points', () => {
    expect(nearestIndex(x, 4, -5)).toBe(0);
    expect(nearestIndex(x, 4, 99)).toBe(3);
    expect(nearestIndex(x, 2, 39)).toBe(1); // a replay cut: points past it are not hovered
  });
  it('agrees with a linear scan on random sorted data', () => {
    const n = 500, xs = new Float64Array(n);
    let t = 0;
    for (let i = 0; i < n; i++) { t += 0.1 + ((i * 7919) % 13) / 5; xs[i] = t; }
    for (let k = 0; k < 200; k++) {
      const at = (k / 200) * (t + 10) - 5;
      let best = 0;
      for (let i = 1; i < n; i++) if (Math.abs(xs[i] - at) < Math.abs(xs[best] - at)) best = i;
      expect(Math.abs(xs[nearestIndex(xs, n, at)] - at)).toBe(Math.abs(xs[best] - at));
    }
  });
  it('is -1 with nothing drawn or no position', () => {
    expect(nearestIndex(x, 0, 10)).toBe(-1);
    expect(nearestIndex(x, 4, NaN)).toBe(-1);
  });
});

describe('bandIndex', () => {
  it('finds the band under a pixel, -1 outside', () => {
    expect(bandIndex(5, 100, 500, 100)).toBe(0);
    expect(bandIndex(5, 100, 500, 299)).toBe(1);
    expect(bandIndex(5, 100, 500, 599.9)).toBe(4);
    expect(bandIndex(5, 100, 500, 600)).toBe(-1);
    expect(bandIndex(5, 100, 500, 99)).toBe(-1);
    expect(bandIndex(0, 100, 500, 200)).toBe(-1);
  });
});

describe('countAtOrBefore', () => {
  it('counts the ascending values at or before the cut', () => {
    const x = [0, 1, 1, 2.5, 4];
    expect(countAtOrBefore(x, -1)).toBe(0);
    expect(countAtOrBefore(x, 0)).toBe(1);
    expect(countAtOrBefore(x, 1)).toBe(3);
    expect(countAtOrBefore(x, 3)).toBe(4);
    expect(countAtOrBefore(x, 4)).toBe(5);
    expect(countAtOrBefore([], 4)).toBe(0);
  });
});
