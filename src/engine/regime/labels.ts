import { checkSeries } from '../filters/series';
import { checkHmmParams, type HmmParams } from './hmm-model';
import { viterbi } from './viterbi';

/** A regime's name: its volatility level, plus its drift when that is told apart from noise (see labelRegimes). */
export type RegimeLabel = string;

/** Volatility level names for G distinguishable levels, lowest first. */
const LEVEL_NAMES: Record<number, string[]> = {
  1: [''],
  2: ['Low-vol', 'High-vol'],
  3: ['Low-vol', 'Mid-vol', 'High-vol'],
  4: ['Low-vol', 'Mid-low-vol', 'Mid-high-vol', 'High-vol'],
  5: ['Lowest-vol', 'Low-vol', 'Mid-vol', 'High-vol', 'Highest-vol'],
};

/** Stationary distribution of the chain (power iteration from `init`); used to share the observations between states. */
function stationary(model: HmmParams, K: number): Float64Array {
  let p = Float64Array.from(model.init);
  for (let it = 0; it < 500; it++) {
    const q = new Float64Array(K);
    for (let i = 0; i < K; i++) for (let j = 0; j < K; j++) q[j] += p[i] * model.trans[i * K + j];
    let d = 0;
    for (let j = 0; j < K; j++) d += Math.abs(q[j] - p[j]);
    p = q;
    if (d < 1e-12) break;
  }
  return p;
}

/** What tells one state from the others: the figures behind its name. */
export interface RegimeDescription {
  state: number;
  label: RegimeLabel;
  /** Rank of its volatility level, 0 = lowest (states whose variances cannot be told apart share a level). */
  volLevel: number;
  /** 'up' or 'down' when the means differ beyond their standard errors and this mean is away from 0; else null ('flat' in the label when others drift). */
  drift: 'up' | 'down' | null;
  /** Standard error of the state's mean, σ_k/√(π_k·T) (null without a number of observations). */
  meanSe: number | null;
}

/**
 * Names each state by what distinguishes it, from its parameters only (so the same fitted regimes get
 * the same names whatever restart or state order produced them):
 * - volatility level by ascending variance (Low-vol, Mid-vol, High-vol, …); with `observations` T,
 *   neighbouring variances closer than twice their combined standard error (v_k·√(2/(π_k·T)), π the
 *   chain's stationary law) share a level;
 * - drift ('up-drift' / 'down-drift') only with T given, when two states' means differ by more than twice
 *   their combined standard error (σ_k/√(π_k·T); a 95 % two-sided test), and then only on states whose
 *   mean is more than twice its standard error from 0 (the others are then 'flat').
 * Names that would still coincide get a number. One state: 'Single regime'.
 */
export function describeRegimes(model: HmmParams, observations?: number): RegimeDescription[] {
  const K = checkHmmParams(model);
  if (K === 1) return [{ state: 0, label: 'Single regime', volLevel: 0, drift: null, meanSe: null }];
  const T = observations !== undefined && Number.isFinite(observations) && observations > 0 ? observations : null;
  const pi = stationary(model, K);
  const nObs = (k: number) => (T === null ? NaN : Math.max(pi[k] * T, 1e-9));
  const meanSe = (k: number) => Math.sqrt(model.variances[k] / nObs(k));
  const varSe = (k: number) => model.variances[k] * Math.sqrt(2 / nObs(k));
  const order = Array.from({ length: K }, (_, k) => k).sort((a, b) => model.variances[a] - model.variances[b] || model.means[a] - model.means[b] || a - b);
  const level = new Int32Array(K);
  let g = 0;
  for (let r = 1; r < K; r++) {
    const a = order[r - 1], b = order[r];
    const gap = model.variances[b] - model.variances[a];
    const distinct = T === null ? gap > 0 : gap > 2 * Math.hypot(varSe(a), varSe(b));
    if (distinct) g++;
    level[b] = g;
  }
  const names = LEVEL_NAMES[g + 1];
  let driftDiffers = false;
  if (T !== null) {
    for (let a = 0; a < K && !driftDiffers; a++) for (let b = a + 1; b < K; b++) {
      if (Math.abs(model.means[a] - model.means[b]) > 2 * Math.hypot(meanSe(a), meanSe(b))) { driftDiffers = true; break; }
    }
  }
  const out: RegimeDescription[] = [];
  for (let k = 0; k < K; k++) {
    const se = T === null ? null : meanSe(k);
    const drift = driftDiffers && se !== null && Math.abs(model.means[k]) > 2 * se ? (model.means[k] > 0 ? 'up' : 'down') : null;
    const vol = names[level[k]];
    // When drifts differ, a state without one is named for that too.
    const driftName = drift !== null ? `${drift}-drift` : driftDiffers ? 'flat' : '';
    // Equal volatilities and no drift told apart: nothing distinguishes the state but its number.
    const label = vol === '' ? (driftName === '' ? 'Regime' : driftName[0].toUpperCase() + driftName.slice(1)) : driftName === '' ? vol : `${vol}, ${driftName}`;
    out.push({ state: k, label, volLevel: level[k], drift, meanSe: se });
  }
  // Same name twice: number them in variance order.
  const seen = new Map<string, number>();
  for (const k of order) {
    const l = out[k].label;
    const c = (seen.get(l) ?? 0) + 1;
    seen.set(l, c);
    if (c > 1) out[k].label = `${l} (${c})`;
  }
  for (const k of order) if ((seen.get(out[k].label) ?? 0) > 1 && !/\(\d+\)$/.test(out[k].label)) out[k].label = `${out[k].label} (1)`;
  return out;
}

/** describeRegimes' names, labels[stateId]. */
export function labelRegimes(model: HmmParams, observations?: number): RegimeLabel[] {
  return describeRegimes(model, observations).map((d) => d.label);
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

/**
 * Per-regime occupancy (from the Viterbi path unless one is given), expected duration and σ per tick.
 * Labels as labelRegimes(model, fittedObservations): pass the number of observations the model was
 * fitted on (RegimeSetup.fittedBuckets) to get the same names as the strategy.
 */
export function regimeStats(x: Float64Array, model: HmmParams, path?: Int32Array, fittedObservations?: number): RegimeStat[] {
  checkSeries('x', x);
  const K = checkHmmParams(model);
  const states = path ?? viterbi(x, model);
  const counts = new Float64Array(K);
  for (let t = 0; t < states.length; t++) counts[states[t]]++;
  const labels = labelRegimes(model, fittedObservations);
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

/** At least this many fitted buckets per state before the HMM's states are more than a rough sketch. */
export const MIN_BUCKETS_PER_STATE = 50;

/**
 * Plain sentences on what a fitted HMM can and cannot say: too few buckets for its number of
 * states, states that last only a bucket or two (bucket-to-bucket volatility, not lasting regimes),
 * a fit that did not converge. Empty when there is nothing to warn about.
 */
export function regimeFitNotes(fit: { model: HmmParams; fittedBuckets: number; bucketSec: number; converged?: boolean }): string[] {
  const K = checkHmmParams(fit.model);
  const notes: string[] = [];
  const secs = (s: number) => (s < 1 ? `${s.toPrecision(2)} s` : s < 120 ? `${s.toFixed(s < 10 ? 1 : 0)} s` : `${(s / 60).toFixed(1)} min`);
  if (fit.fittedBuckets > 0 && fit.fittedBuckets < MIN_BUCKETS_PER_STATE * K) {
    notes.push(`The HMM was fitted on ${fit.fittedBuckets} buckets of ${secs(fit.bucketSec)}, fewer than ${MIN_BUCKETS_PER_STATE} per state for ${K} states: its states and their parameters are rough.`);
  }
  if (K === 1) notes.push('One regime only: the data were too short or too flat to fit more.');
  // States that last under 3 buckets on average mark single moves, not regimes one could quote through.
  const labels = labelRegimes(fit.model, fit.fittedBuckets > 0 ? fit.fittedBuckets : undefined);
  const stay = (k: number) => { const p = fit.model.trans[k * K + k]; return p < 1 ? 1 / (1 - p) : Infinity; };
  const short = Array.from({ length: K }, (_, k) => k).filter((k) => stay(k) < 3);
  if (K > 1 && short.length === K) {
    const longest = Math.max(...short.map(stay));
    notes.push(`No state lasts more than ${longest.toFixed(1)} buckets (${secs(longest * fit.bucketSec)}) on average: the states mark bucket-to-bucket volatility, not lasting market regimes.`);
  } else if (K > 1 && short.length > 0) {
    const parts = short.map((k) => `${labels[k]} ${stay(k).toFixed(1)} buckets (${secs(stay(k) * fit.bucketSec)})`);
    notes.push(`Some states last only a bucket or two on average (${parts.join('; ')}): they mark single price moves, not lasting market regimes.`);
  }
  if (fit.converged === false) notes.push('The HMM fit stopped before converging: its parameters may move with more iterations or another seed.');
  return notes;
}
