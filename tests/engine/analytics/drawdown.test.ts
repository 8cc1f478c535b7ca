import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRng, maxDrawdown } from '../../../src/engine';

/** maxDrawdown straight from its definition: every tick's drawdown and quotient. */
function drawdownPerTick(equity: Float64Array, capital: number): { abs: number; pct: number } {
  let peak = -Infinity, abs = 0, pct = 0;
  for (const e of equity) {
    if (e > peak) peak = e;
    const dd = peak - e;
    if (dd > abs) abs = dd;
    const base = capital + peak;
    if (base > 0 && (dd / base) * 100 > pct) pct = (dd / base) * 100;
  }
  return { abs, pct };
}

describe('maxDrawdown', () => {
  // Random walks with drift, flat stretches, repeated peaks, capital that makes capital + peak cross 0, and NaN / ±∞ marks.
  const walk = fc.record({
    start: fc.constantFrom(0, 1e6, -50, 1e-300),
    steps: fc.array(fc.oneof(
      { weight: 20, arbitrary: fc.double({ min: -3, max: 3, noNaN: true }) },
      { weight: 3, arbitrary: fc.constant(0) },
      { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, 1e-310, -1e-310) },
    ), { minLength: 1, maxLength: 400 }),
    capital: fc.constantFrom(0, 10, 1e6, -5, 1e-300),
    scale: fc.constantFrom(1, 1e-3, 1e9),
  });

  it('bitwise the per-tick form', () => {
    fc.assert(fc.property(walk, ({ start, steps, capital, scale }) => {
      const equity = new Float64Array(steps.length);
      let e = start;
      steps.forEach((d, i) => {
        // Non-finite steps mark one tick only; the walk goes on from the previous mark.
        if (Number.isFinite(d)) { e += d * scale; equity[i] = e; } else equity[i] = d;
      });
      expect(maxDrawdown(equity, capital)).toEqual(drawdownPerTick(equity, capital));
    }), { numRuns: 2000 });
  });

  it('the largest fall from a running peak, absolute and in % of capital + peak', () => {
    const dd = maxDrawdown(Float64Array.of(0, 5, 3, 8, 2, 4, 9, 1), 100);
    expect(dd.abs).toBe(8); // 9 → 1
    expect(dd.pct).toBe((8 / 109) * 100);
    expect(maxDrawdown(Float64Array.of(1, 2, 3), 0)).toEqual({ abs: 0, pct: 0 });
  });

  it('bitwise the per-tick form across span boundaries (4096-tick spans)', () => {
    // Lengths around one and two spans; the peak, the trough and a NaN / ±∞ mark placed at or next to a span edge.
    const edge = fc.constantFrom(0, 4094, 4095, 4096, 4097, 8191, 8192, -1, -2);
    const series = fc.record({
      n: fc.constantFrom(1, 2, 4095, 4096, 4097, 8191, 8192, 8193),
      seed: fc.integer({ min: 1, max: 1e6 }),
      peakAt: edge,
      troughAt: edge,
      markAt: fc.option(edge),
      mark: fc.constantFrom(NaN, Infinity, -Infinity),
      capital: fc.constantFrom(0, 1e3, -40),
    });
    fc.assert(fc.property(series, ({ n, seed, peakAt, troughAt, markAt, mark, capital }) => {
      const rng = createRng(seed);
      const at = (k: number) => Math.max(0, Math.min(n - 1, k < 0 ? n + k : k));
      let e = 0;
      const equity = Float64Array.from({ length: n }, () => (e += rng.normal()));
      equity[at(peakAt)] = 1e4;
      equity[at(troughAt)] = -1e4;
      if (markAt !== null) equity[at(markAt)] = mark;
      expect(maxDrawdown(equity, capital)).toEqual(drawdownPerTick(equity, capital));
    }), { numRuns: 300 });
  });
});
