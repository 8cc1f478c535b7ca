import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bucketPnl } from '../../../src/engine';

/** bucketPnl straight from its definition: a bucket index by division at every tick. */
function bucketPnlByDivision(time: Float64Array, equity: Float64Array, B: number): number[] {
  const n = time.length, t0 = time[0];
  const nb = Math.max(1, Math.floor((time[n - 1] - t0) / B) + 1);
  const out = new Array<number>(nb).fill(0);
  let start = equity[0], b = 0;
  for (let i = 0; i < n; i++) {
    const bi = Math.min(nb - 1, Math.floor((time[i] - t0) / B));
    if (bi !== b) { out[b] = equity[i - 1] - start; start = equity[i - 1]; b = bi; }
  }
  out[b] = equity[n - 1] - start;
  return out;
}

// Epoch-like times (so t − t0 rounds), steps that land on bucket ends, repeated stamps and gaps.
const series = fc.record({
  t0: fc.constantFrom(0, 1.7e9, 1722470400.123456),
  steps: fc.array(fc.tuple(fc.constantFrom(0, 0.001, 0.1, 0.25, 0.3, 1, 7.5), fc.double({ min: -5, max: 5, noNaN: true })), { minLength: 1, maxLength: 300 }),
  bucketSec: fc.constantFrom(0.1, 0.25, 1, 3, 60),
});

describe('bucketPnl skips most divisions and gives the same numbers (maxDrawdown: drawdown.test.ts)', () => {
  it('bucketPnl: bitwise the per-tick division form', () => {
    fc.assert(fc.property(series, ({ t0, steps, bucketSec }) => {
      const time = new Float64Array(steps.length), equity = new Float64Array(steps.length);
      let t = t0, e = 0;
      steps.forEach(([dt, de], i) => { t += dt; e += de; time[i] = t; equity[i] = e; });
      expect(Array.from(bucketPnl(time, equity, bucketSec))).toEqual(bucketPnlByDivision(time, equity, bucketSec));
    }), { numRuns: 500 });
  });

  it('bucketPnl: bitwise the per-tick division form over long buckets (thousands of ticks each) and empty ones', () => {
    const long = fc.record({
      t0: fc.constantFrom(0, 1.7e9, 1722470400.123456),
      runs: fc.array(fc.tuple(fc.constantFrom(0, 0.001, 0.01, 0.1, 45), fc.integer({ min: 1, max: 3000 })), { minLength: 1, maxLength: 8 }),
      bucketSec: fc.constantFrom(1, 7, 60),
    });
    fc.assert(fc.property(long, ({ t0, runs, bucketSec }) => {
      const time: number[] = [], equity: number[] = [];
      let t = t0;
      for (const [dt, len] of runs) for (let j = 0; j < len; j++) { t += dt; time.push(t); equity.push(Math.sin(time.length) * 3 + time.length * 1e-3); }
      const tc = Float64Array.from(time), ec = Float64Array.from(equity);
      expect(Array.from(bucketPnl(tc, ec, bucketSec))).toEqual(bucketPnlByDivision(tc, ec, bucketSec));
    }), { numRuns: 300 });
  });

  it('bucketPnl: a tick exactly on a bucket boundary opens the next bucket', () => {
    // [0, 1), [1, 2), [2, 3): each bucket's PnL runs from the previous bucket's last equity to its own last.
    expect(Array.from(bucketPnl(Float64Array.of(0, 0.5, 1, 1.5, 2), Float64Array.of(0, 1, 3, 4, 10), 1))).toEqual([1, 3, 6]);
  });
});
