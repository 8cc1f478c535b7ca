import { ParamError } from '../util/validate';
import { checkSeries } from './series';
import { kalmanInnovations, toStateSpace, type KalmanParams, type KalmanResult } from './kalman';
import { seriesMoments, type SeriesMoments } from './ljung-box';

export interface KalmanDiagnostics {
  /** Steady-state gain K∞ = P∞/(P∞ + r), P∞ the fixed point of the variance recursion. */
  steadyStateGain: number;
  /** Sample standard deviation of the innovations, price units. */
  innovationStd: number;
  /** √mean((filtered − raw)²), price units. */
  rmseFilteredVsRaw: number;
  /** std(filtered)/std(raw): below 1 means the filter smooths. */
  smoothingRatio: number;
}

/**
 * P∞ solves P = φ²·P·r/(P + r) + Q, i.e. P² + (r(1 − φ²) − Q)·P − Q·r = 0, the positive root
 * (discrete algebraic Riccati equation of a scalar model; Harvey 1989, eq. 3.3.20).
 */
export function steadyStateGain(params: KalmanParams): number {
  const { phi, qState: Q, r } = toStateSpace(params);
  const b = r * (1 - phi * phi) - Q;
  const disc = Math.sqrt(b * b + 4 * Q * r);
  // Stable form of (−b + disc)/2 when b > 0.
  const P = b > 0 ? (2 * Q * r) / (b + disc) : (disc - b) / 2;
  return P / (P + r);
}

/** Sample standard deviation √(Σ(x − x̄)²/(n − 1)) from a series' moments. */
function stdOf(m: SeriesMoments, n: number): number {
  return Math.sqrt(m.sumSqDev / (n - 1));
}

/**
 * Summary of a filter run over y (the same y the result came from). `innovationMoments`:
 * seriesMoments of the result's innovations when the caller has them already (e.g. with their
 * autocorrelations), else computed here — from the means, block by block, for kalmanFromMeans.
 */
export function kalmanDiagnostics(y: Float64Array, result: KalmanResult, params: KalmanParams, innovationMoments?: SeriesMoments): KalmanDiagnostics {
  checkSeries('y', y, 2);
  const n = y.length;
  if (result.mean.length !== n) throw new ParamError('result.mean.length', `equal to y.length (${n})`, result.mean.length);
  let se = 0;
  for (let i = 0; i < n; i++) { const d = result.mean[i] - y[i]; se += d * d; }
  const sy = stdOf(seriesMoments(y, n, 0), n);
  return {
    steadyStateGain: steadyStateGain(params),
    innovationStd: stdOf(innovationMoments ?? seriesMoments(kalmanInnovations(result), n, 0), n),
    rmseFilteredVsRaw: Math.sqrt(se / n),
    smoothingRatio: sy > 0 ? stdOf(seriesMoments(result.mean, n, 0), n) / sy : NaN,
  };
}

/** Steady-state gains at or beyond these bounds are called degenerate by kalmanFitNote. */
export const KALMAN_GAIN_MID = 0.99;
export const KALMAN_GAIN_FROZEN = 0.01;

/**
 * A plain sentence when a fitted local-level filter degenerates, else null: r → 0 (gain K∞ ≥ 0.99)
 * means the filtered fair value is the mid itself at this sampling; q → 0 (K∞ ≤ 0.01) means it barely
 * moves. q and r per tick, price units².
 */
export function kalmanFitNote(fit: { q: number; r: number }): string | null {
  if (!(fit.q > 0) || !(fit.r > 0)) return `The Kalman fit has q = ${fit.q}, r = ${fit.r}: one of them is not positive, so the filter is not defined.`;
  const gain = steadyStateGain({ q: fit.q, r: fit.r, x0: 0, p0: 0 });
  if (gain >= KALMAN_GAIN_MID) {
    return `The fitted observation noise is negligible (r/q = ${(fit.r / fit.q).toExponential(1)}, steady-state gain ${gain.toFixed(3)}): at this sampling the Kalman fair value equals the mid, so a strategy quoting around it quotes around the mid.`;
  }
  if (gain <= KALMAN_GAIN_FROZEN) {
    return `The fitted process noise is negligible (q/r = ${(fit.q / fit.r).toExponential(1)}, steady-state gain ${gain.toFixed(3)}): the Kalman fair value barely moves and lags the mid.`;
  }
  return null;
}
