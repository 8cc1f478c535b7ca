import { createRng } from '../data/rng';
import { asTotalSpread } from '../quoting/avellaneda-stoikov';

/** Inventories tabulated for the fill probabilities (|q| beyond this is computed directly). */
const Q_TAB = 64;
import { ParamError, finite, integerIn, nonNegative, positive } from '../util/validate';

export type AS2008Strategy = 'inventory' | 'symmetric';

/** Inputs of the §3.3 experiment. Defaults are the paper's: S0 = 100, T = 1, σ = 2, dt = 0.005, A = 140, κ = 1.5. */
export interface AS2008Params {
  gamma: number;
  strategy: AS2008Strategy;
  paths?: number;
  seed?: number;
  s0?: number;
  T?: number;
  sigma?: number;
  dt?: number;
  A?: number;
  kappa?: number;
}

export interface AS2008Result {
  /** Average over [0, T] of the inventory strategy's spread δᵃ + δᵇ, eq. (30) (the symmetric strategy quotes this too). */
  meanSpread: number;
  profitMean: number;
  profitStd: number;
  finalQMean: number;
  finalQStd: number;
  /** Terminal wealth X_T + q_T·S_T per path. */
  profit: Float64Array;
  /** Terminal inventory per path. */
  finalQ: Float64Array;
}

/**
 * Monte Carlo of Avellaneda & Stoikov (2008), §3.3. Each step: quote around the reservation price
 * (inventory strategy, eqs. 29–30) or at ± meanSpread/2 around the mid (symmetric strategy); each side
 * fills one unit with probability min(1, A·e^(−κδ)·dt) (eq. 12); then the mid moves ±σ√dt with
 * probability ½. Profit is X_T + q_T·S_T. The same seed gives both strategies the same random draws.
 *
 * Known ambiguity: the paper does not say how the symmetric spread is chosen beyond "the average spread
 * of the inventory strategy"; we use the average of eq. (30) over [0, T], which reproduces the published
 * 1.49 / 1.35 / 3.02 (the average over the 200 discrete quote times gives 3.03 for γ = 1).
 */
export function simulateAS2008(p: AS2008Params): AS2008Result {
  if (typeof p !== 'object' || p === null) throw new ParamError('params', 'an object with gamma and strategy', p);
  const gamma = nonNegative('gamma', p.gamma);
  if (p.strategy !== 'inventory' && p.strategy !== 'symmetric') throw new ParamError('strategy', "'inventory' or 'symmetric'", p.strategy);
  const paths = integerIn('paths', p.paths ?? 1000, 2, 1e8);
  const seed = finite('seed', p.seed ?? 1);
  const s0 = finite('s0', p.s0 ?? 100);
  const T = positive('T', p.T ?? 1);
  const sigma = nonNegative('sigma', p.sigma ?? 2);
  const dt = positive('dt', p.dt ?? 0.005);
  const A = positive('A', p.A ?? 140);
  const kappa = positive('kappa', p.kappa ?? 1.5);
  const steps = Math.round(T / dt);
  if (steps < 1) throw new ParamError('dt', `at most T (${T})`, dt);

  // Spread depends only on time: tabulate it once (eq. 30).
  const spread = new Float64Array(steps);
  const tau = new Float64Array(steps);
  for (let i = 0; i < steps; i++) {
    tau[i] = T - i * dt;
    spread[i] = asTotalSpread(gamma, sigma, kappa, tau[i]);
  }
  // Its average over [0, T]: (1/T)∫ [γσ²(T − t) + (2/γ)ln(1 + γ/κ)] dt = γσ²T/2 + (2/γ)ln(1 + γ/κ).
  const meanSpread = asTotalSpread(gamma, sigma, kappa, T / 2);
  const symmetricHalf = 0.5 * meanSpread;
  const symmetricFill = Math.min(1, A * Math.exp(-kappa * symmetricHalf) * dt);
  const inventory = p.strategy === 'inventory';
  const step = sigma * Math.sqrt(dt);
  const Adt = A * dt;
  // Inventory strategy depths: δᵇ = half_i + q·γσ²τ_i, δᵃ = half_i − q·γσ²τ_i (eqs. 29–30), so the fill
  // probability depends only on (step, q): tabulate it for |q| ≤ Q_TAB and skip two exps per step.
  // Entries are computed on first use (−1 = not yet): the paths visit a few thousand of the
  // steps × 129 cells, and computing all of them up front took ~0.4 ms of exps per call.
  const width = 2 * Q_TAB + 1;
  const fillTable = new Float64Array(inventory ? steps * width : 0).fill(-1);
  const half = new Float64Array(steps);
  const skew = new Float64Array(steps);
  for (let i = 0; i < steps; i++) {
    half[i] = 0.5 * spread[i];
    skew[i] = gamma * sigma * sigma * tau[i];
  }
  const rng = createRng(seed);
  const profit = new Float64Array(paths);
  const finalQ = new Float64Array(paths);
  // One path's draws, two per step, filled in one call: the same numbers, in the same order, as
  // 2·steps calls of rng.uniform() (per-call RNG state traffic was most of the run time).
  const draws = new Float64Array(2 * steps);
  const path: PathSpec = { steps, s0, step, half, skew, fillTable, width, kappa, Adt, symmetricHalf, symmetricFill, draws };
  for (let k = 0; k < paths; k++) {
    rng.fillUniform(draws);
    if (inventory) inventoryPath(path, profit, finalQ, k);
    else symmetricPath(path, profit, finalQ, k);
  }
  const [profitMean, profitStd] = meanStd(profit);
  const [finalQMean, finalQStd] = meanStd(finalQ);
  return { meanSpread, profitMean, profitStd, finalQMean, finalQStd, profit, finalQ };
}

/** Probability that a quote at `depth` from the mid fills within one step: min(1, A·e^(−κδ)·dt), eq. (12); `Adt` = A·dt. */
function fillProbability(Adt: number, kappa: number, depth: number): number {
  return Math.min(1, Adt * Math.exp(-kappa * depth));
}

function meanStd(x: Float64Array): [number, number] {
  let m = 0;
  for (let i = 0; i < x.length; i++) m += x[i];
  m /= x.length;
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (x[i] - m) * (x[i] - m);
  return [m, Math.sqrt(s / (x.length - 1))];
}

interface PathSpec {
  steps: number;
  s0: number;
  /** Mid move per step, σ√dt. */
  step: number;
  half: Float64Array;
  skew: Float64Array;
  fillTable: Float64Array;
  width: number;
  kappa: number;
  Adt: number;
  symmetricHalf: number;
  symmetricFill: number;
  /** This path's uniforms: draws[2i] and draws[2i + 1] for step i. */
  draws: Float64Array;
}

/**
 * One path of the inventory strategy. Per step one uniform gives the mid's direction (its top bit)
 * and the bid's fill draw (the other 31 bits), a second one the ask's fill draw; fills happen at the
 * quotes set from the current mid, then the mid moves.
 *
 * Without data-dependent branches: each coin flip becomes 0 or 1 by `Number(u < p)` (a compare and a
 * set-on-condition in V8) and enters the updates as a factor. The flips are random, so as branches they
 * were mispredicted about half the time, which was most of the loop's time once the draws came in
 * bulk. Every result is bit-identical to the branching form: a factor 1 leaves each operation as it
 * was, a factor 0 adds ±0 to a total that is never −0.
 */
function inventoryPath(p: PathSpec, profit: Float64Array, finalQ: Float64Array, k: number): void {
  const { steps, step, half, skew, fillTable, width, kappa, Adt, draws } = p;
  let s = p.s0;
  let q = 0;
  let cash = 0;
  for (let i = 0; i < steps; i++) {
    const u = draws[2 * i];
    const up = Number(u < 0.5);
    const uBid = 2 * u - (1 - up);
    const uAsk = draws[2 * i + 1];
    const dBid = half[i] + q * skew[i];
    const dAsk = half[i] - q * skew[i];
    let pBid: number;
    let pAsk: number;
    if (q >= -Q_TAB && q <= Q_TAB) {
      const jBid = i * width + Q_TAB + q;
      const jAsk = i * width + Q_TAB - q;
      pBid = fillTable[jBid];
      pAsk = fillTable[jAsk];
      if (pBid < 0) pBid = fillTable[jBid] = fillProbability(Adt, kappa, dBid);
      if (pAsk < 0) pAsk = fillTable[jAsk] = fillProbability(Adt, kappa, dAsk);
    } else {
      pBid = fillProbability(Adt, kappa, dBid);
      pAsk = fillProbability(Adt, kappa, dAsk);
    }
    const bid = Number(uBid < pBid);
    const ask = Number(uAsk < pAsk);
    cash -= bid * (s - dBid);
    cash += ask * (s + dAsk);
    q += bid - ask;
    s += (2 * up - 1) * step;
  }
  profit[k] = cash + q * s;
  finalQ[k] = q;
}

/** One path of the symmetric strategy: constant depths and fill probabilities, same draws and branch-free form as above. */
function symmetricPath(p: PathSpec, profit: Float64Array, finalQ: Float64Array, k: number): void {
  const { steps, step, symmetricHalf: h, symmetricFill: pf, draws } = p;
  let s = p.s0;
  let q = 0;
  let cash = 0;
  for (let i = 0; i < steps; i++) {
    const u = draws[2 * i];
    const up = Number(u < 0.5);
    const uBid = 2 * u - (1 - up);
    const bid = Number(uBid < pf);
    const ask = Number(draws[2 * i + 1] < pf);
    cash -= bid * (s - h);
    cash += ask * (s + h);
    q += bid - ask;
    s += (2 * up - 1) * step;
  }
  profit[k] = cash + q * s;
  finalQ[k] = q;
}
