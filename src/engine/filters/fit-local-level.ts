import { ParamError, nonNegative } from '../util/validate';
import { checkSeries } from './series';

export interface LocalLevelMle {
  /** State (level) noise variance per step, price². */
  q: number;
  /** Observation noise variance, price². */
  r: number;
  /** Exact diffuse log-likelihood at (q, r) (Durbin & Koopman 2012, eq. 7.4): see localLevelLogLik. */
  logLik: number;
}

const LOG_2PI = Math.log(2 * Math.PI);

/**
 * Concentrated diffuse log-likelihood of the local-level model with q = σ²·θ, r = σ²·(1 − θ) and σ²
 * profiled out: σ̂² = Σ v²/F / (n − 1) (Durbin & Koopman 2012, §2.10.2 and eq. 7.4). θ ∈ [0, 1] covers
 * both boundaries (θ = 1 is a pure random walk, r = 0; θ = 0 a constant level plus noise).
 */
function profile(y: Float64Array, theta: number): { ll: number; scale: number } {
  const n = y.length;
  const r = 1 - theta;
  let a = y[0];
  let P = r + theta; // diffuse first step leaves filtered variance r; one step of q on top
  let sumLogF = 0;
  let sumV2F = 0;
  for (let t = 1; t < n; t++) {
    const F = P + r;
    const v = y[t] - a;
    const K = P / F;
    sumLogF += Math.log(F);
    sumV2F += (v * v) / F;
    a += K * v;
    P = P - K * P + theta;
  }
  const m = n - 1;
  const scale = sumV2F / m;
  // The diffuse first observation adds only −½·ln 2π (F∞ = 1) in eq. 7.4.
  return { ll: -0.5 * m * (LOG_2PI + 1 + Math.log(scale)) - 0.5 * sumLogF - 0.5 * LOG_2PI, scale };
}

/**
 * Exact diffuse log-likelihood of the local-level model at (q, r) (Durbin & Koopman 2012, eq. 7.4):
 * the first observation sets the level (its term is −½·ln 2π, as F∞ = 1), then the usual
 * prediction-error terms from the second observation on, starting at a = y_1, P = r + q.
 */
export function localLevelLogLik(y: Float64Array, q: number, r: number): number {
  checkSeries('y', y, 2);
  nonNegative('q', q);
  nonNegative('r', r);
  if (!(q + r > 0)) throw new ParamError('q + r', 'greater than 0', q + r);
  let a = y[0];
  let P = r + q;
  let sum = 0;
  for (let t = 1; t < y.length; t++) {
    const F = P + r;
    const v = y[t] - a;
    const K = P / F;
    sum += Math.log(F) + (v * v) / F;
    a += K * v;
    P = P - K * P + q;
  }
  return -0.5 * (y.length * LOG_2PI + sum);
}

const logistic = (u: number) => 1 / (1 + Math.exp(-u));

/**
 * Maximum-likelihood q and r of the local-level model (random walk plus noise). The likelihood is
 * profiled over the scale and maximised over θ = q/(q + r) = logistic(u) by a grid on u, a
 * golden-section refinement (Kiefer 1953) and a check of both boundaries θ = 0 and θ = 1.
 */
export function fitLocalLevel(y: Float64Array): LocalLevelMle {
  checkSeries('y', y, 3);
  let allSame = true;
  for (let i = 1; i < y.length; i++) if (y[i] !== y[0]) { allSame = false; break; }
  if (allSame) throw new RangeError('y must vary: a constant series has no noise to attribute (q = r = 0)');
  const f = (u: number) => profile(y, logistic(u)).ll;
  const lo = -36;
  const hi = 36;
  const steps = 48;
  let bestI = 0;
  let bestLl = -Infinity;
  for (let i = 0; i <= steps; i++) {
    const ll = f(lo + ((hi - lo) * i) / steps);
    if (ll > bestLl) { bestLl = ll; bestI = i; }
  }
  let a = lo + ((hi - lo) * Math.max(0, bestI - 1)) / steps;
  let b = lo + ((hi - lo) * Math.min(steps, bestI + 1)) / steps;
  const g = (Math.sqrt(5) - 1) / 2;
  let c = b - g * (b - a);
  let d = a + g * (b - a);
  let fc = f(c);
  let fd = f(d);
  while (b - a > 1e-10) {
    if (fc >= fd) { b = d; d = c; fd = fc; c = b - g * (b - a); fc = f(c); }
    else { a = c; c = d; fc = fd; d = a + g * (b - a); fd = f(d); }
  }
  let theta = logistic(0.5 * (a + b));
  let best = profile(y, theta);
  for (const edge of [0, 1]) {
    const e = profile(y, edge);
    if (e.ll > best.ll) { best = e; theta = edge; }
  }
  return { q: theta * best.scale, r: (1 - theta) * best.scale, logLik: best.ll };
}
