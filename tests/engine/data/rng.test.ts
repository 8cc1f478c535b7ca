import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/engine';

/**
 * The generator as it was written before its uniforms were buffered (one xoshiro128** step per
 * draw from the closure's state), kept here as the reference: the sequence must not change.
 */
function referenceRng(seed: number) {
  let s = (Number.isFinite(seed) ? Math.trunc(seed) : 0) >>> 0;
  const sm = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = sm(), b = sm(), c = sm(), d = sm();
  if ((a | b | c | d) === 0) a = 1;
  const rotl = (x: number, k: number) => ((x << k) | (x >>> (32 - k))) >>> 0;
  const uniform = () => {
    const result = Math.imul(rotl(Math.imul(b, 5) >>> 0, 7), 9) >>> 0;
    const t = (b << 9) >>> 0;
    c ^= a; d ^= b; b ^= c; a ^= d; c ^= t;
    d = rotl(d, 11);
    return result / 4294967296;
  };
  let spare = 0, hasSpare = false;
  const normal = () => {
    if (hasSpare) { hasSpare = false; return spare; }
    let u: number, v: number, q: number;
    do { u = 2 * uniform() - 1; v = 2 * uniform() - 1; q = u * u + v * v; } while (q >= 1 || q === 0);
    const m = Math.sqrt((-2 * Math.log(q)) / q);
    spare = v * m; hasSpare = true;
    return u * m;
  };
  return { uniform, normal, int: (n: number) => Math.floor(uniform() * n), exponential: () => -Math.log(1 - uniform()), fillUniform: (out: Float64Array) => { for (let i = 0; i < out.length; i++) out[i] = uniform(); } };
}

describe('createRng (xoshiro128**, uniforms drawn through a buffer)', () => {
  it('gives the reference sequence bit for bit under any mix of uniform, int, normal, exponential and fillUniform calls', () => {
    const plan = createRng(12345);
    for (const seed of [0, 1, 7, -3, 2 ** 31, 1.9e9, NaN]) {
      const got = createRng(seed), want = referenceRng(seed);
      for (let k = 0; k < 4000; k++) {
        const op = plan.int(5);
        if (op === 0) expect(Object.is(got.uniform(), want.uniform())).toBe(true);
        else if (op === 1) { const n = 1 + plan.int(1000); expect(got.int(n)).toBe(want.int(n)); }
        else if (op === 2) expect(Object.is(got.normal(), want.normal())).toBe(true);
        else if (op === 3) expect(Object.is(got.exponential(), want.exponential())).toBe(true);
        else {
          // Lengths below, at and above the buffer's 256, so a fill starts mid-buffer and runs past it.
          const len = [0, 1, 7, 255, 256, 257, 1000][plan.int(7)];
          const g = new Float64Array(len), w = new Float64Array(len);
          got.fillUniform(g); want.fillUniform(w);
          expect(Array.from(g)).toEqual(Array.from(w));
        }
      }
    }
  });
});
