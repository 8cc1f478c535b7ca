import { finite } from '../util/validate';
import { toStateSpace, type KalmanParams } from './kalman';

/** Tick-by-tick Kalman filter. Fields describe the last update; `logLik` is the running sum. */
export interface StreamingKalman {
  /** Feeds one observation and returns the filtered mean. */
  update(y: number): number;
  readonly mean: number;
  readonly variance: number;
  readonly gain: number;
  readonly innovation: number;
  readonly innovationVar: number;
  readonly logLik: number;
  /** Number of observations seen. */
  readonly count: number;
}

const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * Streaming form of kalmanLocalLevel / kalmanOU (chosen by the presence of `kappa`), with the same
 * equations (Durbin & Koopman 2012, eqs. 4.13 and 4.24) and the same numbers as the batch form.
 * Before the first update, `mean`/`variance` are the predicted x0/p0. No allocation per update.
 */
export function createKalman(params: KalmanParams): StreamingKalman {
  const { phi, c, qState, r, x0, p0 } = toStateSpace(params);
  let a = x0;
  let P = p0;
  let steady = false;
  let logF = 0;
  const state = { mean: x0, variance: p0, gain: 0, innovation: 0, innovationVar: 0, logLik: 0, count: 0 };
  return {
    update(y: number): number {
      finite(`y (observation ${state.count})`, y);
      const F = P + r;
      const K = P / F;
      const v = y - a;
      const m = a + K * v;
      const vf = K * r; // = P·r/F, free of the cancellation in P − K·P
      if (!steady) logF = Math.log(F);
      state.logLik += -HALF_LOG_2PI - 0.5 * (logF + (v * v) / F);
      state.mean = m;
      state.variance = vf;
      state.gain = K;
      state.innovation = v;
      state.innovationVar = F;
      state.count++;
      a = phi * m + c;
      if (!steady) {
        const Pn = phi * phi * vf + qState;
        if (Pn === P) steady = true;
        P = Pn;
      }
      return m;
    },
    get mean() { return state.mean; },
    get variance() { return state.variance; },
    get gain() { return state.gain; },
    get innovation() { return state.innovation; },
    get innovationVar() { return state.innovationVar; },
    get logLik() { return state.logLik; },
    get count() { return state.count; },
  };
}
