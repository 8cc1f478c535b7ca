import { baumWelchStep, createEmWork, createRng } from '../src/engine';
import { meanVar } from '../src/engine/filters/series';
import { sortedSums, startingPoints } from '../src/engine/regime/hmm-init';

/**
 * Reference material for fitHmm shared by bench/regime.bench.ts, bench/hmm-restarts-eval.ts and
 * tests/engine/regime/fit-hmm.test.ts, so all three measure and check the same thing.
 */

/** The bench series: three regimes 0.2σ apart (sd 0.01, 0.004, 0.012), switching with prob. 0.03 per step. */
export function benchHmmSeries(n: number, seed: number): Float64Array {
  const rng = createRng(seed);
  const mu = [-0.002, 0, 0.002];
  const sd = [0.01, 0.004, 0.012];
  const x = new Float64Array(n);
  let s = 1;
  for (let t = 0; t < n; t++) {
    if (rng.uniform() < 0.03) s = rng.int(3);
    x[t] = mu[s] + sd[s] * rng.normal();
  }
  return x;
}

/**
 * Best log-likelihood (units of x) that plain Baum-Welch reaches from each of fitHmm's own starts
 * (same standardisation, same quantile and k-means starts for the seed) in up to 5000 iterations,
 * stopping when an iteration gains less than 1e-12·|ℓ|.
 */
export function longRunEmLogLik(x: Float64Array, K: number, seed: number): number {
  const { mean, variance } = meanVar(x);
  const sd = Math.sqrt(variance);
  const z = x.map((v) => (v - mean) / sd);
  const work = createEmWork(z.length, K);
  let best = -Infinity;
  for (const m of startingPoints(sortedSums(z), K, 5, 1e-6, createRng(seed))) {
    let prev = -Infinity;
    let ll = -Infinity;
    for (let it = 0; it < 5000; it++) {
      ll = baumWelchStep(z, m, m, work, 1e-6);
      if (ll - prev < 1e-12 * Math.abs(prev)) break;
      prev = ll;
    }
    best = Math.max(best, ll);
  }
  return best - z.length * Math.log(sd);
}
