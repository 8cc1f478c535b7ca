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
   * calls, in one loop (the generator state stays in registers instead of a buffer read per draw).
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

/** Uniforms generated per refill of a generator's buffer. */
const BLOCK = 256;

export function createRng(seed: number): Rng {
  const sm = splitmix32(Number.isFinite(seed) ? Math.trunc(seed) : 0);
  let a = sm(), b = sm(), c = sm(), d = sm();
  if ((a | b | c | d) === 0) a = 1;
  let spare = 0;
  let hasSpare = false;
  // The next uniforms of the sequence, generated BLOCK at a time by the register loop below: a draw
  // is then a read. Drawn one by one from the closure's state, every 32-bit state value above 2^30
  // was a heap number, allocated at each draw.
  const buf = new Float64Array(BLOCK);
  let pos = BLOCK;

  /** The next `count` values of the sequence into out[from, from + count), from the generator state. */
  function generate(out: Float64Array, from: number, count: number): void {
    let a0 = a | 0, b0 = b | 0, c0 = c | 0, d0 = d | 0;
    for (let i = from; i < from + count; i++) {
      // xoshiro128** (Blackman & Vigna 2018): result = rotl(b·5, 7)·9, then the state update.
      const m = Math.imul(b0, 5);
      const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
      const t = b0 << 9;
      c0 ^= a0; d0 ^= b0; b0 ^= c0; a0 ^= d0; c0 ^= t;
      d0 = (d0 << 11) | (d0 >>> 21);
      out[i] = result * 2.3283064365386963e-10; // × 2^−32: exact, the same value as / 2^32
    }
    a = a0 >>> 0; b = b0 >>> 0; c = c0 >>> 0; d = d0 >>> 0;
  }

  function uniform(): number {
    if (pos === BLOCK) { generate(buf, 0, BLOCK); pos = 0; }
    return buf[pos++];
  }

  function fillUniform(out: Float64Array): void {
    // What is left in the buffer comes first: the sequence is the same however it is drawn.
    let i = 0;
    while (pos < BLOCK && i < out.length) out[i++] = buf[pos++];
    if (i < out.length) generate(out, i, out.length - i);
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
