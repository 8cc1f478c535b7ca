import { describe, expect, it } from 'vitest';
import { brushIndex, dragWindow } from '../../../../src/components/ui/charts/Brush';
import { labelEvery } from '../../../../src/components/ui/charts/RangeBarChart';

describe('brush', () => {
  it('maps a pixel to the nearest point index, clamped to the series', () => {
    expect(brushIndex(101, 50, 500, 50)).toBe(0);
    expect(brushIndex(101, 50, 500, 300)).toBe(50);
    expect(brushIndex(101, 50, 500, 552)).toBe(100);
    expect(brushIndex(101, 50, 500, -20)).toBe(0);
    expect(brushIndex(1, 50, 500, 300)).toBe(0);
  });
  it('moves an edge without crossing the other, and the window without leaving the series', () => {
    expect(dragWindow('a', 10, 50, 100, 30)).toEqual([30, 50]);
    expect(dragWindow('a', 10, 50, 100, 70)).toEqual([49, 50]);
    expect(dragWindow('b', 10, 50, 100, 5)).toEqual([10, 11]);
    expect(dragWindow('b', 10, 50, 100, 500)).toEqual([10, 99]);
    expect(dragWindow('window', 10, 50, 100, 0, 30)).toEqual([40, 80]);
    expect(dragWindow('window', 10, 50, 100, 0, 80)).toEqual([59, 99]);
    expect(dragWindow('window', 10, 50, 100, 0, -80)).toEqual([0, 40]);
  });
});

describe('labelEvery', () => {
  it('labels every category when the labels fit their bands, else every k-th', () => {
    const names = Array.from({ length: 40 }, (_, i) => ({ name: (i / 1000 - 0.02).toFixed(3) }));
    expect(labelEvery(names, 100)).toBe(1);
    const k = labelEvery(names, 12);
    expect(k).toBeGreaterThan(1);
    expect(k * 12).toBeGreaterThanOrEqual(6 * 6.5);
    expect(labelEvery([{ name: 'Adverse selection' }], 80)).toBe(1); // wrapped on two lines, the longer one fits
  });
});
