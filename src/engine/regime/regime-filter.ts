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
 * The filters are class instances, not closures: update() is then one function for every filter, so
 * its optimised code serves every backtest run (a closure made per run was compiled again in each,
 * its first thousand steps in unoptimised code).
 */
export function createRegimeFilter(model: HmmParams): RegimeFilter {
  const K = checkHmmParams(model);
  return K === 3 ? new RegimeFilter3(model) : new RegimeFilterK(model, K);
}

/** Any K: the state in arrays. */
class RegimeFilterK implements RegimeFilter {
  declare readonly probs: Float64Array;
  declare private readonly K: number;
  declare private readonly means: Float64Array;
  declare private readonly trans: Float64Array;
  declare private readonly init: Float64Array;
  declare private readonly lnorm: Float64Array;
  declare private readonly halfInv: Float64Array;
  declare private readonly pred: Float64Array;
  declare private readonly le: Float64Array;
  declare private started: boolean;
  declare private count: number;

  constructor(model: HmmParams, K: number) {
    this.probs = new Float64Array(K);
    this.K = K;
    this.means = model.means.slice();
    this.trans = model.trans.slice();
    this.init = model.init.slice();
    this.lnorm = new Float64Array(K);
    this.halfInv = new Float64Array(K);
    for (let k = 0; k < K; k++) {
      this.lnorm[k] = -0.5 * (LOG_2PI + Math.log(model.variances[k]));
      this.halfInv[k] = 0.5 / model.variances[k];
    }
    this.pred = new Float64Array(K);
    this.le = new Float64Array(K);
    this.started = false;
    this.count = 0;
  }

  reset(): void { this.started = false; this.count = 0; this.probs.fill(0); }

  update(x: number): number {
    // The message is built only on failure: a template string per tick would cost more than the step.
    if (!Number.isFinite(x)) finite(`x (observation ${this.count})`, x);
    const { K, probs, pred, le, means, trans, lnorm, halfInv } = this;
    if (!this.started) pred.set(this.init);
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
    this.started = true;
    this.count++;
    return arg;
  }
}

/**
 * The K = 3 case (Bull / Bear / Sideways, the lab's default): the model's numbers in one array and
 * the filtered probabilities read from `probs`, the same forward step as above (Rabiner 1989, eq. 20),
 * about twice as fast per step, identical numbers.
 */
class RegimeFilter3 implements RegimeFilter {
  declare readonly probs: Float64Array;
  /** trans (9, row-major), means (3), −½(ln 2π + ln σ²) (3), 1/(2σ²) (3), init (3). */
  declare private readonly c: Float64Array;
  declare private started: boolean;
  declare private count: number;

  constructor(model: HmmParams) {
    this.probs = new Float64Array(3);
    const c = new Float64Array(21);
    c.set(model.trans, 0);
    c.set(model.means, 9);
    for (let k = 0; k < 3; k++) {
      c[12 + k] = -0.5 * (LOG_2PI + Math.log(model.variances[k]));
      c[15 + k] = 0.5 / model.variances[k];
    }
    c.set(model.init, 18);
    this.c = c;
    this.started = false;
    this.count = 0;
  }

  reset(): void { this.started = false; this.count = 0; this.probs.fill(0); }

  update(x: number): number {
    if (!Number.isFinite(x)) finite(`x (observation ${this.count})`, x);
    const c = this.c, p = this.probs;
    let q0 = c[18], q1 = c[19], q2 = c[20];
    if (this.started) {
      const p0 = p[0], p1 = p[1], p2 = p[2];
      q0 = p0 * c[0] + p1 * c[3] + p2 * c[6];
      q1 = p0 * c[1] + p1 * c[4] + p2 * c[7];
      q2 = p0 * c[2] + p1 * c[5] + p2 * c[8];
    }
    const d0 = x - c[9], d1 = x - c[10], d2 = x - c[11];
    let l0 = c[12] - d0 * d0 * c[15], l1 = c[13] - d1 * d1 * c[16], l2 = c[14] - d2 * d2 * c[17];
    let mx = l0;
    if (l1 > mx) mx = l1;
    if (l2 > mx) mx = l2;
    let a0 = q0 * Math.exp(l0 - mx), a1 = q1 * Math.exp(l1 - mx), a2 = q2 * Math.exp(l2 - mx);
    let s = a0 + a1 + a2;
    if (!(s > 1e-280)) {
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
      s = a0 + a1 + a2;
    }
    const ic = 1 / s;
    const p0 = a0 * ic, p1 = a1 * ic, p2 = a2 * ic;
    p[0] = p0; p[1] = p1; p[2] = p2;
    this.started = true;
    this.count++;
    let arg = 0;
    if (p1 > p0) arg = 1;
    if (p2 > (arg === 1 ? p1 : p0)) arg = 2;
    return arg;
  }
}
