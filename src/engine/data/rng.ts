/**
 * Seeded pseudo-random numbers for everything random in the engine (Math.random is banned
 * there by lint). xoshiro128** (Blackman & Vigna 2018), seeded through splitmix32 so any
 * integer seed, including 0, gives a well-mixed state. Deterministic across Node and browsers.
 */
export interface Rng {
  /** Uniform on [0, 1), 32 bits of resolution. */
  uniform(): number;
  /** Standard normal N(0, 1) (Marsaglia polar method, the spare value cached). */
  normal(): number;
  /** Uniform integer on [0, n). */
  int(n: number): number;
  /** Exponential with rate 1. */
  exponential(): number;
  /**
   * Fills `out` with the next `out.length` values of uniform(), in order: the same numbers as that many
   * calls, about 10× faster (the generator state stays in registers for the whole loop instead of being
   * read and written in the closure per draw, where a 32-bit value above 2^30 is a heap number).
   */
  fillUniform(out: Float64Array): void;
}

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export function createRng(seed: number): Rng {
  const sm = splitmix32(Number.isFinite(seed) ? Math.trunc(seed) : 0);
  let a = sm(), b = sm(), c = sm(), d = sm();
  if ((a | b | c | d) === 0) a = 1;
  let spare = 0;
  let hasSpare = false;

  function nextU32(): number {
    const result = Math.imul(rotl(Math.imul(b, 5) >>> 0, 7), 9) >>> 0;
    const t = (b << 9) >>> 0;
    c ^= a; d ^= b; b ^= c; a ^= d; c ^= t;
    d = rotl(d, 11);
    return result;
  }

  function uniform(): number {
    return nextU32() / 4294967296;
  }

  function fillUniform(out: Float64Array): void {
    let a0 = a | 0, b0 = b | 0, c0 = c | 0, d0 = d | 0;
    for (let i = 0; i < out.length; i++) {
      const m = Math.imul(b0, 5);
      const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
      const t = b0 << 9;
      c0 ^= a0; d0 ^= b0; b0 ^= c0; a0 ^= d0; c0 ^= t;
      d0 = (d0 << 11) | (d0 >>> 21);
      out[i] = result * 2.3283064365386963e-10; // × 2^−32: exact, the same value as / 2^32, and cheaper
    }
    a = a0 >>> 0; b = b0 >>> 0; c = c0 >>> 0; d = d0 >>> 0;
  }

  function normal(): number {
    if (hasSpare) { hasSpare = false; return spare; }
    let u: number, v: number, s: number;
    do {
      u = 2 * uniform() - 1;
      v = 2 * uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const m = Math.sqrt((-2 * Math.log(s)) / s);
    spare = v * m;
    hasSpare = true;
    return u * m;
  }

  return {
    uniform,
    normal,
    int: (n: number) => Math.floor(uniform() * n),
    exponential: () => -Math.log(1 - uniform()),
    fillUniform,
  };
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
