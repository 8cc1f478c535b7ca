import { createRng } from '../data/rng';
import { checkSeries, meanVar } from '../filters/series';
import { ParamError, finite, integerIn, positive } from '../util/validate';
import { createEStats, type EStats } from './backward';
import { createEmWork, eStep, finishEStep, forwardLogLik, mStep, type EmWork } from './em-step';
import { createForwardWorkPooled, hmmLogLikInto, type ForwardWork } from './forward';
import { sortedSums, startingPoints } from './hmm-init';
import { hmmParams, sortHmmStates, type HmmModel, type HmmParams } from './hmm-model';
import { acceptStep, chooseReferences, createQnWork, direction, fromPhi, gradient, resetInverseHessian, toPhi, trialPoint, type QnWork } from './quasi-newton';

export { baumWelchStep, createEmWork } from './em-step';
export type { EmWork } from './em-step';

export interface FitHmmOptions {
  nStates: number;
  /** Maximum iterations (parameter updates) of a run, screening included. Default 200. */
  maxIter?: number;
  /**
   * Convergence: stop when the log-likelihood gains less than tol·|logLik| in two consecutive
   * iterations, the second gain no larger than the first. Default 1e-8.
   */
  tol?: number;
  /** Number of starts (1 quantile start + k-means++ starts). Default 5. */
  restarts?: number;
  seed?: number;
  /** Variance floor as a fraction of the series variance. Default 1e-6. */
  varFloor?: number;
  /** Baum-Welch iterations given to every start before the best one is carried on. Default 5. */
  screenIter?: number;
  /**
   * When two starts are carried on, one is abandoned once it has trailed the other by more than
   * abandonRatio times its own progress (gain and predicted gain) for 5 iterations in a row, or for one
   * iteration once the other has finished. Default 1e4; Infinity carries both to convergence.
   */
  abandonRatio?: number;
}

/** A fitted model; `logLikTrace[i]` is the log-likelihood before update i (then the final one). */
export interface FitHmmResult extends HmmModel {
  logLikTrace: Float64Array;
  /** Forward passes over the series the fit made, all starts included: its cost in hmmLogLik calls. */
  forwardPasses: number;
}

/** Plain Baum-Welch iterations at the start of every run, before the quasi-Newton acceleration. */
const EM_WARMUP = 5;
/** Step lengths tried along a quasi-Newton direction: 1, 1/2, 1/4. */
const LINE_SEARCH_TRIES = 3;
/** Armijo sufficient-increase constant (Nocedal & Wright 2006, eq. 3.4). */
const ARMIJO = 1e-4;
/** Iterations in a row a continued run must have stalled before it is abandoned while its rival still runs (see race). */
const ABANDON_WINDOW = 5;

/** One start's EM run (exported with startRun and checkStall for the race's unit tests). */
export interface Run {
  /** Current parameters, their log-likelihood and their E-step statistics. */
  params: HmmParams;
  ll: number;
  st: EStats;
  trial: HmmParams;
  /** ℓ after every iteration, starting with ℓ of the start. */
  trace: number[];
  iterations: number;
  converged: boolean;
  lastGain: number;
  qn: QnWork | null;
  qnActive: boolean;
  /** gᵀH·g of the last quasi-Newton direction (Infinity after a Baum-Welch iteration). */
  predictedGain: number;
  /** Iterations in a row whose gain and predicted gain were both below (rival ℓ − ℓ)/abandonRatio. */
  stalled: number;
  abandoned: boolean;
  /** The other continued run while the two are raced, else null. */
  rival: Run | null;
}

function newParams(K: number): HmmParams {
  return hmmParams(new Float64Array(K), new Float64Array(K), new Float64Array(K * K), new Float64Array(K));
}

export function startRun(z: Float64Array, start: HmmParams, work: EmWork): Run {
  const K = start.means.length;
  const st = createEStats(K);
  const ll = eStep(z, start, work, st);
  return { params: start, ll, st, trial: newParams(K), trace: [ll], iterations: 0, converged: false, lastGain: Infinity, qn: null, qnActive: false, predictedGain: Infinity, stalled: 0, abandoned: false, rival: null };
}

/** (Re)starts the quasi-Newton model at the run's current point. */
function startQuasiNewton(run: Run): void {
  const q = run.qn ?? (run.qn = createQnWork(run.params.means.length));
  chooseReferences(run.params, q);
  toPhi(run.params, q, q.phi);
  gradient(run.params, run.st, q, q.g);
  resetInverseHessian(run.params, run.st, q);
  run.qnActive = true;
}

/**
 * Whether an iteration reaching ℓ = ll ends the run for good (the convergence test of advance, the
 * last iteration allowed when the run will not be resumed, or the stall that abandons it in a race),
 * so that its backward pass (E-step statistics, gradient, BFGS update) would never be used and is
 * skipped.
 */
function endsRun(run: Run, ll: number, c: AdvanceLimits): boolean {
  if (c.final && run.iterations + 1 >= c.maxIter) return true;
  const rival = run.rival;
  if (rival !== null && stallsAfter(run, ll - run.ll, rival.ll - ll, c) >= abandonWindow(rival, c)) return true;
  const gain = ll - run.ll;
  const limit = c.tol * Math.abs(ll);
  return gain < limit && run.lastGain < limit && gain <= run.lastGain;
}

export interface AdvanceLimits {
  maxIter: number;
  tol: number;
  varFloor: number;
  /** The run is not resumed after this advance call. */
  final: boolean;
  abandonRatio: number;
  /**
   * Screening of a start that is resumed only if it screens best: the backward pass of its last
   * Baum-Welch iteration is deferred to this holder (see deferEStep), else null.
   */
  defer: DeferredEStep | null;
}

/**
 * The one screened start whose last backward pass is still to run (see deferEStep), with the forward
 * pass it needs: `spare` is a second forward buffer, swapped with the E-step work's when a start is
 * deferred.
 */
class DeferredEStep {
  declare spare: ForwardWork;
  declare run: Run | null;
  /** The E-step work's k3Last for the deferred forward pass (em-step.ts). */
  declare k3Last: number;

  constructor(n: number, K: number) {
    this.spare = createForwardWorkPooled(n, K);
    this.run = null;
    this.k3Last = NaN;
  }
}

/**
 * Instead of the backward pass after the last screening iteration of a start other than the quantile
 * start: only the best-screened start is resumed (fitHmm), so only the best such start so far keeps
 * its forward pass (in d.spare, by swapping buffers with the work), and the others' backward passes,
 * whose statistics would never be read, are not run (3 of 5 on the bench series). Strictly better
 * only, so that on a tie the earlier start is kept, as fitHmm picks the best.
 */
function deferEStep(d: DeferredEStep, run: Run, ll: number, work: EmWork): void {
  if (d.run !== null && !(ll > d.run.ll)) return;
  const fw = work.fw;
  work.fw = d.spare;
  d.spare = fw;
  d.k3Last = work.k3Last;
  d.run = run;
}

/** Runs the deferred backward pass of d.run: its E-step statistics become current, as without deferral. */
function finishDeferred(z: Float64Array, d: DeferredEStep, work: EmWork): void {
  const run = d.run as Run;
  const fw = work.fw;
  work.fw = d.spare;
  d.spare = fw;
  work.k3Last = d.k3Last;
  finishEStep(z, run.params, work, run.st);
  d.run = null;
}

/**
 * One Baum-Welch iteration: M-step from the current statistics, then the E-step at the new point
 * (its backward pass only if the run goes on, and deferred if this is the last screening iteration of
 * a start that may not be resumed). Returns whether the statistics are current.
 */
function emIteration(z: Float64Array, run: Run, work: EmWork, c: AdvanceLimits): boolean {
  mStep(run.params, run.st, run.params, c.varFloor);
  const ll = forwardLogLik(z, run.params, work);
  const ends = endsRun(run, ll, c);
  // Only in the warm-up: a Baum-Welch fallback of a quasi-Newton iteration restarts the quasi-Newton
  // model from its statistics at once (qnIteration).
  const defer = !ends && c.defer !== null && run.iterations + 1 >= c.maxIter && run.iterations < EM_WARMUP;
  if (defer) deferEStep(c.defer as DeferredEStep, run, ll, work);
  else if (!ends) finishEStep(z, run.params, work, run.st);
  run.ll = ll;
  return !ends && !defer;
}

/**
 * One quasi-Newton iteration: a BFGS step along d = H·∇ℓ with backtracking (1, 1/2, 1/4) until the
 * Armijo condition holds; each trial costs a forward pass only, the backward pass is run once at the
 * accepted point. If no step length is accepted, a Baum-Welch iteration is taken instead (it never
 * lowers ℓ) and the quasi-Newton model restarts there. Either way ℓ does not decrease.
 */
function qnIteration(z: Float64Array, run: Run, work: EmWork, c: AdvanceLimits): void {
  const q = run.qn as QnWork;
  const gd = direction(q);
  run.predictedGain = gd;
  if (gd > 0) {
    for (let h = 0, step = 1; h < LINE_SEARCH_TRIES; h++, step *= 0.5) {
      trialPoint(q, step);
      if (!fromPhi(q.phiTrial, q, c.varFloor, run.trial)) continue;
      const ll = forwardLogLik(z, run.trial, work);
      if (!(ll >= run.ll + ARMIJO * step * gd)) continue;
      const ends = endsRun(run, ll, c);
      if (!ends) finishEStep(z, run.trial, work, run.st);
      const prev = run.params;
      run.params = run.trial;
      run.trial = prev;
      run.ll = ll;
      if (!ends) acceptStep(run.params, run.st, q);
      return;
    }
  }
  if (emIteration(z, run, work, c)) startQuasiNewton(run);
}

/**
 * Iterates the run until it has made `c.maxIter` iterations in all or has converged. Unless c.final,
 * the run's statistics are left current so it can be resumed.
 */
function advance(z: Float64Array, run: Run, work: EmWork, c: AdvanceLimits): void {
  while (running(run, c)) iterate(z, run, work, c);
}

function running(run: Run, c: AdvanceLimits): boolean {
  return run.iterations < c.maxIter && !run.converged && !run.abandoned;
}

/** One iteration of the run: Baum-Welch during the warm-up, quasi-Newton after it. */
function iterate(z: Float64Array, run: Run, work: EmWork, c: AdvanceLimits): void {
  const before = run.ll;
  run.predictedGain = Infinity;
  if (run.iterations < EM_WARMUP) emIteration(z, run, work, c);
  else {
    if (!run.qnActive) startQuasiNewton(run);
    qnIteration(z, run, work, c);
  }
  run.iterations++;
  run.trace.push(run.ll);
  const gain = run.ll - before;
  const limit = c.tol * Math.abs(run.ll);
  // Two small gains in a row, the second no larger: a single small gain can be a stall near a
  // saddle point, after which the gains grow again.
  if (gain < limit && run.lastGain < limit && gain <= run.lastGain) run.converged = true;
  run.lastGain = gain;
}

/**
 * Carries runs a and b on together, one iteration each in turn, until each has converged, reached
 * c.maxIter or been abandoned: a run is abandoned after ABANDON_WINDOW iterations in a row in which
 * both its gain and its predicted gain were below 1/c.abandonRatio of its deficit to the other run's
 * current ℓ (a lower bound on what the other run returns, since ℓ never decreases along a run), and
 * after one such iteration once the other run has finished (its ℓ is then final: on the bench series
 * the losing start crawled 4 more iterations after the winner had converged), that iteration being
 * the last one before the other finished if it already stalled (dropIfStalled). The run that trails can
 * never be the one returned, so only a run that would have overtaken the other after crawling that
 * slowly is lost (see fitHmm). The iteration that abandons a run skips its backward pass (endsRun).
 */
function race(z: Float64Array, a: Run, b: Run, work: EmWork, c: AdvanceLimits): void {
  a.rival = b;
  b.rival = a;
  while (running(a, c) || running(b, c)) {
    if (running(a, c)) { iterate(z, a, work, c); checkStall(a, b, c); dropIfStalled(b, a, c); }
    if (running(b, c)) { iterate(z, b, work, c); checkStall(b, a, c); dropIfStalled(a, b, c); }
  }
}

/**
 * When the rival has just finished (converged or reached maxIter), a run whose last iteration stalled
 * is abandoned without another one. (A rival that was itself abandoned trailed this run, which then
 * cannot have a stall on record.)
 */
export function dropIfStalled(run: Run, rival: Run, c: AdvanceLimits): void {
  if (run.stalled >= 1 && running(run, c) && !running(rival, c) && !rival.abandoned) run.abandoned = true;
}

/**
 * The run's stall count after an iteration that gained `gain` and ended `deficit` below its rival:
 * one more when both the gain and the predicted gain were below deficit/abandonRatio, else 0.
 * bound > 0: only a run strictly behind can stall, so an abandoned run is never the one returned.
 */
function stallsAfter(run: Run, gain: number, deficit: number, c: AdvanceLimits): number {
  const bound = deficit / c.abandonRatio;
  return bound > 0 && Math.max(gain, run.predictedGain) < bound ? run.stalled + 1 : 0;
}

/** Stalled iterations in a row that abandon a run: ABANDON_WINDOW while the rival runs, 1 once it has finished. */
function abandonWindow(rival: Run, c: AdvanceLimits): number {
  return running(rival, c) ? ABANDON_WINDOW : 1;
}

/** After an iteration of `run` in a race: updates its stall count and abandons it at abandonWindow. */
export function checkStall(run: Run, rival: Run, c: AdvanceLimits): void {
  run.stalled = stallsAfter(run, run.lastGain, rival.ll - run.ll, c);
  if (run.stalled >= abandonWindow(rival, c)) run.abandoned = true;
}

/**
 * The buffers of a fit of n points with K states that depend only on (n, K): the standardised series
 * with its sorted copy and prefix sums (zBuf, 4n + 2 doubles), the E-step work and the deferred
 * screening pass's spare forward buffer (n·(2K + 1) doubles each).
 * Every fit overwrites them before reading them, so they carry nothing from one fit to the next.
 */
class FitScratch {
  declare n: number;
  declare K: number;
  declare zBuf: Float64Array;
  declare work: EmWork;
  declare deferred: DeferredEStep;

  constructor(n: number, K: number) {
    this.n = n;
    this.K = K;
    this.zBuf = new Float64Array(4 * n + 2);
    this.work = createEmWork(n, K);
    this.deferred = new DeferredEStep(n, K);
  }
}

/** Largest scratch (in doubles) kept between fits: 2^18 doubles (2 MB), n ≤ 14 563 for K = 3. */
const KEEP_SCRATCH_DOUBLES = 2 ** 18;
/** The last fit's scratch, if small enough to keep (see fitScratch). */
let keptScratch: FitScratch | null = null;

/**
 * The fit's scratch: the previous fit's when n and K are the same, else new (and kept if it is at most
 * KEEP_SCRATCH_DOUBLES). Freshly allocated, these 44 KB (n = 500, K = 3) were most of the cost of a
 * fit outside the E-step: a buffer that large is taken from the C heap, and whenever the heap had no
 * freed memory left (for dozens of fits at a time between garbage collections) each of its pages was
 * new to the process, one page fault each, ≈ 10 µs in this VM: 12–14 faults and 0.13 ms a fit
 * (process.resourceUsage().minorPageFault, and timers around the allocations). fitHmm calls no user
 * code, so no other fit can run while one uses the scratch.
 */
function fitScratch(n: number, K: number): FitScratch {
  const kept = keptScratch;
  if (kept !== null && kept.n === n && kept.K === K) {
    kept.work.forwardPasses = 0;
    kept.deferred.run = null;
    return kept;
  }
  const fresh = new FitScratch(n, K);
  keptScratch = 4 * n + 2 + 2 * n * (2 * K + 1) <= KEEP_SCRATCH_DOUBLES ? fresh : null;
  return fresh;
}

/** out = (x − mean)/sd (its own function, so V8 optimises this loop early). */
function standardize(x: Float64Array, mean: number, sd: number, out: Float64Array): Float64Array {
  for (let i = 0; i < x.length; i++) out[i] = (x[i] - mean) / sd;
  return out;
}

/**
 * Fits a K-state Gaussian HMM by maximum likelihood with Baum-Welch (scaled forward-backward E-step,
 * Rabiner 1989) accelerated by quasi-Newton steps. The series is standardised first (EM is
 * affine-equivariant, so this only protects the moments from cancellation).
 *
 * Iterations: each run starts with EM_WARMUP (5) plain Baum-Welch iterations, then takes BFGS steps
 * whose gradient comes from the same E-step (Jamshidian & Jennrich 1997; see quasi-newton.ts), with a
 * Baum-Welch iteration whenever the line search fails. Every iteration is accepted only if it does not
 * lower the log-likelihood, so the trace is non-decreasing as for plain Baum-Welch, and the fixed
 * points are the same (stationary points of ℓ).
 *
 * Restarts (short-run EM screening, Biernacki, Celeux & Govaert 2003): `restarts` starts (the quantile
 * start, then k-means++ starts drawn from `seed`; a k-means start identical to an earlier one is run
 * once, see startingPoints) each get `screenIter` Baum-Welch iterations. The start with the best
 * log-likelihood after screening, and the quantile start, are carried on together (race), one
 * iteration each in turn, and the better of the two is returned, so more restarts never end below the
 * single deterministic start. Screening is a heuristic: a start that is behind after screenIter
 * iterations is not pursued even if it would have ended higher. So is abandoning the trailing one of
 * the two continued runs once it has crawled for 5 iterations (1 once the other has finished) at less than 1/abandonRatio of its
 * deficit per iteration: on weakly separated series a run can crawl along a ridge for dozens of
 * iterations towards an optimum well below the other's (the bench series: 55 quasi-Newton iterations,
 * ending 2.7 log-likelihood units lower), and that crawl was half the fit's time. With the default
 * 1e4 the fits of all 101 series of bench/hmm-restarts-eval.ts are the same as with Infinity. States
 * come back sorted by mean (sortHmmStates), so ids are stable. The series-length buffers are reused from
 * the previous fit of the same size (fitScratch); the rest is allocated once per call.
 */
export function fitHmm(x: Float64Array, opts: FitHmmOptions): FitHmmResult {
  if (typeof opts !== 'object' || opts === null) throw new ParamError('opts', 'an object with nStates', opts);
  const K = integerIn('nStates', opts.nStates, 2, 5);
  const maxIter = integerIn('maxIter', opts.maxIter ?? 200, 1, 1e6);
  const tol = positive('tol', opts.tol ?? 1e-8);
  const restarts = integerIn('restarts', opts.restarts ?? 5, 1, 1000);
  const seed = finite('seed', opts.seed ?? 1);
  const varFloorRel = positive('varFloor', opts.varFloor ?? 1e-6);
  const screenIter = integerIn('screenIter', opts.screenIter ?? 5, 1, 1e6);
  const abandonRatio = opts.abandonRatio ?? 1e4;
  if (typeof abandonRatio !== 'number' || !(abandonRatio > 0)) throw new ParamError('abandonRatio', 'a number greater than 0 (Infinity: never abandon)', abandonRatio);
  checkSeries('x', x, 5 * K);
  const n = x.length;
  const { mean: gm, variance: gv } = meanVar(x);
  if (!(gv > 0) || !(Math.sqrt(gv) > 1e-12 * Math.max(1, Math.abs(gm)))) {
    throw new ParamError('x', `a series that varies (it is constant at ${x[0]}); a Gaussian HMM cannot be fitted`, 'a constant series');
  }
  const sd = Math.sqrt(gv);
  const { zBuf, work, deferred } = fitScratch(n, K);
  const z = standardize(x, gm, sd, zBuf.subarray(0, n));
  const ss = sortedSums(z, zBuf.subarray(n));

  const runs: Run[] = [];
  const screenMaxIter = restarts > 1 ? Math.min(screenIter, maxIter) : maxIter;
  // The quantile start is always resumed (alone or raced), the others only if they screen best.
  const screen: AdvanceLimits = { maxIter: screenMaxIter, tol, varFloor: varFloorRel, final: restarts === 1, abandonRatio, defer: null };
  const screenOthers: AdvanceLimits = { maxIter: screenMaxIter, tol, varFloor: varFloorRel, final: false, abandonRatio, defer: deferred };
  const rest: AdvanceLimits = { maxIter, tol, varFloor: varFloorRel, final: true, abandonRatio, defer: null };
  for (const start of startingPoints(ss, K, restarts, varFloorRel, createRng(seed))) {
    const run = startRun(z, start, work);
    advance(z, run, work, runs.length === 0 ? screen : screenOthers);
    runs.push(run);
  }
  let best = runs[0];
  for (const run of runs) if (run.ll > best.ll) best = run;
  if (best === runs[0]) advance(z, best, work, rest);
  else {
    if (best === deferred.run) finishDeferred(z, deferred, work);
    race(z, best, runs[0], work, rest);
    if (runs[0].ll > best.ll) best = runs[0];
  }

  const sorted2 = sortHmmStates(unstandardized(best.params, gm, sd)).model;
  const logLik = hmmLogLikInto(x, sorted2, work.fw);
  work.forwardPasses++;
  const shift = -n * Math.log(sd);
  const it = best.iterations;
  const trace = new Float64Array(it + 1);
  for (let i = 0; i < it; i++) trace[i] = best.trace[i] + shift;
  trace[it] = logLik;
  // The fields of the spread { ...sorted2, logLik, … } it replaces, in the same order, without the
  // generic copy of an object spread.
  return { means: sorted2.means, variances: sorted2.variances, trans: sorted2.trans, init: sorted2.init, logLik, iterations: it, converged: best.converged, logLikTrace: trace, forwardPasses: work.forwardPasses };
}

/** The parameters of the standardised fit in the units of x: means gm + sd·μ, variances σ²·sd² (loops, not map with a closure per fit). */
function unstandardized(p: HmmParams, gm: number, sd: number): HmmParams {
  const K = p.means.length;
  const means = new Float64Array(K);
  const variances = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    means[k] = gm + sd * p.means[k];
    variances[k] = p.variances[k] * sd * sd;
  }
  return hmmParams(means, variances, p.trans.slice(), p.init.slice());
}
