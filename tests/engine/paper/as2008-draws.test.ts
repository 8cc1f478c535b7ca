import { describe, expect, it } from 'vitest';
import { asTotalSpread, createRng, simulateAS2008, type AS2008Params } from '../../../src/engine';

/**
 * The simulation draws its uniforms in bulk (rng.fillUniform), updates without branches and fills its
 * probability table lazily, for speed. This is the plain form of the same §3.3 experiment (one
 * rng.uniform() per draw, if/else per fill, every probability computed when needed); the fast form
 * must give the very same numbers, bit for bit, for every seed, including inventories beyond its table.
 */
function plainAS2008(p: Required<Omit<AS2008Params, 'strategy'>> & { strategy: AS2008Params['strategy'] }): { profit: number[]; finalQ: number[] } {
  const { gamma, sigma, kappa, T, dt, A, s0 } = p;
  const steps = Math.round(T / dt);
  const rng = createRng(p.seed);
  const symmetricHalf = 0.5 * asTotalSpread(gamma, sigma, kappa, T / 2);
  const symmetricFill = Math.min(1, A * Math.exp(-kappa * symmetricHalf) * dt);
  const profit: number[] = [];
  const finalQ: number[] = [];
  for (let k = 0; k < p.paths; k++) {
    let s = s0;
    let q = 0;
    let cash = 0;
    for (let i = 0; i < steps; i++) {
      const u = rng.uniform();
      const up = u < 0.5;
      const uBid = up ? 2 * u : 2 * u - 1;
      const uAsk = rng.uniform();
      const tau = T - i * dt;
      const half = p.strategy === 'inventory' ? 0.5 * asTotalSpread(gamma, sigma, kappa, tau) : symmetricHalf;
      const skew = p.strategy === 'inventory' ? gamma * sigma * sigma * tau : 0;
      const dBid = half + q * skew;
      const dAsk = half - q * skew;
      const pBid = p.strategy === 'inventory' ? Math.min(1, A * dt * Math.exp(-kappa * dBid)) : symmetricFill;
      const pAsk = p.strategy === 'inventory' ? Math.min(1, A * dt * Math.exp(-kappa * dAsk)) : symmetricFill;
      if (uBid < pBid) { q += 1; cash -= s - dBid; }
      if (uAsk < pAsk) { q -= 1; cash += s + dAsk; }
      s += up ? sigma * Math.sqrt(dt) : -sigma * Math.sqrt(dt);
    }
    profit.push(cash + q * s);
    finalQ.push(q);
  }
  return { profit, finalQ };
}

const PAPER = { s0: 100, T: 1, sigma: 2, dt: 0.005, A: 140, kappa: 1.5 };

describe('simulateAS2008 gives the numbers of the plain per-draw simulation', () => {
  const cases = [
    ...[0.01, 0.1, 1].flatMap((gamma) => (['inventory', 'symmetric'] as const).flatMap((strategy) => [1, 2008, -7].map((seed) => ({ ...PAPER, gamma, strategy, seed, paths: 40 })))),
    // γ ≈ 0, a longer horizon and more fills: inventories wander past the ±64 table.
    { ...PAPER, gamma: 1e-6, strategy: 'inventory' as const, seed: 3, paths: 30, T: 20, A: 300 },
  ];
  for (const c of cases) {
    it(`γ = ${c.gamma}, ${c.strategy}, seed ${c.seed}, T = ${c.T}`, () => {
      const fast = simulateAS2008(c);
      const plain = plainAS2008(c);
      expect(Array.from(fast.profit)).toEqual(plain.profit);
      expect(Array.from(fast.finalQ)).toEqual(plain.finalQ);
      if (c.T === 20) expect(Math.max(...plain.finalQ.map(Math.abs))).toBeGreaterThan(64);
    });
  }
});

describe('rng.fillUniform', () => {
  it('fills with the next values of uniform(), in order, and the stream continues after it', () => {
    for (const seed of [0, 1, 2008, -3, 2 ** 31 + 5]) {
      const a = createRng(seed);
      const b = createRng(seed);
      const fromCalls = Array.from({ length: 1000 }, () => a.uniform());
      const filled = new Float64Array(999);
      b.fillUniform(filled);
      expect(Array.from(filled)).toEqual(fromCalls.slice(0, 999));
      expect(b.uniform()).toBe(fromCalls[999]);
      expect(b.normal()).toBe(a.normal());
    }
  });
});
