import { ParamError, integerIn } from '../util/validate';
import { checkSeries } from '../filters/series';
import { checkClock } from './sigma';
import { fitDepths, type IntensityFit, type IntensityInput, type IntensityOptions } from './intensity';
import { tradeDepthsByState, tradeExposureByRegime } from './intensity-curve';

export interface RegimeCalibration {
  state: number;
  /** Seconds the mid spent in this regime. */
  seconds: number;
  /** Realised σ of the mid in this regime, price units per √second (NaN if it never moved in it). */
  sigma: number;
  /** λ(δ) = A·e^(−κδ) fitted on this regime's trades, or null with the reason when it cannot be. */
  intensity: IntensityFit | null;
  intensityError: string | null;
}

/**
 * σ and κ per regime from an HMM labelling of the quotes. `states[i]` is the regime of quote i (e.g.
 * viterbi of the mid returns, or filtered argmax for a causal version); quote interval (i−1, i] belongs
 * to states[i]. σ_k² = Σ_{i in k} (Δmid_i)² / Σ_{i in k} Δt_i (realised variance per second, as in
 * estimateSigma); each trade takes the regime of its prevailing quote and λ is fitted on the regime's
 * trades over the seconds its quotes prevailed (tradeExposureByRegime, as intensityCurveByRegime).
 */
export function calibrateByRegime(input: IntensityInput, states: Int32Array, nStates: number, opts: IntensityOptions = {}): RegimeCalibration[] {
  const { tradeTime, tradePrice, quoteTime, mid } = input;
  checkSeries('mid', mid, 2);
  checkClock('mid', mid, 'quoteTime', quoteTime);
  checkSeries('tradePrice', tradePrice);
  checkClock('tradePrice', tradePrice, 'tradeTime', tradeTime);
  const K = integerIn('nStates', nStates, 1, 64);
  if (states.length !== mid.length) throw new ParamError('states.length', `equal to mid.length (${mid.length})`, states.length);
  for (let i = 0; i < states.length; i++) if (!(states[i] >= 0 && states[i] < K)) throw new ParamError(`states[${i}]`, `a state id from 0 to ${K - 1}`, states[i]);

  const seconds = new Float64Array(K);
  const rv = new Float64Array(K);
  for (let i = 1; i < mid.length; i++) {
    const k = states[i];
    const d = mid[i] - mid[i - 1];
    rv[k] += d * d;
    seconds[k] += quoteTime[i] - quoteTime[i - 1];
  }
  const depthsByState = tradeDepthsByState(input, states, K); // each trade's depth, by the regime of its prevailing quote
  const exposure = tradeExposureByRegime(quoteTime, states, K);
  const out: RegimeCalibration[] = [];
  for (let k = 0; k < K; k++) {
    let intensity: IntensityFit | null = null;
    let intensityError: string | null = null;
    try {
      intensity = fitDepths(depthsByState[k], exposure[k], opts);
    } catch (e) {
      intensityError = e instanceof Error ? e.message : String(e);
    }
    out.push({ state: k, seconds: seconds[k], sigma: seconds[k] > 0 ? Math.sqrt(rv[k] / seconds[k]) : NaN, intensity, intensityError });
  }
  return out;
}
