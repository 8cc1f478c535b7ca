import { checkSeries } from '../filters/series';
import { checkHmmParams, type HmmParams } from './hmm-model';
import { viterbi } from './viterbi';

export type RegimeLabel = 'Bear' | 'Sideways' | 'Bull' | 'High-vol' | 'Low-vol';

/**
 * Names each state from its parameters only, so the same fitted regimes get the same names whatever
 * restart or state order produced them. K = 2: Bear/Bull by mean. K = 3: Bear, Sideways, Bull by
 * ascending mean (ties broken by variance). K = 4: the highest-variance state is High-vol, the rest
 * Bear/Sideways/Bull by mean. K = 5: also the lowest-variance remaining state is Low-vol.
 * Returns labels[stateId].
 */
export function labelRegimes(model: HmmParams): RegimeLabel[] {
  const K = checkHmmParams(model);
  const labels: RegimeLabel[] = new Array<RegimeLabel>(K);
  let rest = Array.from({ length: K }, (_, k) => k);
  const byVar = (a: number, b: number) => model.variances[a] - model.variances[b] || model.means[a] - model.means[b] || a - b;
  if (K >= 4) {
    const hi = rest.slice().sort(byVar)[K - 1];
    labels[hi] = 'High-vol';
    rest = rest.filter((k) => k !== hi);
  }
  if (K >= 5) {
    const lo = rest.slice().sort(byVar)[0];
    labels[lo] = 'Low-vol';
    rest = rest.filter((k) => k !== lo);
  }
  rest.sort((a, b) => model.means[a] - model.means[b] || byVar(a, b));
  const names: RegimeLabel[] = rest.length === 1 ? ['Sideways'] : rest.length === 2 ? ['Bear', 'Bull'] : ['Bear', 'Sideways', 'Bull'];
  rest.forEach((k, i) => { labels[k] = names[i]; });
  return labels;
}

export interface RegimeStat {
  state: number;
  label: RegimeLabel;
  /** Fraction of observations whose Viterbi state is this one. */
  occupancy: number;
  /** Expected stay 1/(1 − p_kk) in observations (geometric sojourn of a Markov chain). */
  expectedDuration: number;
  /** Mean of x in this state, per observation (tick). */
  meanPerTick: number;
  /** Standard deviation of x in this state, per observation (tick). */
  sigmaPerTick: number;
}

/** Per-regime occupancy (from the Viterbi path unless one is given), expected duration and σ per tick. */
export function regimeStats(x: Float64Array, model: HmmParams, path?: Int32Array): RegimeStat[] {
  checkSeries('x', x);
  const K = checkHmmParams(model);
  const states = path ?? viterbi(x, model);
  const counts = new Float64Array(K);
  for (let t = 0; t < states.length; t++) counts[states[t]]++;
  const labels = labelRegimes(model);
  const out: RegimeStat[] = [];
  for (let k = 0; k < K; k++) {
    const stay = model.trans[k * K + k];
    out.push({
      state: k,
      label: labels[k],
      occupancy: counts[k] / states.length,
      expectedDuration: stay < 1 ? 1 / (1 - stay) : Infinity,
      meanPerTick: model.means[k],
      sigmaPerTick: Math.sqrt(model.variances[k]),
    });
  }
  return out;
}
