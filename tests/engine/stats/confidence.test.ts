import { describe, expect, it } from 'vitest';
import {
  BOOTSTRAP_MAX_OBSERVATIONS, BOOTSTRAP_MIN_OBSERVATIONS, createRng, noncentralTInterval, defaultResamples, loSharpeSe, optimalMeanBlock, sharpeBootstrapInterval, sharpeConfidence, sharpePerObservation,
} from '../../../src/engine';

/** n draws of μ + y_t, y an AR(1) with coefficient φ and unit innovations, started in its stationary law. */
function ar1(rng: ReturnType<typeof createRng>, n: number, phi: number, mu: number): Float64Array {
  const x = new Float64Array(n);
  let y = rng.normal() / Math.sqrt(1 - phi * phi);
  for (let i = 0; i < n; i++) { y = phi * y + rng.normal(); x[i] = mu + y; }
  return x;
}

/** Share of R simulated series whose 95 % interval holds the true Sharpe ratio 0.1. */
function coverage(phi: number, seed: number): number {
  const R = 600, n = 500, trueSr = 0.1;
  const mu = trueSr / Math.sqrt(1 - phi * phi); // σ_x = 1/√(1 − φ²)
  const rng = createRng(seed);
  let hit = 0;
  for (let r = 0; r < R; r++) {
    const ci = sharpeBootstrapInterval(ar1(rng, n, phi, mu), { resamples: 300, seed: seed * 7919 + r });
    if (ci.lo <= trueSr && trueSr <= ci.hi) hit++;
  }
  return hit / R;
}

describe('stationary block bootstrap interval of the Sharpe ratio', () => {
  // 600 replicates of 500 observations, 300 resamples each. The Monte Carlo standard error of a
  // coverage near 0.95 is √(0.95·0.05/600) ≈ 0.9 points. Measured with this code over three seed
  // sets (1, 2, 3): iid 94.2 / 96.0 / 93.8 %, AR(1) φ = 0.3: 93.5 / 94.8 / 92.3 % — the AR(1) case sits
  // about 1.5 points under 95 (the block bootstrap's residual small-sample bias), so its margin to
  // 92 % is thin; the seed below is the first of those sets, not a pick.
  it('covers the true Sharpe ratio ≈ 95 % ± 3 % of the time on iid returns', () => {
    const c = coverage(0, 1);
    expect(c).toBeGreaterThanOrEqual(0.92);
    expect(c).toBeLessThanOrEqual(0.98);
  });

  it('covers the true Sharpe ratio ≈ 95 % ± 3 % of the time on AR(1) returns (φ = 0.3)', () => {
    const c = coverage(0.3, 1);
    expect(c).toBeGreaterThanOrEqual(0.92);
    expect(c).toBeLessThanOrEqual(0.98);
  });

  it('is deterministic for a seed, picks longer blocks for dependent data, and widens with the level', () => {
    const x = ar1(createRng(5), 400, 0.6, 0.05);
    expect(sharpeBootstrapInterval(x, { seed: 3 })).toEqual(sharpeBootstrapInterval(x, { seed: 3 }));
    expect(optimalMeanBlock(x)).toBeGreaterThan(optimalMeanBlock(ar1(createRng(5), 400, 0, 0.05)));
    const a = sharpeBootstrapInterval(x, { seed: 3, level: 0.8 });
    const b = sharpeBootstrapInterval(x, { seed: 3, level: 0.99 });
    expect(b.lo).toBeLessThan(a.lo);
    expect(b.hi).toBeGreaterThan(a.hi);
    expect(() => sharpeBootstrapInterval(x, { level: 1 })).toThrow(/level/);
    expect(() => sharpeBootstrapInterval(Float64Array.of(1, 2), {})).toThrow(/at least 3/);
  });
});

describe("Lo's (2002) standard error", () => {
  it('iid: √((1 + SR²/2)/T)', () => {
    const x = ar1(createRng(8), 250, 0, 0.2);
    const sr = sharpePerObservation(x);
    expect(loSharpeSe(x).iid).toBeCloseTo(Math.sqrt((1 + (sr * sr) / 2) / 250), 14);
  });

  it('HAC: near the AR(1) asymptotic value √((1+φ)/(1−φ)/T) on a long series, where the iid one is too small', () => {
    const phi = 0.5, T = 20_000;
    const x = ar1(createRng(9), T, phi, 0.01);
    const se = loSharpeSe(x, 40);
    const theory = Math.sqrt((1 + phi) / (1 - phi) / T); // SR ≈ 0: the mean's long-run variance dominates
    expect(Math.abs(se.hac / theory - 1)).toBeLessThan(0.1);
    expect(se.iid / theory).toBeLessThan(0.65); // √(1/3) ≈ 0.58
  });

  it('agrees with the bootstrap spread (the analytic cross-check)', () => {
    const x = ar1(createRng(10), 2000, 0.3, 0.1);
    const b = sharpeBootstrapInterval(x, { seed: 2 });
    const se = loSharpeSe(x);
    // The interval's half-width over 1.96 and the HAC standard error agree within 20 %.
    expect(Math.abs((b.hi - b.lo) / 3.92 / se.hac - 1)).toBeLessThan(0.2);
  });
});

describe('sharpeConfidence', () => {
  it('carries the bucket count, an interval around the estimate and both standard errors', () => {
    const x = ar1(createRng(12), 300, 0.2, 0.3);
    const c = sharpeConfidence(x, { seed: 4 });
    expect(c.buckets).toBe(300);
    expect(c.sharpe).toBeCloseTo(sharpePerObservation(x), 14);
    expect(c.ci!.lo).toBeLessThan(c.sharpe);
    expect(c.ci!.hi).toBeGreaterThan(c.sharpe);
    expect(c.loSe!.hac).toBeGreaterThan(0);
    expect(c.ci!.method).toBe('stationary-bootstrap');
  });
  it('past BOOTSTRAP_MAX_OBSERVATIONS buckets: the normal interval from the HAC standard error', () => {
    const x = ar1(createRng(13), BOOTSTRAP_MAX_OBSERVATIONS + 1, 0.2, 0.05);
    const c = sharpeConfidence(x);
    expect(c.ci!.method).toBe('normal-hac');
    expect(c.ci!.hi - c.sharpe).toBeCloseTo(1.959963984540054 * c.loSe!.hac, 12);
    expect(c.sharpe - c.ci!.lo).toBeCloseTo(1.959963984540054 * c.loSe!.hac, 12);
    expect(defaultResamples(100)).toBe(1000);
    expect(defaultResamples(20_000)).toBe(500);
    expect(defaultResamples(1e6)).toBe(100);
  });
  it('under BOOTSTRAP_MIN_OBSERVATIONS buckets: the exact noncentral-t interval, near ±1.96 iid standard errors by 29 buckets', () => {
    const x = ar1(createRng(14), 6, 0, 0.3);
    const c = sharpeConfidence(x, { seed: 4 });
    expect(c.ci!.method).toBe('noncentral-t');
    expect([c.ci!.lo, c.ci!.hi]).toEqual(noncentralTInterval(c.sharpe, 6));
    expect(c.ci!.lo).toBeLessThan(c.sharpe);
    expect(c.ci!.hi).toBeGreaterThan(c.sharpe);
    // Six buckets: wider than the asymptotic ±1.96·SE (Student's t with 5 degrees of freedom has fatter tails).
    expect(c.ci!.hi - c.ci!.lo).toBeGreaterThan(2 * 1.96 * c.loSe!.iid);
    const y = ar1(createRng(15), BOOTSTRAP_MIN_OBSERVATIONS - 1, 0, 0.1);
    const d = sharpeConfidence(y);
    expect(d.ci!.method).toBe('noncentral-t');
    expect(Math.abs((d.ci!.hi - d.ci!.lo) / (2 * 1.96 * d.loSe!.iid) - 1)).toBeLessThan(0.08);
    expect(sharpeConfidence(ar1(createRng(16), BOOTSTRAP_MIN_OBSERVATIONS, 0, 0.1)).ci!.method).toBe('stationary-bootstrap');
  });

  it('the small-sample interval covers the true Sharpe ratio about 95 % of the time on 6 and 12 iid normal buckets', () => {
    // 400 seeded samples each: the binomial s.e. of the share is 1.1 %; the bootstrap here covered 77 % at 6.
    for (const n of [6, 12]) {
      const rng = createRng(20 + n);
      let hit = 0;
      for (let r = 0; r < 400; r++) {
        const x = new Float64Array(n);
        for (let i = 0; i < n; i++) x[i] = 0.2 + rng.normal();
        const [lo, hi] = noncentralTInterval(sharpePerObservation(x), n);
        if (lo <= 0.2 && 0.2 <= hi) hit++;
      }
      expect(hit / 400, `${n} buckets`).toBeGreaterThan(0.92);
      expect(hit / 400, `${n} buckets`).toBeLessThan(0.98);
    }
  });

  it('gives no interval for fewer than 3 buckets or a constant series, and never NaN', () => {
    expect(sharpeConfidence(Float64Array.of(1, 2))).toEqual({ sharpe: sharpePerObservation(Float64Array.of(1, 2)), buckets: 2, ci: null, loSe: null });
    const flat = sharpeConfidence(Float64Array.of(0, 0, 0, 0));
    expect(flat).toEqual({ sharpe: 0, buckets: 4, ci: null, loSe: null });
  });
});
