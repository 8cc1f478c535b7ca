import { ParamError, finite, integerIn, nonNegative } from '../util/validate';
import { normalCdf, normalQuantile } from './normal';

/** The Euler–Mascheroni constant γ. */
const EULER_GAMMA = 0.5772156649015329;

export interface DeflatedSharpeInput {
  /** The selected strategy's Sharpe ratio per observation (not annualised). */
  sharpe: number;
  /** Number of independent trials the strategy was selected from (≥ 1). */
  trials: number;
  /** Variance of the trials' Sharpe ratios per observation, V[{SR_n}]. */
  trialSharpeVariance: number;
  /** Skewness of the selected strategy's per-observation returns (0 for normal). */
  skew: number;
  /** NON-EXCESS kurtosis of those returns (3 for normal). */
  kurtosis: number;
  /** Number of observations T behind `sharpe` (≥ 2). */
  observations: number;
}

export interface DeflatedSharpeDetail {
  /** DSR: the probability that the true Sharpe exceeds SR0, in [0, 1]. */
  dsr: number;
  /** SR0, the expected maximum Sharpe of `trials` zero-skill trials, per observation. */
  sr0: number;
  /** The standardised distance ((SR − SR0)√(T − 1)) / √(1 − γ3·SR + (γ4 − 1)/4·SR²). */
  z: number;
}

/**
 * SR0 = √V · ((1 − γ)Φ⁻¹(1 − 1/N) + γΦ⁻¹(1 − 1/(N·e))), the expected maximum of N Sharpe ratios
 * with zero mean and variance V (Bailey & López de Prado 2014, eq. 2 after the false strategy
 * theorem). 0 for a single trial: nothing was selected.
 */
export function expectedMaxSharpe(trials: number, trialSharpeVariance: number): number {
  const N = integerIn('trials', trials, 1, Number.MAX_SAFE_INTEGER);
  const V = nonNegative('trialSharpeVariance', trialSharpeVariance);
  if (N === 1 || V === 0) return 0;
  return Math.sqrt(V) * ((1 - EULER_GAMMA) * normalQuantile(1 - 1 / N) + EULER_GAMMA * normalQuantile(1 - 1 / (N * Math.E)));
}

/** deflatedSharpe with SR0 and the z-score it was taken from. */
export function deflatedSharpeDetail(input: DeflatedSharpeInput): DeflatedSharpeDetail {
  if (input === null || typeof input !== 'object') throw new ParamError('deflatedSharpe input', 'an object', input);
  const sr = finite('sharpe', input.sharpe);
  const skew = finite('skew', input.skew);
  const kurt = finite('kurtosis', input.kurtosis);
  if (kurt < 1) throw new ParamError('kurtosis', 'the non-excess kurtosis, at least 1 (3 for normal returns)', kurt);
  const T = finite('observations', input.observations);
  if (!(T >= 2)) throw new ParamError('observations', 'at least 2', T);
  const sr0 = expectedMaxSharpe(input.trials, input.trialSharpeVariance);
  const den = 1 - skew * sr + ((kurt - 1) / 4) * sr * sr;
  // Positive whenever kurtosis ≥ 1 + skew² (true of any sample's moments).
  if (!(den > 0)) throw new ParamError('skew, kurtosis', `moments of one sample (1 − skew·SR + (kurtosis − 1)/4·SR² > 0; kurtosis ≥ 1 + skew²)`, `skew ${skew}, kurtosis ${kurt}`);
  const z = ((sr - sr0) * Math.sqrt(T - 1)) / Math.sqrt(den);
  return { dsr: normalCdf(z), sr0, z };
}

/**
 * Deflated Sharpe ratio (Bailey & López de Prado 2014, eq. 2): DSR = Φ(((SR − SR0)√(T − 1)) /
 * √(1 − γ3·SR + (γ4 − 1)/4·SR²)), the probabilistic Sharpe ratio against SR0 = expectedMaxSharpe.
 * Sharpe per observation (not annualised); kurtosis non-excess (3 for normal). Returns a probability in [0, 1].
 */
export function deflatedSharpe(input: DeflatedSharpeInput): number {
  return deflatedSharpeDetail(input).dsr;
}
