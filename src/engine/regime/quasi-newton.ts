import type { EStats } from './backward';
import { expNonPositive } from './fast-exp';
import type { HmmParams } from './hmm-model';

/**
 * Quasi-Newton acceleration of Baum-Welch (Jamshidian & Jennrich 1997, "Acceleration of the EM
 * algorithm by using quasi-Newton methods", JRSS B 59): BFGS on the log-likelihood in unconstrained
 * coordinates φ, with the gradient taken from the Baum-Welch E-step (Fisher's identity: ∇ℓ(θ) is the
 * gradient of the EM Q-function at θ, Dempster, Laird & Rubin 1977) and the inverse Hessian started
 * from the inverse expected complete-data information, which makes the first step an EM-like step.
 *
 * Coordinates of a K-state Gaussian HMM (P = K² + 2K − 1 of them):
 * - means μ_k (K), log-variances ν_k = ln σ²_k (K);
 * - per transition row i, η_ij = ln(a_ij / a_i,r(i)) for j ≠ r(i), the row's reference state (K·(K − 1));
 * - for the initial law, ln(π_j / π_r) for j ≠ r (K − 1).
 * Every φ is a valid model (softmax rows, positive variances), so steps need no feasibility search;
 * variances are floored at the variance floor when mapped back.
 */
export interface QnWork {
  K: number;
  P: number;
  /** Reference state per transition row, then for the initial law (K + 1 entries). */
  ref: Int32Array;
  /** Inverse Hessian approximation of −ℓ in φ, P×P row-major. */
  Hi: Float64Array;
  /** ∂ℓ/∂φ at the current point. */
  g: Float64Array;
  gOld: Float64Array;
  phi: Float64Array;
  phiTrial: Float64Array;
  d: Float64Array;
  s: Float64Array;
  y: Float64Array;
  Hy: Float64Array;
  /** Set by fromPhi: whether the variance floor changed a variance (the model is then not exactly at φ). */
  clipped: boolean;
  /** BFGS updates applied since Hi was last reset (the first one also rescales Hi, see bfgsUpdate). */
  updates: number;
}

export function createQnWork(K: number): QnWork {
  const P = K * K + 2 * K - 1;
  // One allocation: a typed array above 64 bytes costs about 1 µs to create here, a view ≈ 0.1 µs.
  const buf = new Float64Array(P * P + 8 * P);
  return { K, P, ref: new Int32Array(K + 1), Hi: buf.subarray(0, P * P), g: vectorOf(buf, P, 0), gOld: vectorOf(buf, P, 1), phi: vectorOf(buf, P, 2), phiTrial: vectorOf(buf, P, 3), d: vectorOf(buf, P, 4), s: vectorOf(buf, P, 5), y: vectorOf(buf, P, 6), Hy: vectorOf(buf, P, 7), clipped: false, updates: 0 };
}

/** The i-th P-vector after the P×P matrix in createQnWork's buffer (a module function, not a closure made per call). */
function vectorOf(buf: Float64Array, P: number, i: number): Float64Array {
  return buf.subarray(P * P + i * P, P * P + (i + 1) * P);
}

const TINY_P = 1e-300;
/** Probabilities and counts below these are treated as these in the starting inverse Hessian only. */
const MIN_P_PRECOND = 1e-8;
const MIN_COUNT_PRECOND = 1e-3;

/** Picks each row's (and the initial law's) largest probability as its reference state. */
export function chooseReferences(m: HmmParams, q: QnWork): void {
  const K = q.K;
  for (let i = 0; i <= K; i++) {
    const row = i < K ? m.trans : m.init;
    const o = i < K ? i * K : 0;
    let b = 0;
    for (let j = 1; j < K; j++) if (row[o + j] > row[o + b]) b = j;
    q.ref[i] = b;
  }
}

export function toPhi(m: HmmParams, q: QnWork, out: Float64Array): void {
  const K = q.K;
  let p = 0;
  for (let k = 0; k < K; k++) out[p++] = m.means[k];
  for (let k = 0; k < K; k++) out[p++] = Math.log(m.variances[k]);
  for (let i = 0; i <= K; i++) {
    const row = i < K ? m.trans : m.init;
    const o = i < K ? i * K : 0;
    const r = q.ref[i];
    const lr = Math.log(row[o + r]);
    for (let j = 0; j < K; j++) if (j !== r) out[p++] = Math.log(Math.max(row[o + j], TINY_P)) - lr;
  }
}

/** Writes the model at φ into out; false when φ maps to no finite model. */
export function fromPhi(phi: Float64Array, q: QnWork, varFloor: number, out: HmmParams): boolean {
  const K = q.K;
  let p = 0;
  for (let k = 0; k < K; k++) {
    const mu = phi[p++];
    if (!Number.isFinite(mu)) return false;
    out.means[k] = mu;
  }
  q.clipped = false;
  for (let k = 0; k < K; k++) {
    const v = Math.exp(phi[p++]);
    if (!(v < Infinity)) return false;
    if (v > varFloor) out.variances[k] = v;
    else { out.variances[k] = varFloor; q.clipped = true; }
  }
  for (let i = 0; i <= K; i++) {
    const row = i < K ? out.trans : out.init;
    const o = i < K ? i * K : 0;
    const r = q.ref[i];
    // Softmax with the reference's coordinate fixed at 0, shifted by the largest coordinate.
    let mx = 0;
    for (let j = 0, c = p; j < K; j++) if (j !== r) { const e = phi[c++]; if (!Number.isFinite(e)) return false; if (e > mx) mx = e; }
    let s = 0;
    for (let j = 0; j < K; j++) {
      // The argument is ≤ 0 (shifted by the largest coordinate): the table-driven exp applies.
      const e = expNonPositive((j === r ? 0 : phi[p++]) - mx);
      row[o + j] = e;
      s += e;
    }
    for (let j = 0; j < K; j++) row[o + j] /= s;
  }
  return true;
}

/**
 * ∂ℓ/∂φ at m from the E-step statistics of m (Fisher's identity; Gaussian score as in Bilmes 1998,
 * softmax score S_ij − R_i·a_ij with R_i = Σ_j S_ij).
 */
export function gradient(m: HmmParams, st: EStats, q: QnWork, out: Float64Array): void {
  const K = q.K;
  let p = 0;
  for (let k = 0; k < K; k++) out[p++] = (st.sumX[k] - m.means[k] * st.occ[k]) / m.variances[k];
  for (let k = 0; k < K; k++) {
    const mu = m.means[k];
    const ss = st.sumX2[k] - 2 * mu * st.sumX[k] + mu * mu * st.occ[k];
    out[p++] = -0.5 * st.occ[k] + ss / (2 * m.variances[k]);
  }
  for (let i = 0; i <= K; i++) {
    const row = i < K ? m.trans : m.init;
    const cnt = i < K ? st.trans : st.first;
    const o = i < K ? i * K : 0;
    let R = 0;
    for (let j = 0; j < K; j++) R += cnt[o + j];
    const r = q.ref[i];
    for (let j = 0; j < K; j++) if (j !== r) out[p++] = cnt[o + j] - R * row[o + j];
  }
}

/**
 * Hi = inverse expected complete-data information at m (block diagonal): σ²_k/n_k for μ_k, 2/n_k for
 * ν_k, and for a softmax row with total count R, (diag(1/a_j) + 11ᵀ/a_r)/R (Sherman-Morrison inverse
 * of R·(diag(a) − aaᵀ) on the non-reference coordinates).
 */
export function resetInverseHessian(m: HmmParams, st: EStats, q: QnWork): void {
  const { K, P, Hi } = q;
  q.updates = 0;
  Hi.fill(0);
  for (let k = 0; k < K; k++) {
    const nk = Math.max(st.occ[k], MIN_COUNT_PRECOND);
    Hi[k * P + k] = m.variances[k] / nk;
    Hi[(K + k) * P + K + k] = 2 / nk;
  }
  let p = 2 * K;
  for (let i = 0; i <= K; i++) {
    const row = i < K ? m.trans : m.init;
    const cnt = i < K ? st.trans : st.first;
    const o = i < K ? i * K : 0;
    let R = 0;
    for (let j = 0; j < K; j++) R += cnt[o + j];
    R = Math.max(R, MIN_COUNT_PRECOND);
    const r = q.ref[i];
    const invRef = 1 / Math.max(row[o + r], MIN_P_PRECOND);
    for (let a = 0, ja = 0; ja < K; ja++) {
      if (ja === r) continue;
      for (let b = 0, jb = 0; jb < K; jb++) {
        if (jb === r) continue;
        Hi[(p + a) * P + p + b] = ((a === b ? 1 / Math.max(row[o + ja], MIN_P_PRECOND) : 0) + invRef) / R;
        b++;
      }
      a++;
    }
    p += K - 1;
  }
}

/**
 * out = H·v for the P×P row-major H; returns vᵀ·out. Each row is summed in two interleaved partial
 * sums, so its additions form two dependency chains instead of one (the loop is latency-bound).
 */
function matVec(H: Float64Array, v: Float64Array, out: Float64Array, P: number): number {
  let vHv = 0;
  for (let i = 0, r = 0; i < P; i++, r += P) {
    let t0 = 0, t1 = 0, j = 0;
    for (; j + 1 < P; j += 2) {
      t0 += H[r + j] * v[j];
      t1 += H[r + j + 1] * v[j + 1];
    }
    if (j < P) t0 += H[r + j] * v[j];
    const t = t0 + t1;
    out[i] = t;
    vHv += v[i] * t;
  }
  return vHv;
}

/** d = Hi·g (an ascent direction); returns gᵀd. */
export function direction(q: QnWork): number {
  return matVec(q.Hi, q.g, q.d, q.P);
}

/**
 * BFGS update of the inverse Hessian of −ℓ (Nocedal & Wright 2006, eq. 6.17) from s = φ_new − φ_old and
 * y = g_old − g_new; skipped when the curvature condition sᵀy > 0 fails (numerically), which keeps Hi
 * positive definite.
 *
 * The first update after a reset first scales Hi by sᵀy / yᵀHi·y when that is above 1 (Shanno & Phua
 * 1978, "Matrix conditioning and nonlinear optimization", Math. Programming 14; Nocedal & Wright eq. 6.20
 * with Hi in place of the identity): the inverse complete-data information Hi starts from is too small
 * by the fraction of missing information (observed = complete − missing information, Louis 1982), so
 * the measured curvature along the first step sets its scale. Over 101 test series
 * (bench/hmm-restarts-eval.ts) this cut iterations by 12% and misses of the best optimum from 17 to 15.
 */
export function bfgsUpdate(q: QnWork): void {
  const { P, Hi, s, y, Hy } = q;
  let sy = 0, ss = 0, yy = 0;
  for (let i = 0; i < P; i++) { sy += s[i] * y[i]; ss += s[i] * s[i]; yy += y[i] * y[i]; }
  if (!(sy > 1e-10 * Math.sqrt(ss * yy))) return;
  let yHy = matVec(Hi, y, Hy, P);
  if (q.updates++ === 0 && sy > yHy) {
    const f = sy / yHy;
    for (let i = 0; i < P * P; i++) Hi[i] *= f;
    for (let i = 0; i < P; i++) Hy[i] *= f;
    yHy *= f;
  }
  const rho = 1 / sy;
  const c = (1 + rho * yHy) * rho;
  // The update is symmetric: compute the upper triangle and mirror it.
  for (let i = 0; i < P; i++) {
    const si = s[i], hi = Hy[i], csi = c * si;
    for (let j = i, ij = i * P + i, ji = ij; j < P; j++, ij++, ji += P) {
      const v = Hi[ij] + csi * s[j] - rho * (hi * s[j] + si * Hy[j]);
      Hi[ij] = v;
      Hi[ji] = v;
    }
  }
}

/** φ_trial = φ + step·d. */
export function trialPoint(q: QnWork, step: number): void {
  const { P, phi, phiTrial, d } = q;
  for (let i = 0; i < P; i++) phiTrial[i] = phi[i] + step * d[i];
}

/**
 * Moves the quasi-Newton model to the accepted point m (reached from φ_trial; from m's own coordinates
 * if the variance floor clipped) whose E-step statistics are st: new gradient, s = φ_new − φ,
 * y = g − g_new, φ ← φ_new, BFGS update. Buffers are swapped, not copied.
 */
export function acceptStep(m: HmmParams, st: EStats, q: QnWork): void {
  if (q.clipped) toPhi(m, q, q.phiTrial);
  const gOld = q.g;
  q.g = q.gOld;
  q.gOld = gOld;
  gradient(m, st, q, q.g);
  const { P, s, y, g, phi, phiTrial } = q;
  for (let i = 0; i < P; i++) {
    s[i] = phiTrial[i] - phi[i];
    y[i] = gOld[i] - g[i];
  }
  q.phi = phiTrial;
  q.phiTrial = phi;
  bfgsUpdate(q);
}
