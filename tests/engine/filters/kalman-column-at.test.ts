import { describe, expect, it } from 'vitest';
import { autocorrelations, createRng, kalmanLocalLevel, ljungBox } from '../../../src/engine';
import { kalmanColumnAt, ljungBoxOf } from '../../../src/engine/filters';

// Views read single values of the Kalman's lazy columns and reuse one autocorrelation pass (issue 15: no n-length temporaries).
describe('kalmanColumnAt and ljungBoxOf', () => {
  const rng = createRng(4);
  const y = new Float64Array(5_000);
  let x = 100;
  for (let i = 0; i < y.length; i++) { x += 0.01 * rng.normal(); y[i] = x + 0.02 * rng.normal(); }

  it('reads gain, variance and innovation variance at chosen indices, equal to the materialised columns', () => {
    const idx = Int32Array.of(0, 1, 2, 5, 9, 10, 11, 50, 4_999);
    const k = kalmanLocalLevel(y, { q: 1e-4, r: 4e-4, x0: y[0], p0: 1 });
    const got = { gain: kalmanColumnAt(k, 'gain', idx), variance: kalmanColumnAt(k, 'variance', idx), innovationVar: kalmanColumnAt(k, 'innovationVar', idx) };
    // Only now materialise the columns (the values above were read without them).
    for (const f of ['gain', 'variance', 'innovationVar'] as const) {
      expect(Array.from(got[f])).toEqual(Array.from(idx, (i) => k[f][i]));
    }
    expect(got.gain[0]).not.toBe(got.gain[8]); // the transient differs from the steady state
  });

  it('ljungBoxOf on the autocorrelations gives ljungBox exactly', () => {
    const acf = autocorrelations(y, 12);
    expect(ljungBoxOf(acf, y.length)).toEqual(ljungBox(y, 12));
    expect(ljungBoxOf(acf, y.length, 2)).toEqual(ljungBox(y, 12, 2));
  });
});
