import { describe, expect, it } from 'vitest';
import { createRng, kalmanColumnAt, kalmanFromMeans, kalmanInnovations, kalmanMeansInto, runKalman, seriesMoments, toStateSpace } from '../../../src/engine';

/** A random walk observed with noise: n points, seeded. */
function noisyWalk(n: number, seed: number): Float64Array {
  const rng = createRng(seed);
  const y = new Float64Array(n);
  let x = 100;
  for (let i = 0; i < n; i++) { x += 0.01 * rng.normal(); y[i] = x + 0.005 * rng.normal(); }
  return y;
}

describe('kalmanMeansInto', () => {
  const y = noisyWalk(5000, 3);

  it("writes runKalman's filtered means bitwise, local level and OU, through the transient into the steady state", () => {
    for (const params of [
      { q: 1e-4, r: 2.5e-5, x0: y[0], p0: 2.5e-5 },
      { q: 1e-8, r: 1e-2, x0: 90, p0: 1 }, // a slow filter: a long transient
      { kappa: 0.5, mu: 100, sigma: 0.02, r: 2.5e-5, dt: 0.1, x0: y[0], p0: 1e-4 },
    ]) {
      const ss = toStateSpace(params);
      const into = new Float64Array(y.length).fill(NaN);
      kalmanMeansInto(y, ss, into);
      const batch = runKalman(y, ss).mean;
      let differ = 0;
      for (let i = 0; i < y.length; i++) if (!Object.is(into[i], batch[i])) differ++;
      expect(differ).toBe(0);
    }
  });

  it('leaves the rest of a longer column alone and takes an empty series', () => {
    const into = new Float64Array(y.length + 3).fill(7);
    kalmanMeansInto(y, toStateSpace({ q: 1e-4, r: 2.5e-5, x0: y[0], p0: 2.5e-5 }), into);
    expect(Array.from(into.subarray(y.length))).toEqual([7, 7, 7]);
    const none = new Float64Array(2).fill(7);
    kalmanMeansInto(new Float64Array(0), toStateSpace({ q: 1, r: 1, x0: 0, p0: 1 }), none);
    expect(Array.from(none)).toEqual([7, 7]);
  });

  /** For a quick and a slow local-level filter: runKalman's result, and kalmanFromMeans' from its means (kalmanMeansInto). */
  const localLevelCases = () => [{ q: 1e-4, r: 2.5e-5, x0: y[0], p0: 2.5e-5 }, { q: 1e-8, r: 1e-2, x0: 90, p0: 1 }].map((params) => {
    const ss = toStateSpace(params);
    const mean = new Float64Array(y.length);
    kalmanMeansInto(y, ss, mean);
    return { full: runKalman(y, ss), mean, fromMeans: kalmanFromMeans(y, ss, mean) };
  });

  it("kalmanFromMeans: runKalman's whole result from its means, bitwise (local level); other models run the filter", () => {
    for (const { full, mean, fromMeans } of localLevelCases()) {
      expect(fromMeans.mean).toBe(mean); // the column itself, not a copy
      expect(Object.is(fromMeans.logLik, full.logLik)).toBe(true);
      for (const f of ['innovation', 'variance', 'gain', 'innovationVar'] as const) {
        let differ = 0;
        for (let i = 0; i < y.length; i++) if (!Object.is(fromMeans[f][i], full[f][i])) differ++;
        expect(differ, f).toBe(0);
      }
    }
    const ou = toStateSpace({ kappa: 0.5, mu: 100, sigma: 0.02, r: 2.5e-5, dt: 0.1, x0: y[0], p0: 1e-4 });
    const viaFilter = kalmanFromMeans(y, ou, new Float64Array(y.length));
    expect(Array.from(viaFilter.mean)).toEqual(Array.from(runKalman(y, ou).mean));
  });

  it("kalmanFromMeans' innovations, made from the means block by block or at chart points, are runKalman's, and so are their moments", () => {
    for (const { full, fromMeans: k } of localLevelCases()) {
      const blocks = kalmanInnovations(k);
      expect(typeof blocks).toBe('function'); // no column: computed from the means
      const made = new Float64Array(y.length);
      (blocks as (from: number, to: number, out: Float64Array) => void)(0, y.length, made);
      let differ = 0;
      for (let i = 0; i < y.length; i++) if (!Object.is(made[i], full.innovation[i])) differ++;
      expect(differ).toBe(0);
      const idx = [0, 1, 2, 17, 999, y.length - 1];
      expect(Array.from(kalmanColumnAt(k, 'innovation', idx))).toEqual(idx.map((i) => full.innovation[i]));
      const a = seriesMoments(blocks, y.length, 20), b = seriesMoments(full.innovation, y.length, 20);
      expect(Object.is(a.mean, b.mean) && Object.is(a.sumSqDev, b.sumSqDev)).toBe(true);
      expect(Array.from(a.acf)).toEqual(Array.from(b.acf));
    }
    // A result with its own column hands that column over.
    const plain = runKalman(y, toStateSpace({ q: 1e-4, r: 2.5e-5, x0: y[0], p0: 2.5e-5 }));
    expect(kalmanInnovations(plain)).toBe(plain.innovation);
  });
});
