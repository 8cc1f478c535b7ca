import type { HmmParams } from './hmm-model';
import type { ForwardWork } from './forward';
import type { EStats } from './backward';
import { expNonPositive, expNonPositiveFast } from './fast-exp';

/**
 * K = 3 versions of forwardInto and backwardStats for EM, with every per-state quantity in a local
 * variable (no inner loops, no array reads for parameters): the same recursions and the same numbers
 * up to rounding (≤ 1e-15 relative in the tests), about 2× faster than the first K = 3 version and
 * 5× faster than the general code in V8. What makes them fast:
 * - the two emission exponentials per point use expNonPositive (the largest shifted emission is
 *   exactly e^0 = 1, so only two are needed);
 * - neither recursion divides on its loop-carried chain: the forward chain carries the unnormalised
 *   predicted probabilities and the backward chain the unnormalised β, both rescaled by 2^64 only when
 *   they fall below 2^−64 (Rabiner 1989 §V.A scaling, applied lazily); the per-step division that
 *   normalises α̂ and the posteriors sits beside the chain, where it overlaps with it.
 * forwardK3 returns false when a step needs the log-space rescue of forwardInto, so the caller can
 * rerun the general code. backwardK3 needs forwardK3's output in w and overwrites w.alpha with the
 * smoothed posteriors γ (two passes with fewer live variables than one).
 * forwardK3 gives hmmLogLik its K = 3 path; the E-step of fitHmm and baumWelchStep is the pair
 * forwardK3Em/backwardK3Em below (no per-step normalisation at all, ≈ 25% faster), with
 * forwardK3/backwardK3 as its normalised fallback.
 */
const LOG_2PI = Math.log(2 * Math.PI);
const TINY = 1e-280;
const UP = 2 ** 64;
const DOWN = 2 ** -64;
const LOG_UP = 64 * Math.LN2;

export function forwardK3(x: ArrayLike<number>, m: HmmParams, w: ForwardWork): boolean {
  const n = x.length;
  const { emis, alpha, scale } = w;
  const mu0 = m.means[0], mu1 = m.means[1], mu2 = m.means[2];
  const h0 = 0.5 / m.variances[0], h1 = 0.5 / m.variances[1], h2 = 0.5 / m.variances[2];
  const l0 = -0.5 * (LOG_2PI + Math.log(m.variances[0]));
  const l1 = -0.5 * (LOG_2PI + Math.log(m.variances[1]));
  const l2 = -0.5 * (LOG_2PI + Math.log(m.variances[2]));
  const A = m.trans;
  const a00 = A[0], a01 = A[1], a02 = A[2], a10 = A[3], a11 = A[4], a12 = A[5], a20 = A[6], a21 = A[7], a22 = A[8];
  // p = predicted probabilities times the running likelihood (times 2^(64·rescales)); Σp = cPrev.
  let p0 = m.init[0], p1 = m.init[1], p2 = m.init[2];
  let sumLog = 0;
  let cPrev = 1;
  let icPrev = 1;
  for (let t = 0, o = 0; t < n; t++, o += 3) {
    const xt = x[t];
    const d0 = xt - mu0, d1 = xt - mu1, d2 = xt - mu2;
    const e0 = l0 - d0 * d0 * h0, e1 = l1 - d1 * d1 * h1, e2 = l2 - d2 * d2 * h2;
    // Shift by the largest log-emission: that state's emission is exactly 1, the other two (in state
    // order) are e^da and e^db. Two exp call sites only, so V8 inlines both.
    let mx: number, da: number, db: number, top: number;
    if (e0 >= e1 && e0 >= e2) { mx = e0; da = e1; db = e2; top = 0; }
    else if (e1 >= e2) { mx = e1; da = e0; db = e2; top = 1; }
    else { mx = e2; da = e0; db = e1; top = 2; }
    sumLog += mx;
    const ea = expNonPositive(da - mx), eb = expNonPositive(db - mx);
    const b0 = top === 0 ? 1 : ea;
    const b1 = top === 0 ? ea : top === 1 ? 1 : eb;
    const b2 = top === 2 ? 1 : eb;
    emis[o] = b0; emis[o + 1] = b1; emis[o + 2] = b2;
    const u0 = p0 * b0, u1 = p1 * b1, u2 = p2 * b2;
    const c = u0 + u1 + u2;
    p0 = u0 * a00 + u1 * a10 + u2 * a20;
    p1 = u0 * a01 + u1 * a11 + u2 * a21;
    p2 = u0 * a02 + u1 * a12 + u2 * a22;
    // The step's scale factor c/cPrev (Rabiner's c_t) must stay above TINY, as in forwardInto.
    if (!(c > TINY * cPrev)) return false;
    const ic = 1 / c;
    alpha[o] = u0 * ic; alpha[o + 1] = u1 * ic; alpha[o + 2] = u2 * ic;
    scale[t] = c * icPrev;
    cPrev = c;
    icPrev = ic;
    if (c < DOWN) { p0 *= UP; p1 *= UP; p2 *= UP; cPrev *= UP; icPrev *= DOWN; sumLog -= LOG_UP; }
  }
  w.logLik = sumLog + Math.log(cPrev);
  return true;
}

export function backwardK3(x: ArrayLike<number>, m: HmmParams, w: ForwardWork, st: EStats): void {
  const n = x.length;
  const { emis, alpha } = w;
  const A = m.trans;
  const a00 = A[0], a01 = A[1], a02 = A[2], a10 = A[3], a11 = A[4], a12 = A[5], a20 = A[6], a21 = A[7], a22 = A[8];
  let S00 = 0, S01 = 0, S02 = 0, S10 = 0, S11 = 0, S12 = 0, S20 = 0, S21 = 0, S22 = 0;
  // β_t up to a positive factor; ig = 1 / Σ_k α̂_t(k)·β_t(k), so γ_t = α̂_t·β_t·ig.
  let b0 = 1, b1 = 1, b2 = 1;
  let ig = 1;
  // Pass 1 (backward): ξ sums, and γ_t written over α̂_t once step t no longer needs it.
  for (let o = 3 * (n - 1); o > 0; o -= 3) {
    const w0 = emis[o] * b0, w1 = emis[o + 1] * b1, w2 = emis[o + 2] * b2;
    alpha[o] *= b0 * ig; alpha[o + 1] *= b1 * ig; alpha[o + 2] *= b2 * ig;
    let r0 = a00 * w0 + a01 * w1 + a02 * w2;
    let r1 = a10 * w0 + a11 * w1 + a12 * w2;
    let r2 = a20 * w0 + a21 * w1 + a22 * w2;
    const p = o - 3;
    const f0 = alpha[p], f1 = alpha[p + 1], f2 = alpha[p + 2];
    const z = f0 * r0 + f1 * r1 + f2 * r2;
    if (z > 0 && z < Infinity) {
      const iz = 1 / z;
      const c0 = f0 * iz, c1 = f1 * iz, c2 = f2 * iz;
      S00 += c0 * w0; S01 += c0 * w1; S02 += c0 * w2;
      S10 += c1 * w0; S11 += c1 * w1; S12 += c1 * w2;
      S20 += c2 * w0; S21 += c2 * w1; S22 += c2 * w2;
      ig = iz;
    } else {
      // Degenerate (α̂ and β without common support): fall back to the filtered law, as backwardStats.
      r0 = 1; r1 = 1; r2 = 1; ig = 1;
    }
    // β can only shrink (emissions ≤ 1, rows of A sum to 1); rescale before it underflows.
    if (r0 + r1 + r2 < DOWN) { r0 *= UP; r1 *= UP; r2 *= UP; ig *= DOWN; }
    b0 = r0; b1 = r1; b2 = r2;
  }
  alpha[0] *= b0 * ig; alpha[1] *= b1 * ig; alpha[2] *= b2 * ig;
  // Pass 2 (forward): Σγ, Σγx, Σγx² from the posteriors.
  let n0 = 0, n1 = 0, n2 = 0, s0 = 0, s1 = 0, s2 = 0, q0 = 0, q1 = 0, q2 = 0;
  for (let t = 0, o = 0; t < n; t++, o += 3) {
    const xt = x[t];
    const g0 = alpha[o], g1 = alpha[o + 1], g2 = alpha[o + 2];
    n0 += g0; n1 += g1; n2 += g2;
    const x0 = g0 * xt, x1 = g1 * xt, x2 = g2 * xt;
    s0 += x0; s1 += x1; s2 += x2;
    q0 += x0 * xt; q1 += x1 * xt; q2 += x2 * xt;
  }
  st.occ[0] = n0; st.occ[1] = n1; st.occ[2] = n2;
  st.sumX[0] = s0; st.sumX[1] = s1; st.sumX[2] = s2;
  st.sumX2[0] = q0; st.sumX2[1] = q1; st.sumX2[2] = q2;
  st.first[0] = alpha[0]; st.first[1] = alpha[1]; st.first[2] = alpha[2];
  const S = st.trans;
  S[0] = S00 * a00; S[1] = S01 * a01; S[2] = S02 * a02;
  S[3] = S10 * a10; S[4] = S11 * a11; S[5] = S12 * a12;
  S[6] = S20 * a20; S[7] = S21 * a21; S[8] = S22 * a22;
}

/**
 * The E-step's forward pass (used by fitHmm through em-step.ts): forwardK3 without the per-step
 * normalisation. alpha gets the unnormalised products u_t = p_t·b_t and emis the shifted emissions,
 * both multiplied by a power of 2^64 at the steps where the chain is rescaled, so that backwardK3Em
 * can carry β scaled by the forward's own running sums (see there) and needs neither a division nor a
 * normaliser per step. Every log-emission is shifted by one constant, L = max_k of the log-density
 * peaks −½·ln(2π·σ²_k), instead of by the step's own largest log-emission: all three exponent
 * arguments are then ≤ 0 with no per-point maximum to pick, a data-dependent branch that cost more
 * than the third exponential does (fitHmm on the bench series: CPU time 0.90× paired, same
 * iterations). The emissions are computed first, in a loop of their own (emissionsK3), and the
 * recursion then reads them. Only a point so far from every state that its emissions underflow
 * against L has its step redone shifted by its own maximum. w.logLik is the same as
 * forwardK3's up to rounding. Returns the chain's final sum Σ_k u_{n−1}(k) (after its rescale, if
 * any), or 0 when a step needs the log-space rescue.
 */
export function forwardK3Em(x: ArrayLike<number>, m: HmmParams, w: ForwardWork): number {
  const n = x.length;
  const { emis, alpha } = w;
  const mu0 = m.means[0], mu1 = m.means[1], mu2 = m.means[2];
  const h0 = 0.5 / m.variances[0], h1 = 0.5 / m.variances[1], h2 = 0.5 / m.variances[2];
  let l0 = -0.5 * (LOG_2PI + Math.log(m.variances[0]));
  let l1 = -0.5 * (LOG_2PI + Math.log(m.variances[1]));
  let l2 = -0.5 * (LOG_2PI + Math.log(m.variances[2]));
  const L = Math.max(l0, l1, l2);
  l0 -= L; l1 -= L; l2 -= L;
  emissionsK3(x, mu0, mu1, mu2, h0, h1, h2, l0, l1, l2, emis);
  const A = m.trans;
  const a00 = A[0], a01 = A[1], a02 = A[2], a10 = A[3], a11 = A[4], a12 = A[5], a20 = A[6], a21 = A[7], a22 = A[8];
  let p0 = m.init[0], p1 = m.init[1], p2 = m.init[2];
  let sumLog = n * L;
  let cPrev = 1;
  for (let t = 0, o = 0; t < n; t++, o += 3) {
    const b0 = emis[o], b1 = emis[o + 1], b2 = emis[o + 2];
    const pp0 = p0, pp1 = p1, pp2 = p2;
    const u0 = pp0 * b0, u1 = pp1 * b1, u2 = pp2 * b2;
    const c = u0 + u1 + u2;
    const cPrevOld = cPrev;
    p0 = u0 * a00 + u1 * a10 + u2 * a20;
    p1 = u0 * a01 + u1 * a11 + u2 * a21;
    p2 = u0 * a02 + u1 * a12 + u2 * a22;
    alpha[o] = u0; alpha[o + 1] = u1; alpha[o + 2] = u2;
    cPrev = c;
    if (!(c >= DOWN)) {
      // Rare: the running sum fell below 2^−64 (every c ≤ 1: emissions ≤ 1, rows of A sum to 1).
      let f = 1;
      if (!(c > TINY * cPrevOld)) {
        // x_t lies so far from every state that its emissions underflow against the constant shift:
        // redo the step shifted by its own largest log-emission (that emission is then exactly 1),
        // as forwardK3 does at every step.
        const xt = x[t];
        const d0 = xt - mu0, d1 = xt - mu1, d2 = xt - mu2;
        const e0 = l0 - d0 * d0 * h0, e1 = l1 - d1 * d1 * h1, e2 = l2 - d2 * d2 * h2;
        const mx = Math.max(e0, e1, e2);
        sumLog += mx;
        const v0 = expNonPositiveFast(e0 - mx), v1 = expNonPositiveFast(e1 - mx), v2 = expNonPositiveFast(e2 - mx);
        const w0 = pp0 * v0, w1 = pp1 * v1, w2 = pp2 * v2;
        const cc = w0 + w1 + w2;
        // The step's factor must stay above TINY, as in forwardK3.
        if (!(cc > TINY * cPrevOld)) return 0;
        emis[o] = v0; emis[o + 1] = v1; emis[o + 2] = v2;
        alpha[o] = w0; alpha[o + 1] = w1; alpha[o + 2] = w2;
        p0 = w0 * a00 + w1 * a10 + w2 * a20;
        p1 = w0 * a01 + w1 * a11 + w2 * a21;
        p2 = w0 * a02 + w1 * a12 + w2 * a22;
        cPrev = cc;
      }
      // Rescale by 2^64 as often as it takes to bring the sum back above 2^−64 (exact powers of two).
      while (cPrev < DOWN) { f *= UP; cPrev *= UP; sumLog -= LOG_UP; }
      p0 *= f; p1 *= f; p2 *= f;
      alpha[o] *= f; alpha[o + 1] *= f; alpha[o + 2] *= f;
      emis[o] *= f; emis[o + 1] *= f; emis[o + 2] *= f;
    }
  }
  w.logLik = sumLog + Math.log(cPrev);
  return cPrev;
}

/**
 * forwardK3Em's emissions, in a loop of their own: e^(l_k − (x_t − μ_k)²·h_k) into emis (n×3). Fused
 * with the recursion, the loop had more live values than x86-64 has vector registers (nine transition
 * probabilities, three means, three 1/(2σ²), three log-peaks, the chain) and spilled; apart, each loop
 * keeps its own in registers: the forward pass 9.6 → 8.3 µs (bundled, fastest of 55 rounds), fitHmm
 * CPU time 0.92× bundled, 0.78× through tsx (paired processes).
 */
function emissionsK3(x: ArrayLike<number>, mu0: number, mu1: number, mu2: number, h0: number, h1: number, h2: number, l0: number, l1: number, l2: number, emis: Float64Array): void {
  const n = x.length;
  for (let t = 0, o = 0; t < n; t++, o += 3) {
    const xt = x[t];
    const d0 = xt - mu0, d1 = xt - mu1, d2 = xt - mu2;
    emis[o] = expNonPositiveFast(l0 - d0 * d0 * h0);
    emis[o + 1] = expNonPositiveFast(l1 - d1 * d1 * h1);
    emis[o + 2] = expNonPositiveFast(l2 - d2 * d2 * h2);
  }
}

/**
 * The E-step's backward pass after forwardK3Em (cLast its return value): the statistics of m into st,
 * the posteriors γ over w.alpha. β is carried scaled by the forward's running sums instead of being
 * renormalised every step (the scaling of Rabiner 1989 §V.A, eqs. 91–92, with the forward's lazily
 * rescaled sums in place of the per-step c_t): D_{n−1} = 1/cLast, γ_t = u_t·D_t,
 * ξ_t(i,j) = u_{t−1}(i)·a_ij·b_j(x_t)·D_t(j), D_{t−1} = A·(b(x_t)∘D_t), the 2^64 factors of
 * forwardK3Em cancelling exactly. So each step is multiplications and additions only, with no
 * normaliser and no division. Only the six off-diagonal ξ sums are accumulated; the diagonal ones
 * follow from Σ_j ξ_t(i,j) = γ_{t−1}(i) (Rabiner 1989, eq. 38), i.e. Σ_t ξ_t(i,i) = Σ_{t<n−1} γ_t(i) −
 * Σ_{j≠i} Σ_t ξ_t(i,j), to an absolute error of a few ulps of the row's count. D cannot be rescaled along the way, so this returns false (and st is
 * not to be used) when Σ_t Σ_k γ_t(k) is not n to 1e-9 relative, which catches an overflow of D; the
 * caller then reruns the normalised pair forwardK3/backwardK3.
 */
export function backwardK3Em(x: ArrayLike<number>, m: HmmParams, w: ForwardWork, cLast: number, st: EStats): boolean {
  const n = x.length;
  const { emis, alpha } = w;
  const A = m.trans;
  const a00 = A[0], a01 = A[1], a02 = A[2], a10 = A[3], a11 = A[4], a12 = A[5], a20 = A[6], a21 = A[7], a22 = A[8];
  let S01 = 0, S02 = 0, S10 = 0, S12 = 0, S20 = 0, S21 = 0;
  let n0 = 0, n1 = 0, n2 = 0;
  const dLast = 1 / cLast;
  let b0 = dLast, b1 = dLast, b2 = dLast;
  // Pass 1 (backward): ξ sums and Σγ, and γ_t written over u_t once step t no longer needs it.
  for (let o = 3 * (n - 1); o > 0; o -= 3) {
    const w0 = emis[o] * b0, w1 = emis[o + 1] * b1, w2 = emis[o + 2] * b2;
    const g0 = alpha[o] * b0, g1 = alpha[o + 1] * b1, g2 = alpha[o + 2] * b2;
    alpha[o] = g0; alpha[o + 1] = g1; alpha[o + 2] = g2;
    n0 += g0; n1 += g1; n2 += g2;
    const p = o - 3;
    const f0 = alpha[p], f1 = alpha[p + 1], f2 = alpha[p + 2];
    S01 += f0 * w1; S02 += f0 * w2;
    S10 += f1 * w0; S12 += f1 * w2;
    S20 += f2 * w0; S21 += f2 * w1;
    b0 = a00 * w0 + a01 * w1 + a02 * w2;
    b1 = a10 * w0 + a11 * w1 + a12 * w2;
    b2 = a20 * w0 + a21 * w1 + a22 * w2;
  }
  alpha[0] *= b0; alpha[1] *= b1; alpha[2] *= b2;
  n0 += alpha[0]; n1 += alpha[1]; n2 += alpha[2];
  // Pass 2 (forward): Σγx, Σγx² from the posteriors (Σγ moved to pass 1, where the adders are idle).
  let s0 = 0, s1 = 0, s2 = 0, q0 = 0, q1 = 0, q2 = 0;
  for (let t = 0, o = 0; t < n; t++, o += 3) {
    const xt = x[t];
    const g0 = alpha[o], g1 = alpha[o + 1], g2 = alpha[o + 2];
    const x0 = g0 * xt, x1 = g1 * xt, x2 = g2 * xt;
    s0 += x0; s1 += x1; s2 += x2;
    q0 += x0 * xt; q1 += x1 * xt; q2 += x2 * xt;
  }
  if (!(Math.abs(n0 + n1 + n2 - n) <= 1e-9 * n)) return false;
  st.occ[0] = n0; st.occ[1] = n1; st.occ[2] = n2;
  st.sumX[0] = s0; st.sumX[1] = s1; st.sumX[2] = s2;
  st.sumX2[0] = q0; st.sumX2[1] = q1; st.sumX2[2] = q2;
  st.first[0] = alpha[0]; st.first[1] = alpha[1]; st.first[2] = alpha[2];
  const S = st.trans;
  S[1] = S01 * a01; S[2] = S02 * a02;
  S[3] = S10 * a10; S[5] = S12 * a12;
  S[6] = S20 * a20; S[7] = S21 * a21;
  // Diagonal counts from the row sums Σ_j ξ_t(i, j) = γ_{t−1}(i), summed over t = 1..n−1 (an exact zero
  // stays zero).
  const L = 3 * (n - 1);
  S[0] = a00 > 0 ? Math.max(0, n0 - alpha[L] - S[1] - S[2]) : 0;
  S[4] = a11 > 0 ? Math.max(0, n1 - alpha[L + 1] - S[3] - S[5]) : 0;
  S[8] = a22 > 0 ? Math.max(0, n2 - alpha[L + 2] - S[6] - S[7]) : 0;
  return true;
}
