import { ParamError } from '../util/validate';

/**
 * Parameters of a Gaussian hidden Markov model with K states. `trans` is row-major K×K with
 * trans[i·K + j] = P(s_t = j | s_{t−1} = i); `init` is P(s_1 = k) for the first observation.
 * `means` in the units of x; `variances` in units of x².
 */
export interface HmmParams {
  means: Float64Array;
  variances: Float64Array;
  trans: Float64Array;
  init: Float64Array;
}

/**
 * The engine's own parameter objects are made by this class's constructor, not by object literals:
 * V8 builds a literal's boilerplate when the literal is evaluated the second time and generalises its
 * field types then, and code optimised against the earlier field types (the K = 3 E-step kernels,
 * hot within the first fit) is deoptimised; in some processes the forward pass was then not
 * reoptimised. A constructor keeps the field types. (Parameters passed in by callers may be literals.)
 */
class Params implements HmmParams {
  declare means: Float64Array;
  declare variances: Float64Array;
  declare trans: Float64Array;
  declare init: Float64Array;

  constructor(means: Float64Array, variances: Float64Array, trans: Float64Array, init: Float64Array) {
    this.means = means;
    this.variances = variances;
    this.trans = trans;
    this.init = init;
  }
}

/** HmmParams from its four arrays (held, not copied). */
export function hmmParams(means: Float64Array, variances: Float64Array, trans: Float64Array, init: Float64Array): HmmParams {
  return new Params(means, variances, trans, init);
}

/** A fitted model: the parameters plus the fit's log-likelihood (at these parameters) and EM bookkeeping. */
export interface HmmModel extends HmmParams {
  logLik: number;
  iterations: number;
  converged: boolean;
}

const PROB_TOL = 1e-9;

/** Throws a ParamError naming the first inconsistent field; returns K. */
export function checkHmmParams(m: HmmParams): number {
  if (typeof m !== 'object' || m === null) throw new ParamError('model', 'an object with means, variances, trans, init', m);
  const K = m.means?.length;
  if (!(K >= 1)) throw new ParamError('model.means', 'a non-empty array', m.means);
  if (m.variances?.length !== K) throw new ParamError('model.variances.length', `${K} (one per state)`, m.variances?.length);
  if (m.init?.length !== K) throw new ParamError('model.init.length', `${K} (one per state)`, m.init?.length);
  if (m.trans?.length !== K * K) throw new ParamError('model.trans.length', `${K * K} (K×K row-major)`, m.trans?.length);
  let s = 0;
  for (let k = 0; k < K; k++) {
    if (!Number.isFinite(m.means[k])) throw new ParamError(`model.means[${k}]`, 'a finite number', m.means[k]);
    if (!(m.variances[k] > 0) || !Number.isFinite(m.variances[k])) throw new ParamError(`model.variances[${k}]`, 'a finite number greater than 0', m.variances[k]);
    if (!(m.init[k] >= 0) || !(m.init[k] <= 1)) throw new ParamError(`model.init[${k}]`, 'a probability in [0, 1]', m.init[k]);
    s += m.init[k];
  }
  if (Math.abs(s - 1) > PROB_TOL) throw new ParamError('model.init', 'probabilities summing to 1', s);
  for (let i = 0; i < K; i++) {
    let r = 0;
    for (let j = 0; j < K; j++) {
      const p = m.trans[i * K + j];
      if (!(p >= 0) || !(p <= 1)) throw new ParamError(`model.trans[${i * K + j}] (row ${i}, column ${j})`, 'a probability in [0, 1]', p);
      r += p;
    }
    if (Math.abs(r - 1) > PROB_TOL) throw new ParamError(`model.trans row ${i}`, 'probabilities summing to 1', r);
  }
  return K;
}

/**
 * The same model with its states reordered by ascending mean (ties: ascending variance), so state ids
 * do not depend on which restart or initialisation found the fit. Returns the permutation too:
 * order[newId] = oldId.
 */
export function sortHmmStates<M extends HmmParams>(model: M): { model: M; order: Int32Array } {
  const K = checkHmmParams(model);
  const ids = Array.from({ length: K }, (_, k) => k);
  ids.sort((a, b) => model.means[a] - model.means[b] || model.variances[a] - model.variances[b] || a - b);
  const order = Int32Array.from(ids);
  const means = new Float64Array(K);
  const variances = new Float64Array(K);
  const init = new Float64Array(K);
  const trans = new Float64Array(K * K);
  for (let i = 0; i < K; i++) {
    const oi = order[i];
    means[i] = model.means[oi];
    variances[i] = model.variances[oi];
    init[i] = model.init[oi];
    for (let j = 0; j < K; j++) trans[i * K + j] = model.trans[oi * K + order[j]];
  }
  // A fresh object with the four arrays first, then the model's other fields: spreading the model and
  // overwriting its arrays would make V8 mark those fields mutable, which deoptimised the E-step
  // kernels after the first fit (compiled against them as constant).
  const out = hmmParams(means, variances, trans, init) as M;
  for (const key of Object.keys(model) as (keyof M)[]) if (!(key in out)) out[key] = model[key];
  return { model: out, order };
}
