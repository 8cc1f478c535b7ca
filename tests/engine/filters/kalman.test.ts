// Reference values: tests/fixtures/statsmodels/reference.json, made by
// `/usr/bin/python3 tests/fixtures/statsmodels/make_fixtures.py` with statsmodels 0.13.5 (a custom
// MLEModel with known initial predicted state x0, p0 and ssm.tolerance = 0; statsmodels' Kalman gain
// is φ·P/F, so the script divides it by φ). Agreement required: 1e-9 relative.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { kalmanLocalLevel, kalmanOU, ParamError, type LocalLevelParams, type OUKalmanParams } from '../../../src/engine';
import { maxRelDiff, ref, relClose } from './reference';

const FIELDS = ['mean', 'variance', 'innovation', 'innovationVar', 'gain'] as const;

/** Textbook recursion (Durbin & Koopman 2012, §4.3), no shortcuts, for comparison. */
function naive(y: Float64Array, phi: number, c: number, Q: number, r: number, x0: number, p0: number) {
  const n = y.length;
  const mean = new Float64Array(n), variance = new Float64Array(n), gain = new Float64Array(n);
  let a = x0, P = p0, ll = 0;
  for (let t = 0; t < n; t++) {
    const F = P + r, v = y[t] - a, K = P / F;
    mean[t] = a + K * v; variance[t] = (P * r) / F; gain[t] = K;
    ll += -0.5 * (Math.log(2 * Math.PI) + Math.log(F) + (v * v) / F);
    a = phi * mean[t] + c; P = phi * phi * variance[t] + Q;
  }
  return { mean, variance, gain, ll };
}

describe('kalmanLocalLevel / kalmanOU against statsmodels', () => {
  for (const k of ref.kalman) {
    it(`${k.name}: filtered states, innovations, gains and log-likelihood agree to 1e-9`, () => {
      const y = Float64Array.from(k.y);
      const res = 'kappa' in k.params ? kalmanOU(y, k.params as unknown as OUKalmanParams) : kalmanLocalLevel(y, k.params as unknown as LocalLevelParams);
      expect(relClose(res.logLik, k.logLik, 1e-9)).toBe(true);
      for (const f of FIELDS) {
        // Innovations cross zero, so compare them relative to the observation scale.
        const floor = f === 'innovation' ? Math.sqrt(k.innovationVar[k.innovationVar.length - 1]) : 1e-300;
        expect(maxRelDiff(res[f], k[f], floor), f).toBeLessThan(1e-9);
      }
    });
  }
});

describe('kalmanLocalLevel', () => {
  it('matches the plain recursion, including after the variance reaches its fixed point', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 10, noNaN: true }), fc.double({ min: 1e-6, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }), fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 1, maxLength: 400 }),
        (q, r, p0, ys) => {
          const y = Float64Array.from(ys);
          const res = kalmanLocalLevel(y, { q, r, x0: ys[0], p0 });
          const ref2 = naive(y, 1, 0, q, r, ys[0], p0);
          expect(maxRelDiff(res.mean, ref2.mean, 1)).toBeLessThan(1e-10);
          expect(maxRelDiff(res.variance, ref2.variance)).toBeLessThan(1e-10);
          expect(maxRelDiff(res.gain, ref2.gain)).toBeLessThan(1e-10);
          expect(relClose(res.logLik, ref2.ll, 1e-10, 1e-6)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('first step is an update from (x0, p0): mean = x0 + p0/(p0 + r)·(y − x0)', () => {
    const res = kalmanLocalLevel(Float64Array.of(2), { q: 1, r: 3, x0: 0, p0: 1 });
    expect(res.gain[0]).toBe(0.25);
    expect(res.mean[0]).toBe(0.5);
    expect(res.variance[0]).toBe(0.75);
    expect(res.innovation[0]).toBe(2);
    expect(res.innovationVar[0]).toBe(4);
    expect(res.logLik).toBeCloseTo(-0.5 * (Math.log(2 * Math.PI) + Math.log(4) + 1), 14);
  });

  it('stays finite on 10^6 ticks of a trending, jumpy series', () => {
    const n = 1_000_000;
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) y[i] = 60000 + i * 0.01 + (i % 1000 === 0 ? 500 : 0) + Math.sin(i);
    const res = kalmanLocalLevel(y, { q: 0.01, r: 1, x0: 60000, p0: 1e6 });
    expect(Number.isFinite(res.logLik)).toBe(true);
    expect(Number.isFinite(res.mean[n - 1])).toBe(true);
    expect(Math.abs(res.mean[n - 1] - y[n - 1])).toBeLessThan(20);
  });

  it('materialises variance, gain and innovationVar once, and copies/clones carry them', () => {
    const y = Float64Array.from({ length: 1000 }, (_, i) => Math.cos(i));
    const res = kalmanLocalLevel(y, { q: 0.1, r: 1, x0: 0, p0: 5 });
    expect(res.variance).toBe(res.variance);
    expect(res.gain.length).toBe(1000);
    expect(res.gain[0]).toBeCloseTo(5 / 6, 15);
    const copy = { ...res };
    const clone = structuredClone(res);
    for (const f of ['variance', 'gain', 'innovationVar'] as const) {
      expect(Array.from(copy[f])).toEqual(Array.from(res[f]));
      expect(Array.from(clone[f])).toEqual(Array.from(res[f]));
    }
    expect(Object.keys(res).sort()).toEqual(['gain', 'innovation', 'innovationVar', 'logLik', 'mean', 'variance']);
  });

  it('names the bad index or parameter', () => {
    expect(() => kalmanLocalLevel(Float64Array.of(1, NaN, 3), { q: 1, r: 1, x0: 0, p0: 1 })).toThrow(/y\[1\]/);
    const long = new Float64Array(5000).fill(1);
    long[4321] = -Infinity; // found after the steady-state loop
    expect(() => kalmanLocalLevel(long, { q: 1, r: 1, x0: 0, p0: 1 })).toThrow(/y\[4321\]/);
    expect(() => kalmanLocalLevel(Float64Array.of(1, 2), { q: -1, r: 1, x0: 0, p0: 1 })).toThrow(ParamError);
    expect(() => kalmanLocalLevel(Float64Array.of(1, 2), { q: 1, r: 0, x0: 0, p0: 1 })).toThrow(/^r must be/);
    expect(() => kalmanLocalLevel(new Float64Array(0), { q: 1, r: 1, x0: 0, p0: 1 })).toThrow(/y.length/);
  });
});

describe('kalmanOU', () => {
  it('uses φ = 1 − κ·dt, intercept κ·μ·dt and state noise σ²·dt', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 50, noNaN: true }), fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: 0, max: 3, noNaN: true }),
        fc.double({ min: 1e-4, max: 2, noNaN: true }), fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 1, maxLength: 300 }),
        (kappa, mu, sigma, r, ys) => {
          const dt = 0.01;
          const y = Float64Array.from(ys);
          const res = kalmanOU(y, { kappa, mu, sigma, r, dt, x0: mu, p0: 1 });
          const ref2 = naive(y, 1 - kappa * dt, kappa * mu * dt, sigma * sigma * dt, r, mu, 1);
          expect(maxRelDiff(res.mean, ref2.mean, 1)).toBeLessThan(1e-10);
          expect(maxRelDiff(res.variance, ref2.variance)).toBeLessThan(1e-10);
          expect(relClose(res.logLik, ref2.ll, 1e-10, 1e-6)).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('rejects a negative κ and a zero dt by name', () => {
    const y = Float64Array.of(1, 2);
    expect(() => kalmanOU(y, { kappa: -1, mu: 0, sigma: 1, r: 1, dt: 1, x0: 0, p0: 1 })).toThrow(/^kappa/);
    expect(() => kalmanOU(y, { kappa: 1, mu: 0, sigma: 1, r: 1, dt: 0, x0: 0, p0: 1 })).toThrow(/^dt/);
  });
});
