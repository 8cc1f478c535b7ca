import { createRng, type IntensityInput } from '../../../src/engine';

/** Quotes every 0.1 s around a random-walk mid; Poisson trades at rate A whose depth is exponential with rate κ (or κ2 after `switchAt` s). */
export function market(A: number, kappa: number, seconds: number, seed: number, kappa2 = kappa, switchAt = Infinity): IntensityInput {
  const rng = createRng(seed);
  const nq = Math.round(seconds * 10);
  const quoteTime = Float64Array.from({ length: nq }, (_, i) => i / 10);
  const mid = new Float64Array(nq);
  mid[0] = 100;
  for (let i = 1; i < nq; i++) mid[i] = mid[i - 1] + 0.01 * rng.normal();
  const tt: number[] = [], tp: number[] = [];
  let t = rng.exponential() / A;
  while (t < seconds - 0.1) {
    const q = Math.floor(t * 10);
    const depth = rng.exponential() / (t < switchAt ? kappa : kappa2);
    tt.push(t);
    tp.push(mid[q] + (rng.uniform() < 0.5 ? depth : -depth));
    t += rng.exponential() / A;
  }
  return { tradeTime: Float64Array.from(tt), tradePrice: Float64Array.from(tp), quoteTime, mid };
}
