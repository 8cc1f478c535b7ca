import { createRng, type Rng } from '../../data/rng';
import { never, type FillModel, type FillModelSpec } from './types';

/** Uniforms drawn per refill. */
const UNIFORM_BLOCK = 1024;

/**
 * Poisson intensity λ(δ) = A·e^(−κδ) (Avellaneda & Stoikov 2008, eq. 7 / §2.4) with δ the quote's
 * distance from the mid. P(fill in dt) = 1 − e^(−λdt) (exact for a Poisson process), or the paper's
 * first-order min(1, λdt) (§3.2 simulation). A fill takes the whole quote.
 */
export function poissonFillModel(A: number, kappa: number, probability: 'exp' | 'linear', rng: Rng): FillModel {
  // The rng's uniforms from a buffer refilled in blocks (fillUniform: the same numbers, in the same
  // order, as that many rng.uniform() calls), so a draw is a read, not four closure calls.
  const U = new Float64Array(UNIFORM_BLOCK);
  let u = UNIFORM_BLOCK;
  return {
    uses: { trade: false, interval: true, quote: false },
    onTrade: never,
    onQuote: never,
    onInterval(side, quotePrice, quoteSize, mid, dt) {
      if (!(dt > 0)) return 0;
      const depth = side > 0 ? mid - quotePrice : quotePrice - mid;
      const ldt = A * Math.exp(-kappa * depth) * dt;
      const p = probability === 'exp' ? 1 - Math.exp(-ldt) : Math.min(1, ldt);
      if (u === UNIFORM_BLOCK) { rng.fillUniform(U); u = 0; }
      return U[u++] < p ? quoteSize : 0;
    },
  };
}

export const poissonSpec: FillModelSpec = {
  id: 'poisson',
  describe: 'a quote at distance δ from the mid fills in full with probability 1 − e^(−A·e^(−κδ)·Δt) per interval (seeded)',
  unavailable: () => null,
  build: ({ params: p }) => poissonFillModel(p.fillA, p.fillKappa, p.probability, createRng(p.seed)),
};
