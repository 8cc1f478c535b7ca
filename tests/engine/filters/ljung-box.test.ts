// Reference: statsmodels 0.13.5 acorr_ljungbox(x, lags=[L], model_df=d) in
// tests/fixtures/statsmodels/make_fixtures.py (run with /usr/bin/python3). Agreement 1e-9 relative.
import { describe, expect, it } from 'vitest';
import { acfWhiteNoiseBand, autocorrelations, createRng, isWhiteAt, ljungBox, seriesMoments } from '../../../src/engine';
import { ref, relClose } from './reference';

describe('ljungBox', () => {
  for (const c of ref.ljungBox) {
    it(`${c.name}, ${c.lags} lags, ${c.modelDof} model dof: Q and p-value match statsmodels`, () => {
      const r = ljungBox(Float64Array.from(c.x), c.lags, c.modelDof);
      expect(relClose(r.q, c.q, 1e-9)).toBe(true);
      expect(relClose(r.pValue, c.pValue, 1e-9)).toBe(true);
    });
  }

  it('rejects whiteness for an AR(1) and rarely for white noise', () => {
    const rng = createRng(11);
    let rejections = 0;
    for (let rep = 0; rep < 200; rep++) {
      const x = Float64Array.from({ length: 200 }, () => rng.normal());
      if (ljungBox(x, 10).pValue < 0.05) rejections++;
    }
    expect(rejections).toBeGreaterThan(2);
    expect(rejections).toBeLessThan(22); // 5% of 200 = 10 expected
    const ar = new Float64Array(500);
    for (let i = 1; i < 500; i++) ar[i] = 0.5 * ar[i - 1] + rng.normal();
    expect(ljungBox(ar, 5).pValue).toBeLessThan(1e-10);
  });

  it('autocorrelation of a sinusoid at its period is close to 1', () => {
    const x = Float64Array.from({ length: 1000 }, (_, i) => Math.sin((2 * Math.PI * i) / 20));
    expect(autocorrelations(x, 20)[19]).toBeGreaterThan(0.97);
  });

  it('names bad lags, model dof and constant input', () => {
    const x = Float64Array.of(1, 2, 3, 2, 1);
    expect(() => ljungBox(x, 5)).toThrow(/^lags/);
    expect(() => ljungBox(x, 2, 2)).toThrow(/^modelDof/);
    expect(() => ljungBox(new Float64Array(5).fill(2), 2)).toThrow(/constant/);
    expect(() => ljungBox(Float64Array.of(1, Infinity, 2), 1)).toThrow(/x\[1\]/);
  });
});

describe('autocorrelations', () => {
  /** One lag per pass, as the definition reads: Σ_t (x_t − m)(x_{t−k} − m) / Σ_t (x_t − m)². */
  function byLag(x: Float64Array, lags: number): number[] {
    let m = 0;
    for (const v of x) m += v;
    m /= x.length;
    let c0 = 0;
    for (const v of x) c0 += (v - m) * (v - m);
    return Array.from({ length: lags }, (_, j) => {
      let s = 0;
      for (let t = j + 1; t < x.length; t++) s += (x[t] - m) * (x[t - j - 1] - m);
      return s / c0;
    });
  }

  it('gives the one-lag-per-pass sums bitwise, for any number of lags and short series', () => {
    const rng = createRng(5);
    for (const n of [2, 3, 4, 5, 7, 50, 1001]) {
      const x = Float64Array.from({ length: n }, () => rng.normal() * 3 + 100);
      for (const lags of [1, 2, 3, 4, 5, 8, 9, 20]) {
        if (lags >= n) continue;
        expect(Array.from(autocorrelations(x, lags)), `n ${n}, ${lags} lags`).toEqual(byLag(x, lags));
      }
    }
  });

  it("seriesMoments block by block (SeriesBlocks) gives the array's numbers bitwise, across block edges", () => {
    const rng = createRng(8);
    for (const n of [1, 2, 19, 16_383, 16_384, 16_385, 40_000]) {
      const x = Float64Array.from({ length: n }, () => rng.normal() * 0.01);
      const blocks = (from: number, to: number, out: Float64Array) => out.set(x.subarray(from, to));
      for (const lags of [0, 1, 3, 4, 7, 20]) {
        const a = seriesMoments(x, n, lags), b = seriesMoments(blocks, n, lags);
        expect(Object.is(a.mean, b.mean) && Object.is(a.sumSqDev, b.sumSqDev), `n ${n}, ${lags} lags`).toBe(true);
        expect(Array.from(b.acf), `n ${n}, ${lags} lags`).toEqual(Array.from(a.acf));
        if (lags > 0 && lags < n) expect(Array.from(a.acf)).toEqual(byLag(x, lags));
      }
    }
  });
});

describe('acfWhiteNoiseBand and isWhiteAt', () => {
  it('band white-noise autocorrelation at 1.96/√n and call p ≥ 0.05 white', () => {
    expect(acfWhiteNoiseBand(10_000)).toBeCloseTo(0.0196, 12);
    expect(Number.isNaN(acfWhiteNoiseBand(0))).toBe(true);
    expect(isWhiteAt(0.05)).toBe(true);
    expect(isWhiteAt(0.0499)).toBe(false);
  });

  it('about 95 % of the autocorrelations of seeded white noise fall inside the band', () => {
    const rng = createRng(21);
    const n = 20_000, lags = 200;
    const x = Float64Array.from({ length: n }, () => rng.normal());
    const rho = autocorrelations(x, lags);
    const inside = Array.from(rho).filter((r) => Math.abs(r) <= acfWhiteNoiseBand(n)).length / lags;
    expect(inside).toBeGreaterThan(0.9); // 95 % expected; 200 lags: ±3 s.e. is 0.95 ± 0.046
  });
});
