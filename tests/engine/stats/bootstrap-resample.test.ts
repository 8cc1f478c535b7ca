import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../../src/engine';
import { resampleSharpes } from '../../../src/engine/stats/bootstrap';

/** The stationary bootstrap's resamples drawing rng.int(n) and rng.uniform() per block: the reference. */
function resampleByCalls(xs: Float64Array, shift: number, p: number, logStay: number, rng: Rng, B: number): Float64Array {
  const n = xs.length;
  const sr = new Float64Array(B);
  for (let b = 0; b < B; b++) {
    let s = 0, ss = 0;
    for (let i = 0; i < n;) {
      let idx = rng.int(n);
      let len = p >= 1 ? 1 : 1 + Math.floor(Math.log(1 - rng.uniform()) / logStay);
      if (len > n - i) len = n - i;
      for (let k = 0; k < len; k++) { const d = xs[idx] - shift; s += d; ss += d * d; idx = idx + 1 === n ? 0 : idx + 1; }
      i += len;
    }
    const mean = s / n;
    const sd = Math.sqrt(Math.max(0, ss - n * mean * mean) / (n - 1));
    const m = mean + shift;
    sr[b] = sd > 1e-13 * Math.abs(m) ? m / sd : m > 0 ? Infinity : m < 0 ? -Infinity : 0;
  }
  return sr;
}

describe('resampleSharpes (stationary bootstrap with a buffered uniform stream)', () => {
  it('draws the same uniforms in the same order as one rng call per draw: the same resamples bit for bit', () => {
    const data = createRng(3);
    // Block means from 1 (p = 1: no length draw) to long blocks; series shorter and longer than the
    // 1024-uniform refill, so draws cross refills mid-block and mid-resample; a constant series.
    for (const [n, meanBlock] of [[3, 1], [28, 2.5], [400, 1], [700, 12], [2500, 40], [50, 1e6]] as const) {
      const xs = Float64Array.from({ length: n }, () => data.normal() * 0.01 + 0.001);
      const p = Math.min(1, 1 / meanBlock);
      const logStay = p < 1 ? Math.log(1 - p) : -Infinity;
      const shift = xs.reduce((a, v) => a + v, 0) / n;
      const B = 300;
      const got = new Float64Array(B);
      resampleSharpes(xs, shift, p, logStay, createRng(9), got);
      const want = resampleByCalls(xs, shift, p, logStay, createRng(9), B);
      let differ = 0;
      for (let b = 0; b < B; b++) if (!Object.is(got[b], want[b])) differ++;
      expect(differ, `n ${n}, mean block ${meanBlock}`).toBe(0);
    }
    const flat = new Float64Array(30).fill(0.5);
    const got = new Float64Array(20);
    resampleSharpes(flat, 0.5, 0.5, Math.log(0.5), createRng(1), got);
    expect(Array.from(got)).toEqual(Array.from(resampleByCalls(flat, 0.5, 0.5, Math.log(0.5), createRng(1), 20)));
  });
});
