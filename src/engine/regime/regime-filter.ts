import { finite } from '../util/validate';
import { checkHmmParams, type HmmParams } from './hmm-model';

/** Causal regime tracker for tick-by-tick use. `probs` is P(s_t = k | x_1..x_t) after the last update. */
export interface RegimeFilter {
  /** Feeds one observation; returns the most probable state after the forward step. */
  update(x: number): number;
  readonly probs: Float64Array;
  /** Forgets all observations: the next update starts from the model's initial law. */
  reset(): void;
}

const LOG_2PI = Math.log(2 * Math.PI);

/**
 * One forward step per observation (Rabiner 1989, eq. 20), normalised every step so it runs
 * forever without underflow; emissions are shifted by their maximum in log space. No allocation per update.
 * Gives the same probabilities as filterProbabilities on the same series.
 */
export function createRegimeFilter(model: HmmParams): RegimeFilter {
  const K = checkHmmParams(model);
  const means = model.means.slice();
  const trans = model.trans.slice();
  const init = model.init.slice();
  const lnorm = new Float64Array(K);
  const halfInv = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    lnorm[k] = -0.5 * (LOG_2PI + Math.log(model.variances[k]));
    halfInv[k] = 0.5 / model.variances[k];
  }
  const probs = new Float64Array(K);
  const pred = new Float64Array(K);
  const le = new Float64Array(K);
  let started = false;
  let count = 0;
  return {
    probs,
    reset() { started = false; count = 0; probs.fill(0); },
    update(x: number): number {
      // The message is built only on failure: a template string per tick would cost more than the step.
      if (!Number.isFinite(x)) finite(`x (observation ${count})`, x);
      if (!started) pred.set(init);
      else {
        for (let j = 0; j < K; j++) {
          let s = 0;
          for (let i = 0; i < K; i++) s += probs[i] * trans[i * K + j];
          pred[j] = s;
        }
      }
      // Fast path: emissions shifted by their maximum (Rabiner 1989, §V.A scaling).
      let mx = -Infinity;
      for (let k = 0; k < K; k++) {
        const d = x - means[k];
        le[k] = lnorm[k] - d * d * halfInv[k];
        if (le[k] > mx) mx = le[k];
      }
      let c = 0;
      for (let k = 0; k < K; k++) { const a = pred[k] * Math.exp(le[k] - mx); probs[k] = a; c += a; }
      if (!(c > 1e-280)) {
        // Only nearly impossible states explain x: redo the step in log space, ln pred + ln b, shifted.
        let best = -Infinity;
        for (let k = 0; k < K; k++) { le[k] = pred[k] > 0 ? Math.log(pred[k]) + le[k] : -Infinity; if (le[k] > best) best = le[k]; }
        c = 0;
        for (let k = 0; k < K; k++) { const a = pred[k] > 0 ? Math.exp(le[k] - best) : 0; probs[k] = a; c += a; }
      }
      let arg = 0;
      const ic = 1 / c;
      for (let k = 0; k < K; k++) { probs[k] *= ic; if (probs[k] > probs[arg]) arg = k; }
      started = true;
      count++;
      return arg;
    },
  };
}
