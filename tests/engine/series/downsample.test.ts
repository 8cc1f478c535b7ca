import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gather, keptIndices, minMaxIndices, strideIndices } from '../../../src/engine';

describe('minMaxIndices', () => {
  it('keeps every point of a short series', () => {
    expect(Array.from(minMaxIndices(Float64Array.of(3, 1, 2), 10))).toEqual([0, 1, 2]);
  });

  it('keeps a single spike in a long flat series, plus both ends', () => {
    const x = new Float64Array(100_000);
    x[61_234] = 5;
    x[7_000] = -3;
    const idx = minMaxIndices(x, 500);
    expect(idx.length).toBeLessThanOrEqual(1002);
    expect(Array.from(idx)).toContain(61_234);
    expect(Array.from(idx)).toContain(7_000);
    expect(idx[0]).toBe(0);
    expect(idx[idx.length - 1]).toBe(99_999);
  });

  it('is strictly increasing, bounded in size, and keeps the global extremes (property)', () => {
    fc.assert(fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 3000 }), fc.integer({ min: 1, max: 200 }), (arr, buckets) => {
      const x = Float64Array.from(arr);
      const idx = minMaxIndices(x, buckets);
      for (let k = 1; k < idx.length; k++) expect(idx[k]).toBeGreaterThan(idx[k - 1]);
      expect(idx.length).toBeLessThanOrEqual(Math.max(x.length, 2 * buckets + 2));
      const g = gather(x, idx);
      expect(Math.max(...g)).toBe(Math.max(...arr));
      expect(Math.min(...g)).toBe(Math.min(...arr));
    }), { numRuns: 200 });
  });
});

describe('keptIndices', () => {
  it('keeps 0, the extremes of each bucket in time order, and n − 1; passes over empty buckets and indices that do not increase', () => {
    // Buckets: (5, 2) in reverse time order, none, (2, 7) overlapping the first, (9, 9) the last tick itself.
    const kept = keptIndices(Int32Array.of(5, -1, 2, 9), Int32Array.of(2, -1, 7, 9), 10);
    expect(Array.from(kept)).toEqual([0, 2, 5, 7, 9]);
    expect(Array.from(keptIndices(Int32Array.of(-1), Int32Array.of(-1), 4))).toEqual([0, 3]);
  });
});

describe('strideIndices', () => {
  it('spans first to last evenly', () => {
    expect(Array.from(strideIndices(11, 6))).toEqual([0, 2, 4, 6, 8, 10]);
    expect(Array.from(strideIndices(3, 6))).toEqual([0, 1, 2]);
  });
});
