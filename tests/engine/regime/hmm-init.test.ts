import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRng } from '../../../src/engine';
import { kmeansStart, quantileStart, sortedSums, startingPoints } from '../../../src/engine/regime/hmm-init';

function clusters(seed: number): Float64Array {
  const rng = createRng(seed);
  const x: number[] = [];
  for (let i = 0; i < 150; i++) x.push(-5 + 0.2 * rng.normal());
  for (let i = 0; i < 200; i++) x.push(1 * rng.normal());
  for (let i = 0; i < 100; i++) x.push(5 + 0.3 * rng.normal());
  // Shuffle so the input order says nothing about the clusters.
  for (let i = x.length - 1; i > 0; i--) { const j = rng.int(i + 1); [x[i], x[j]] = [x[j], x[i]]; }
  return Float64Array.from(x);
}

describe('sortedSums', () => {
  it('sorts and prefix-sums, the same in a caller-provided buffer (even a reused, non-zero one)', () => {
    const z = clusters(3);
    const n = z.length;
    const a = sortedSums(z);
    const b = sortedSums(z, new Float64Array(3 * n + 2).fill(7));
    const ref = Array.from(z).sort((u, v) => u - v);
    expect(Array.from(a.sorted)).toEqual(ref);
    expect(Array.from(b.sorted)).toEqual(ref);
    expect(Array.from(b.s1)).toEqual(Array.from(a.s1));
    expect(Array.from(b.s2)).toEqual(Array.from(a.s2));
    expect(a.s1[0]).toBe(0);
    expect(a.s1[n]).toBeCloseTo(ref.reduce((u, v) => u + v, 0), 9);
  });
});

describe('starting points', () => {
  it('k-means start: sorted means, each with its own cluster variance', () => {
    for (let seed = 1; seed <= 6; seed++) {
      const m = kmeansStart(sortedSums(clusters(7)), 3, 1e-6, createRng(seed));
      expect(m.means[0]).toBeCloseTo(-5, 1);
      expect(m.means[1]).toBeCloseTo(0, 0);
      expect(m.means[2]).toBeCloseTo(5, 1);
      expect(Math.sqrt(m.variances[0])).toBeCloseTo(0.2, 1);
      expect(Math.sqrt(m.variances[1])).toBeGreaterThan(0.8);
      expect(Math.sqrt(m.variances[1])).toBeLessThan(1.2);
      expect(Math.sqrt(m.variances[2])).toBeCloseTo(0.3, 1);
    }
  });

  it('k-means start is a fixed point of Lloyd on the unsorted data (brute force)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 12, max: 300 }), fc.integer({ min: 2, max: 5 }), fc.integer(), (n, K, seed) => {
        // Continuous draws (a normal mixture), so no point sits exactly between two centres.
        const rng = createRng(seed);
        const z = Float64Array.from({ length: n }, () => 3 * rng.int(4) + rng.normal());
        const m = kmeansStart(sortedSums(z), K, 1e-9, createRng(seed));
        for (let k = 1; k < K; k++) expect(m.means[k]).toBeGreaterThanOrEqual(m.means[k - 1]);
        const sum = new Float64Array(K), cnt = new Float64Array(K);
        for (const v of z) {
          let best = 0;
          for (let k = 1; k < K; k++) if (Math.abs(v - m.means[k]) < Math.abs(v - m.means[best])) best = k;
          sum[best] += v; cnt[best]++;
        }
        for (let k = 0; k < K; k++) if (cnt[k] > 0) expect(m.means[k]).toBeCloseTo(sum[k] / cnt[k], 8);
      }),
      { numRuns: 200 },
    );
  });

  it('quantile start: means of K equal-count groups of the sorted data', () => {
    const z = clusters(3);
    const m = quantileStart(sortedSums(z), 3, 1e-6);
    const s = Array.from(z).sort((a, b) => a - b);
    for (let k = 0; k < 3; k++) {
      const g = s.slice(k * 150, (k + 1) * 150);
      expect(m.means[k]).toBeCloseTo(g.reduce((a, b) => a + b, 0) / 150, 10);
    }
  });

  it('startingPoints: the quantile start first, then distinct k-means starts, the same for the same seed', () => {
    const ss = sortedSums(clusters(11));
    const a = startingPoints(ss, 3, 8, 1e-6, createRng(5));
    const b = startingPoints(ss, 3, 8, 1e-6, createRng(5));
    expect(a.length).toBeGreaterThanOrEqual(1);
    expect(a.length).toBeLessThanOrEqual(8);
    expect(Array.from(a[0].means)).toEqual(Array.from(quantileStart(ss, 3, 1e-6).means));
    expect(a.map((p) => Array.from(p.means))).toEqual(b.map((p) => Array.from(p.means)));
    const keys = a.map((p) => [...p.means, ...p.variances].join(','));
    expect(new Set(keys).size).toBe(keys.length);
  });
});
