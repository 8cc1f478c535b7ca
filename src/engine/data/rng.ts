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

/**
 * The next `count` values of xoshiro128** (Blackman & Vigna 2018) from `state` (4 int32 words, updated) into
 * out[from, from + count): result = rotl(b·5, 7)·9 × 2^−32. One module-level function for every generator, so
 * V8 optimises it once, not anew for each createRng's closures.
 */
function xoshiroFill(state: Int32Array, out: Float64Array, from: number, count: number): void {
  let a0 = state[0], b0 = state[1], c0 = state[2], d0 = state[3];
  for (let i = from; i < from + count; i++) {
    const m = Math.imul(b0, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    const t = b0 << 9;
    c0 ^= a0; d0 ^= b0; b0 ^= c0; a0 ^= d0; c0 ^= t;
    d0 = (d0 << 11) | (d0 >>> 21);
    out[i] = result * 2.3283064365386963e-10; // × 2^−32: exact, the same value as / 2^32
  }
  state[0] = a0; state[1] = b0; state[2] = c0; state[3] = d0;
}

export function createRng(seed: number): Rng {
  const sm = splitmix32(Number.isFinite(seed) ? Math.trunc(seed) : 0);
  // The xoshiro128** state words as int32 bit patterns (xoshiroFill).
  const state = Int32Array.of(sm(), sm(), sm(), sm());
  if ((state[0] | state[1] | state[2] | state[3]) === 0) state[0] = 1;
  let spare = 0;
  let hasSpare = false;
  // The next uniforms of the sequence, generated BLOCK at a time by the register loop below: a draw
  // is then a read. Drawn one by one from the closure's state, every 32-bit state value above 2^30
  // was a heap number, allocated at each draw.
  const buf = new Float64Array(BLOCK);
  let pos = BLOCK;

  /** The next `count` values of the sequence into out[from, from + count), from the generator state. */
  function generate(out: Float64Array, from: number, count: number): void {
    xoshiroFill(state, out, from, count);
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
