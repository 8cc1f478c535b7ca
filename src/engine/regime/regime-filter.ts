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
  if (K === 3) return createRegimeFilter3(model);
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

/**
 * The K = 3 case (Bull / Bear / Sideways, the lab's default) with the state in scalars: the same
 * forward step as above (Rabiner 1989, eq. 20), about twice as fast per tick, identical numbers.
 */
function createRegimeFilter3(model: HmmParams): RegimeFilter {
  const t = model.trans;
  const t00 = t[0], t01 = t[1], t02 = t[2], t10 = t[3], t11 = t[4], t12 = t[5], t20 = t[6], t21 = t[7], t22 = t[8];
  const m0 = model.means[0], m1 = model.means[1], m2 = model.means[2];
  const n0 = -0.5 * (LOG_2PI + Math.log(model.variances[0]));
  const n1 = -0.5 * (LOG_2PI + Math.log(model.variances[1]));
  const n2 = -0.5 * (LOG_2PI + Math.log(model.variances[2]));
  const h0 = 0.5 / model.variances[0], h1 = 0.5 / model.variances[1], h2 = 0.5 / model.variances[2];
  const i0 = model.init[0], i1 = model.init[1], i2 = model.init[2];
  const probs = new Float64Array(3);
  let p0 = 0, p1 = 0, p2 = 0;
  let started = false;
  let count = 0;
  return {
    probs,
    reset() { started = false; count = 0; p0 = p1 = p2 = 0; probs.fill(0); },
    update(x: number): number {
      if (!Number.isFinite(x)) finite(`x (observation ${count})`, x);
      let q0 = i0, q1 = i1, q2 = i2;
      if (started) {
        q0 = p0 * t00 + p1 * t10 + p2 * t20;
        q1 = p0 * t01 + p1 * t11 + p2 * t21;
        q2 = p0 * t02 + p1 * t12 + p2 * t22;
      }
      const d0 = x - m0, d1 = x - m1, d2 = x - m2;
      let l0 = n0 - d0 * d0 * h0, l1 = n1 - d1 * d1 * h1, l2 = n2 - d2 * d2 * h2;
      let mx = l0;
      if (l1 > mx) mx = l1;
      if (l2 > mx) mx = l2;
      let a0 = q0 * Math.exp(l0 - mx), a1 = q1 * Math.exp(l1 - mx), a2 = q2 * Math.exp(l2 - mx);
      let c = a0 + a1 + a2;
      if (!(c > 1e-280)) {
        // Only nearly impossible states explain x: redo the step in log space, as the general path does.
        l0 = q0 > 0 ? Math.log(q0) + l0 : -Infinity;
        l1 = q1 > 0 ? Math.log(q1) + l1 : -Infinity;
        l2 = q2 > 0 ? Math.log(q2) + l2 : -Infinity;
        let best = l0;
        if (l1 > best) best = l1;
        if (l2 > best) best = l2;
        a0 = q0 > 0 ? Math.exp(l0 - best) : 0;
        a1 = q1 > 0 ? Math.exp(l1 - best) : 0;
        a2 = q2 > 0 ? Math.exp(l2 - best) : 0;
        c = a0 + a1 + a2;
      }
      const ic = 1 / c;
      p0 = a0 * ic; p1 = a1 * ic; p2 = a2 * ic;
      probs[0] = p0; probs[1] = p1; probs[2] = p2;
      started = true;
      count++;
      let arg = 0;
      if (p1 > p0) arg = 1;
      if (p2 > (arg === 1 ? p1 : p0)) arg = 2;
      return arg;
    },
  };
}
