import { backwardStats, createEStats, type EStats } from './backward';
import { backwardK3, backwardK3Em, forwardK3, forwardK3Em } from './em-k3';
import { createForwardWorkPooled, forwardInto, type ForwardWork } from './forward';
import type { HmmParams } from './hmm-model';

/** Reusable buffers for EM on one series (allocated once per fit, never per iteration). */
export interface EmWork {
  fw: ForwardWork;
  st: EStats;
  beta: Float64Array;
  betaNext: Float64Array;
  wv: Float64Array;
  /**
   * The K = 3 fast path's final forward sum (forwardK3Em) when the last forward pass into fw took it
   * (its backward must match it), else 0.
   */
  k3Last: number;
  /** Forward passes made with this work so far (each one log-likelihood evaluation). */
  forwardPasses: number;
}

/** A class, not an object literal, for the same reason as hmm-model.ts's Params (no deoptimisation of the kernels). */
class EmBuffers implements EmWork {
  declare fw: ForwardWork;
  declare st: EStats;
  declare beta: Float64Array;
  declare betaNext: Float64Array;
  declare wv: Float64Array;
  declare k3Last: number;
  declare forwardPasses: number;

  constructor(n: number, K: number) {
    this.fw = createForwardWorkPooled(n, K);
    this.st = createEStats(K);
    this.beta = new Float64Array(K);
    this.betaNext = new Float64Array(K);
    this.wv = new Float64Array(K);
    // A double from the start (it holds forwardK3Em's final sum): a small-integer field turning double is another deoptimisation.
    this.k3Last = NaN;
    this.forwardPasses = 0;
  }
}

export function createEmWork(n: number, K: number): EmWork {
  return new EmBuffers(n, K);
}

/** Forward pass only: log-likelihood of x under m, leaving fw ready for finishEStep. */
export function forwardLogLik(x: ArrayLike<number>, m: HmmParams, work: EmWork): number {
  work.forwardPasses++;
  work.k3Last = m.means.length === 3 ? forwardK3Em(x, m, work.fw) : 0;
  return work.k3Last > 0 ? work.fw.logLik : forwardInto(x, m, work.fw);
}

/** Backward pass after forwardLogLik(x, m, work): the E-step statistics of m into st. */
export function finishEStep(x: ArrayLike<number>, m: HmmParams, work: EmWork, st: EStats): void {
  if (work.k3Last > 0) {
    if (backwardK3Em(x, m, work.fw, work.k3Last, st)) return;
    // β left the double range without per-step normalisation (it would have to pass ≈ 1e308; not
    // met on any test series): redo the E-step with the normalised pair.
    work.forwardPasses++;
    forwardK3(x, m, work.fw);
    backwardK3(x, m, work.fw, st);
  } else backwardStats(x, m, work.fw, st, work.beta, work.betaNext, work.wv);
}

/** One Baum-Welch E-step (Rabiner 1989, scaled forward-backward): statistics of m into st; returns ℓ(m). */
export function eStep(x: ArrayLike<number>, m: HmmParams, work: EmWork, st: EStats): number {
  const ll = forwardLogLik(x, m, work);
  finishEStep(x, m, work, st);
  return ll;
}

/**
 * Baum-Welch M-step (Rabiner 1989, eqs. 40a–c; Gaussian re-estimation, Bilmes 1998 eqs. 4–5): writes
 * the maximiser of Q(·|m) given m's statistics st into out (may be m itself). Variances are floored at
 * varFloor (the constrained M-step keeps EM monotone); a state or row with no expected visits keeps
 * its previous values.
 */
export function mStep(m: HmmParams, st: EStats, out: HmmParams, varFloor: number): void {
  const K = m.means.length;
  const { occ, sumX, sumX2, first, trans: S } = st;
  let s0 = 0;
  for (let k = 0; k < K; k++) s0 += first[k];
  for (let k = 0; k < K; k++) {
    const nk = occ[k];
    if (nk > 1e-12) {
      const mu = sumX[k] / nk;
      // Centred second moment; the series is standardised, so no catastrophic cancellation.
      const v = sumX2[k] / nk - mu * mu;
      out.means[k] = mu;
      out.variances[k] = v > varFloor ? v : varFloor;
    } else {
      out.means[k] = m.means[k];
      out.variances[k] = m.variances[k];
    }
    out.init[k] = first[k] / s0;
  }
  for (let i = 0; i < K; i++) {
    let r = 0;
    for (let j = 0; j < K; j++) r += S[i * K + j];
    if (r > 1e-300) for (let j = 0; j < K; j++) out.trans[i * K + j] = S[i * K + j] / r;
    else for (let j = 0; j < K; j++) out.trans[i * K + j] = m.trans[i * K + j];
  }
}

/**
 * One Baum-Welch iteration: writes the updated parameters into `out` (may be `m` itself) and returns
 * the log-likelihood of the parameters it started from.
 */
export function baumWelchStep(x: ArrayLike<number>, m: HmmParams, out: HmmParams, work: EmWork, varFloor: number): number {
  const ll = eStep(x, m, work, work.st);
  mStep(m, work.st, out, varFloor);
  return ll;
}
