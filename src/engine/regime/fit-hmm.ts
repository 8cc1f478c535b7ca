import { createRng } from '../data/rng';
import { checkSeries, meanVar } from '../filters/series';
import { ParamError, finite, integerIn, positive } from '../util/validate';
import { backwardStats, createEStats, type EStats } from './backward';
import { createForwardWork, forwardInto, type ForwardWork } from './forward';
import { kmeansStart, quantileStart } from './hmm-init';
import { backwardK3, forwardK3 } from './em-k3';
import { sortHmmStates, type HmmModel, type HmmParams } from './hmm-model';

export interface FitHmmOptions {
  nStates: number;
  /** Maximum EM iterations of the run that is carried to convergence. Default 200. */
  maxIter?: number;
  /** Stop when the log-likelihood gains less than tol·|logLik| in one iteration. Default 1e-8. */
  tol?: number;
  /** Number of starts (1 quantile start + k-means++ starts). Default 5. */
  restarts?: number;
  seed?: number;
  /** Variance floor as a fraction of the series variance. Default 1e-6. */
  varFloor?: number;
  /** EM iterations given to every start before the best one is carried on. Default 10. */
  screenIter?: number;
}

/** A fitted model; `logLikTrace[i]` is the log-likelihood before EM update i (then the final one). */
export interface FitHmmResult extends HmmModel {
  logLikTrace: Float64Array;
}

/** Reusable buffers for EM on one series. */
export interface EmWork {
  fw: ForwardWork;
  st: EStats;
  beta: Float64Array;
  betaNext: Float64Array;
  wv: Float64Array;
}

export function createEmWork(n: number, K: number): EmWork {
  return { fw: createForwardWork(n, K), st: createEStats(K), beta: new Float64Array(K), betaNext: new Float64Array(K), wv: new Float64Array(K) };
}

/**
 * One Baum-Welch iteration (Rabiner 1989, eqs. 40a–c; Gaussian re-estimation, Bilmes 1998 eqs. 4–5):
 * writes the updated parameters into `out` (may be `m` itself) and returns the log-likelihood of
 * the parameters it started from. Variances are floored at `varFloor` (the constrained M-step keeps
 * EM monotone); a state or row with no expected visits keeps its previous values.
 */
export function baumWelchStep(x: ArrayLike<number>, m: HmmParams, out: HmmParams, work: EmWork, varFloor: number): number {
  const K = m.means.length;
  let ll: number;
  if (K === 3 && forwardK3(x, m, work.fw)) {
    ll = work.fw.logLik;
    backwardK3(x, m, work.fw, work.st);
  } else {
    ll = forwardInto(x, m, work.fw);
    backwardStats(x, m, work.fw, work.st, work.beta, work.betaNext, work.wv);
  }
  const { occ, sumX, sumX2, first, trans: S } = work.st;
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
    out.init[k] = first[k];
  }
  for (let i = 0; i < K; i++) {
    let r = 0;
    for (let j = 0; j < K; j++) r += S[i * K + j];
    if (r > 1e-300) for (let j = 0; j < K; j++) out.trans[i * K + j] = S[i * K + j] / r;
    else for (let j = 0; j < K; j++) out.trans[i * K + j] = m.trans[i * K + j];
  }
  normalise(out.init);
  return ll;
}

function normalise(p: Float64Array): void {
  let s = 0;
  for (let i = 0; i < p.length; i++) s += p[i];
  for (let i = 0; i < p.length; i++) p[i] /= s;
}

function cloneParams(m: HmmParams): HmmParams {
  return { means: m.means.slice(), variances: m.variances.slice(), trans: m.trans.slice(), init: m.init.slice() };
}

interface Run {
  params: HmmParams;
  lastLogLik: number;
  trace: number[];
  iterations: number;
  converged: boolean;
}

/** Appends one E-step log-likelihood to the run and checks convergence against the previous one. */
function record(run: Run, ll: number, tol: number): void {
  const prev = run.lastLogLik;
  run.trace.push(ll);
  run.lastLogLik = ll;
  run.iterations++;
  if (ll - prev < tol * Math.abs(prev)) run.converged = true;
}

function pack(m: HmmParams, out: Float64Array): void {
  const K = m.means.length;
  out.set(m.means, 0);
  out.set(m.variances, K);
  out.set(m.trans, 2 * K);
  out.set(m.init, 2 * K + K * K);
}

/** Writes θ into m; false when θ is outside the parameter space (negative probability, variance below the floor). */
function unpackFeasible(theta: Float64Array, m: HmmParams, varFloor: number): boolean {
  const K = m.means.length;
  for (let i = 0; i < theta.length; i++) if (!Number.isFinite(theta[i])) return false;
  for (let k = 0; k < K; k++) if (!(theta[K + k] >= varFloor)) return false;
  for (let i = 2 * K; i < theta.length; i++) if (!(theta[i] >= 0)) return false;
  m.means.set(theta.subarray(0, K));
  m.variances.set(theta.subarray(K, 2 * K));
  m.trans.set(theta.subarray(2 * K, 2 * K + K * K));
  m.init.set(theta.subarray(2 * K + K * K));
  return true;
}

function copyParams(from: HmmParams, to: HmmParams): void {
  to.means.set(from.means);
  to.variances.set(from.variances);
  to.trans.set(from.trans);
  to.init.set(from.init);
}

/**
 * EM accelerated by SQUAREM (Varadhan & Roland 2008, scheme S3 with step length α = −‖r‖/‖v‖): two EM
 * steps θ0 → θ1 → θ2, an extrapolated θ' = θ0 − 2αr + α²v (r = θ1 − θ0, v = θ2 − 2θ1 + θ0; α halved
 * towards −1, where θ' = θ2, until θ' is a valid model), then one EM step from θ'. The extrapolation is
 * kept only if ℓ(θ') ≥ ℓ(θ1); otherwise the run continues with plain EM from θ2. So the recorded
 * log-likelihoods never decrease, exactly as for plain EM, with far fewer E-steps on slow fits.
 */
function runEm(z: Float64Array, run: Run, work: EmWork, maxIter: number, tol: number, varFloor: number): void {
  const p = run.params;
  const K = p.means.length;
  const D = 2 * K + K * K + K;
  const s1 = cloneParams(p);
  const s2 = cloneParams(p);
  const sp = cloneParams(p);
  const t0 = new Float64Array(D), t1 = new Float64Array(D), t2 = new Float64Array(D), tp = new Float64Array(D);
  while (run.iterations < maxIter && !run.converged) {
    if (run.iterations + 3 > maxIter) {
      record(run, baumWelchStep(z, p, p, work, varFloor), tol);
      continue;
    }
    pack(p, t0);
    record(run, baumWelchStep(z, p, s1, work, varFloor), tol);
    if (run.converged) { copyParams(s1, p); break; }
    const l1 = baumWelchStep(z, s1, s2, work, varFloor);
    record(run, l1, tol);
    if (run.converged) { copyParams(s2, p); break; }
    pack(s1, t1);
    pack(s2, t2);
    let rr = 0, vv = 0;
    for (let i = 0; i < D; i++) {
      const r = t1[i] - t0[i];
      const v = t2[i] - 2 * t1[i] + t0[i];
      rr += r * r;
      vv += v * v;
    }
    let alpha = vv > 0 ? -Math.sqrt(rr / vv) : -1;
    if (!(alpha < -1)) alpha = -1;
    let feasible = false;
    for (let tries = 0; tries < 12 && alpha < -1; tries++) {
      for (let i = 0; i < D; i++) {
        const r = t1[i] - t0[i];
        const v = t2[i] - 2 * t1[i] + t0[i];
        tp[i] = t0[i] - 2 * alpha * r + alpha * alpha * v;
      }
      if (unpackFeasible(tp, sp, varFloor)) { feasible = true; break; }
      alpha = (alpha - 1) / 2;
    }
    if (feasible) {
      normaliseRows(sp);
      const lp = baumWelchStep(z, sp, p, work, varFloor);
      if (lp >= l1) { record(run, lp, tol); continue; }
    }
    record(run, baumWelchStep(z, s2, p, work, varFloor), tol);
  }
}

/** Removes the rounding drift of an extrapolated model: every trans row and init sum to 1 again. */
function normaliseRows(m: HmmParams): void {
  const K = m.means.length;
  for (let i = 0; i < K; i++) {
    let r = 0;
    for (let j = 0; j < K; j++) r += m.trans[i * K + j];
    for (let j = 0; j < K; j++) m.trans[i * K + j] /= r;
  }
  normalise(m.init);
}

/**
 * Fits a K-state Gaussian HMM by Baum-Welch. The series is standardised first (EM is affine-equivariant,
 * so this only protects the moments from cancellation). Every start gets `screenIter` iterations; the
 * start with the best log-likelihood, and the quantile start, are carried on to convergence (short-run EM screening, Biernacki,
 * Celeux & Govaert 2003). Iterations are E-steps of SQUAREM-accelerated EM (see runEm), which keeps
 * the log-likelihood non-decreasing like plain Baum-Welch. States come back sorted by mean (sortHmmStates), so ids are stable.
 */
export function fitHmm(x: Float64Array, opts: FitHmmOptions): FitHmmResult {
  if (typeof opts !== 'object' || opts === null) throw new ParamError('opts', 'an object with nStates', opts);
  const K = integerIn('nStates', opts.nStates, 2, 5);
  const maxIter = integerIn('maxIter', opts.maxIter ?? 200, 1, 1e6);
  const tol = positive('tol', opts.tol ?? 1e-8);
  const restarts = integerIn('restarts', opts.restarts ?? 5, 1, 1000);
  const seed = finite('seed', opts.seed ?? 1);
  const varFloorRel = positive('varFloor', opts.varFloor ?? 1e-6);
  const screenIter = integerIn('screenIter', opts.screenIter ?? 10, 1, 1e6);
  checkSeries('x', x, 5 * K);
  const n = x.length;
  const { mean: gm, variance: gv } = meanVar(x);
  if (!(gv > 0) || !(Math.sqrt(gv) > 1e-12 * Math.max(1, Math.abs(gm)))) {
    throw new ParamError('x', `a series that varies (it is constant at ${x[0]}); a Gaussian HMM cannot be fitted`, 'a constant series');
  }
  const sd = Math.sqrt(gv);
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) z[i] = (x[i] - gm) / sd;
  const sorted = z.slice().sort();
  const rng = createRng(seed);
  const work = createEmWork(n, K);

  const runs: Run[] = [];
  for (let r = 0; r < restarts; r++) {
    const start = r === 0 ? quantileStart(sorted, K, varFloorRel) : kmeansStart(z, K, varFloorRel, rng);
    const run: Run = { params: cloneParams(start), lastLogLik: -Infinity, trace: [], iterations: 0, converged: false };
    runEm(z, run, work, restarts > 1 ? Math.min(screenIter, maxIter) : maxIter, tol, varFloorRel);
    runs.push(run);
  }
  // Carry the best screened start and the quantile start to convergence, keep the better: so more
  // restarts can never end below the single deterministic start.
  let best = runs[0];
  for (const run of runs) if (run.lastLogLik > best.lastLogLik) best = run;
  runEm(z, best, work, maxIter, tol, varFloorRel);
  if (best !== runs[0]) {
    runEm(z, runs[0], work, maxIter, tol, varFloorRel);
    if (runs[0].lastLogLik > best.lastLogLik) best = runs[0];
  }

  const zParams = best.params;
  const fitted: HmmParams = {
    means: zParams.means.map((m) => gm + sd * m),
    variances: zParams.variances.map((v) => v * sd * sd),
    trans: zParams.trans.slice(),
    init: zParams.init.slice(),
  };
  const sorted2 = sortHmmStates(fitted).model;
  const logLik = forwardInto(x, sorted2, createForwardWork(n, K));
  const shift = -n * Math.log(sd);
  const trace = new Float64Array(best.trace.length + 1);
  for (let i = 0; i < best.trace.length; i++) trace[i] = best.trace[i] + shift;
  trace[best.trace.length] = logLik;
  return { ...sorted2, logLik, iterations: best.iterations, converged: best.converged, logLikTrace: trace };
}
