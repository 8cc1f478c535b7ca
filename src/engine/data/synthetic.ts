import { createRng } from './rng';
import { finite, integerIn, nonNegative, ParamError, positive } from '../util/validate';

/**
 * A seeded synthetic market with a known truth, for testing calibration and strategies.
 *
 * - Efficient price: arithmetic random walk whose drift and volatility switch between regimes
 *   (a Markov chain evaluated once per tick; Hamilton 1989 style regime switching).
 * - Observed quotes: efficient price + Gaussian microstructure noise (Roll 1984 style), then a
 *   bid/ask `halfSpread` either side rounded outward to the tick.
 * - Trades: market orders arrive on each side as a Poisson process of rate `A` per second; each
 *   one walks to a depth D ~ Exponential(κ) from the published mid, so the rate of trades reaching
 *   depth ≥ δ is A·e^(−κδ) — the intensity of Avellaneda & Stoikov (2008), eq. (7) / §2.4.
 *   Trade prices are not tick-rounded so that the exponential depth law holds exactly.
 */
export interface SyntheticRegimeSpec {
  /** Display label of the regime. */
  label: string;
  /** Drift of the efficient price, price units per second. */
  driftPerSec: number;
  /** Volatility of the efficient price, price units per √second. */
  sigmaPerSqrtSec: number;
}

export interface SyntheticMarketOptions {
  /** RNG seed (any integer). Default 1. */
  seed?: number;
  /** Number of quote ticks. Default 100 000. */
  nTicks?: number;
  /** Seconds between quote ticks (regular grid). Default 0.1 s. */
  dtSec?: number;
  /** Start time, seconds (e.g. epoch seconds). Default 0. */
  startTimeSec?: number;
  /** Efficient price at t = 0, price units. Default 100. */
  startPrice?: number;
  /** Regimes; default three: Bull (+drift, calm), Bear (−drift, volatile), Sideways (no drift). */
  regimes?: SyntheticRegimeSpec[];
  /** Mean time spent in a regime before switching, seconds. Default 600 s. */
  meanRegimeDurationSec?: number;
  /** Standard deviation of the microstructure noise on the observed mid, price units. Default 0.002. */
  noiseStd?: number;
  /** Half of the quoted spread before tick rounding, price units. Default 0.01. */
  halfSpread?: number;
  /** Price grid of the quotes, price units (0 = no rounding). Default 0.01. */
  tickSize?: number;
  /** Market-order arrival rate per side, trades per second (the A of A·e^(−κδ)). Default 2 /s. */
  A?: number;
  /** Decay of the fill intensity with depth, per price unit (the κ of A·e^(−κδ)). Default 50 per price unit. */
  kappa?: number;
  /** Mean trade size, asset units (sizes are exponential). Default 1. */
  meanTradeSize?: number;
}

export interface SyntheticTruth {
  A: number;
  kappa: number;
  dtSec: number;
  noiseStd: number;
  halfSpread: number;
  tickSize: number;
  labels: string[];
  driftPerSec: Float64Array;
  sigmaPerSqrtSec: Float64Array;
  /** Per-tick regime transition matrix, row-major K×K. */
  trans: Float64Array;
}

/** Columnar synthetic market; `regime` is the true regime index of each tick. */
export interface SyntheticMarket {
  time: Float64Array;
  bid: Float64Array;
  ask: Float64Array;
  mid: Float64Array;
  /** Efficient (noise-free) price per tick. */
  truePrice: Float64Array;
  regime: Float64Array;
  tradeTime: Float64Array;
  tradePrice: Float64Array;
  tradeSize: Float64Array;
  /** +1 buyer-initiated, −1 seller-initiated. */
  tradeSide: Float64Array;
  truth: SyntheticTruth;
}

export const DEFAULT_SYNTHETIC_REGIMES: readonly SyntheticRegimeSpec[] = [
  { label: 'Bull', driftPerSec: 0.0004, sigmaPerSqrtSec: 0.006 },
  { label: 'Bear', driftPerSec: -0.0006, sigmaPerSqrtSec: 0.02 },
  { label: 'Sideways', driftPerSec: 0, sigmaPerSqrtSec: 0.01 },
];

function roundDown(x: number, tick: number): number {
  return tick > 0 ? Math.floor(x / tick + 1e-9) * tick : x;
}
function roundUp(x: number, tick: number): number {
  return tick > 0 ? Math.ceil(x / tick - 1e-9) * tick : x;
}

/** Generates the synthetic market; about 10 M ticks/s, no per-tick allocation. */
export function generateSyntheticMarket(opts: SyntheticMarketOptions = {}): SyntheticMarket {
  const seed = finite('seed', opts.seed ?? 1);
  const n = integerIn('nTicks', opts.nTicks ?? 100_000, 2, 50_000_000);
  const dt = positive('dtSec', opts.dtSec ?? 0.1);
  const t0 = finite('startTimeSec', opts.startTimeSec ?? 0);
  const p0 = finite('startPrice', opts.startPrice ?? 100);
  const regimes = opts.regimes ?? DEFAULT_SYNTHETIC_REGIMES;
  if (regimes.length < 1) throw new ParamError('regimes', 'a non-empty list', regimes.length);
  const K = regimes.length;
  const drift = new Float64Array(K);
  const sigma = new Float64Array(K);
  regimes.forEach((r, k) => {
    drift[k] = finite(`regimes[${k}].driftPerSec`, r.driftPerSec);
    sigma[k] = nonNegative(`regimes[${k}].sigmaPerSqrtSec`, r.sigmaPerSqrtSec);
  });
  const meanDur = positive('meanRegimeDurationSec', opts.meanRegimeDurationSec ?? 600);
  const noiseStd = nonNegative('noiseStd', opts.noiseStd ?? 0.002);
  const halfSpread = nonNegative('halfSpread', opts.halfSpread ?? 0.01);
  const tick = nonNegative('tickSize', opts.tickSize ?? 0.01);
  const A = nonNegative('A', opts.A ?? 2);
  const kappa = positive('kappa', opts.kappa ?? 50);
  const meanSize = positive('meanTradeSize', opts.meanTradeSize ?? 1);

  // Leave the current regime with probability dt/meanDur per tick, to any other one uniformly.
  const pLeave = K > 1 ? Math.min(1, dt / meanDur) : 0;
  const trans = new Float64Array(K * K);
  for (let i = 0; i < K; i++) for (let j = 0; j < K; j++) trans[i * K + j] = i === j ? 1 - pLeave : pLeave / (K - 1);

  const rng = createRng(seed);
  const time = new Float64Array(n);
  const bid = new Float64Array(n);
  const ask = new Float64Array(n);
  const mid = new Float64Array(n);
  const truePrice = new Float64Array(n);
  const regime = new Float64Array(n);
  const sqrtDt = Math.sqrt(dt);
  let k = rng.int(K);
  let x = p0;
  for (let i = 0; i < n; i++) {
    if (i > 0) {
      if (pLeave > 0 && rng.uniform() < pLeave) {
        const jump = 1 + rng.int(K - 1);
        k = (k + jump) % K;
      }
      x += drift[k] * dt + sigma[k] * sqrtDt * rng.normal();
    }
    const observed = x + noiseStd * rng.normal();
    const b = roundDown(observed - halfSpread, tick);
    let a = roundUp(observed + halfSpread, tick);
    if (a <= b) a = b + (tick > 0 ? tick : 1e-12);
    time[i] = t0 + i * dt;
    truePrice[i] = x;
    regime[i] = k;
    bid[i] = b;
    ask[i] = a;
    mid[i] = 0.5 * (a + b);
  }

  // Trades: merged Poisson stream of rate 2A; each is a buy or a sell with probability 1/2.
  const span = (n - 1) * dt;
  let cap = Math.max(16, Math.ceil(2 * A * span * 1.2) + 64);
  let tradeTime = new Float64Array(cap);
  let tradePrice = new Float64Array(cap);
  let tradeSize = new Float64Array(cap);
  let tradeSide = new Float64Array(cap);
  let m = 0;
  if (A > 0) {
    let t = rng.exponential() / (2 * A);
    while (t < span) {
      if (m === cap) {
        cap *= 2;
        tradeTime = grow(tradeTime, cap);
        tradePrice = grow(tradePrice, cap);
        tradeSize = grow(tradeSize, cap);
        tradeSide = grow(tradeSide, cap);
      }
      const i = Math.min(n - 1, Math.floor(t / dt + 1e-12)); // latest quote at or before t
      const side = rng.uniform() < 0.5 ? 1 : -1;
      const depth = rng.exponential() / kappa;
      tradeTime[m] = t0 + t;
      tradePrice[m] = mid[i] + side * depth;
      tradeSize[m] = meanSize * rng.exponential();
      tradeSide[m] = side;
      m++;
      t += rng.exponential() / (2 * A);
    }
  }

  return {
    time, bid, ask, mid, truePrice, regime,
    tradeTime: tradeTime.slice(0, m),
    tradePrice: tradePrice.slice(0, m),
    tradeSize: tradeSize.slice(0, m),
    tradeSide: tradeSide.slice(0, m),
    truth: {
      A, kappa, dtSec: dt, noiseStd, halfSpread, tickSize: tick,
      labels: regimes.map((r) => r.label),
      driftPerSec: drift, sigmaPerSqrtSec: sigma, trans,
    },
  };
}

function grow(a: Float64Array, cap: number): Float64Array<ArrayBuffer> {
  const b = new Float64Array(cap);
  b.set(a);
  return b;
}
