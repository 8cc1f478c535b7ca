import { describe, expect, it } from 'vitest';
import { createRng, estimateSigma } from '../../../src/engine';

describe('estimateSigma', () => {
  it('recovers σ per √second from a simulated Brownian mid on an irregular clock', () => {
    const rng = createRng(5);
    const n = 200_000;
    const sigma = 0.8; // price per √s
    const mid = new Float64Array(n);
    const time = new Float64Array(n);
    mid[0] = 60000;
    for (let i = 1; i < n; i++) {
      const dt = 0.05 + 0.5 * rng.uniform();
      time[i] = time[i - 1] + dt;
      mid[i] = mid[i - 1] + sigma * Math.sqrt(dt) * rng.normal();
    }
    const est = estimateSigma(mid, time);
    expect(est / sigma).toBeGreaterThan(0.99);
    expect(est / sigma).toBeLessThan(1.01);
  });

  it('is √(Σ Δmid² / elapsed) on a hand example', () => {
    // Moves 1, −2, 2 over 9 seconds: √(9/9) = 1.
    expect(estimateSigma(Float64Array.of(10, 11, 9, 11), Float64Array.of(0, 1, 5, 9))).toBe(1);
  });

  it('names clocks that go backwards, mismatched lengths and zero spans', () => {
    expect(() => estimateSigma(Float64Array.of(1, 2, 3), Float64Array.of(0, 2, 1))).toThrow(/time\[2\]/);
    expect(() => estimateSigma(Float64Array.of(1, 2, 3), Float64Array.of(0, 2))).toThrow(/time.length/);
    expect(() => estimateSigma(Float64Array.of(1, 2), Float64Array.of(3, 3))).toThrow(/spanning/);
    expect(() => estimateSigma(Float64Array.of(1, NaN), Float64Array.of(0, 1))).toThrow(/mid\[1\]/);
  });
});
