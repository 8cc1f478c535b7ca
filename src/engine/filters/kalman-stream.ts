import { ParamError } from '../util/validate';
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

/** Plain fields and one method: cheapest shape for V8 when called once per tick. */
class KalmanStream implements StreamingKalman {
  mean: number;
  variance: number;
  gain = 0;
  innovation = 0;
  innovationVar = 0;
  logLik = 0;
  count = 0;
  private a: number;
  private P: number;
  private steady = false;
  private logF = 0;
  private readonly phi: number;
  private readonly c: number;
  private readonly q: number;
  private readonly r: number;

  constructor(params: KalmanParams) {
    const ss = toStateSpace(params);
    this.phi = ss.phi; this.c = ss.c; this.q = ss.qState; this.r = ss.r;
    this.a = ss.x0; this.P = ss.p0;
    this.mean = ss.x0; this.variance = ss.p0;
  }

  update(y: number): number {
    if (!(y - y === 0)) throw new ParamError(`y (observation ${this.count})`, 'a finite number', y);
    const P = this.P;
    const F = P + this.r;
    const K = P / F;
    const a = this.a;
    const v = y - a;
    const vf = K * this.r; // = P·r/F, as in the batch filter
    let m: number;
    if (this.steady) {
      // The batch filter's steady-state arithmetic (kalman.ts steadySteps), so the numbers are identical.
      const k1 = 1 - K;
      m = k1 * a + K * y;
      this.a = this.phi === 1 && this.c === 0 ? m : this.phi * k1 * a + (this.phi * K * y + this.c);
    } else {
      m = a + K * v;
      this.a = this.phi * m + this.c;
      this.logF = Math.log(F);
      const Pn = this.phi * this.phi * vf + this.q;
      if (Pn === P) this.steady = true;
      this.P = Pn;
    }
    this.logLik += -HALF_LOG_2PI - 0.5 * (this.logF + (v * v) / F);
    this.mean = m;
    this.variance = vf;
    this.gain = K;
    this.innovation = v;
    this.innovationVar = F;
    this.count++;
    return m;
  }
}

/**
 * Streaming form of kalmanLocalLevel / kalmanOU (chosen by the presence of `kappa`), with the same
 * equations (Durbin & Koopman 2012, eqs. 4.13 and 4.24) and the same numbers as the batch form.
 * Before the first update, `mean`/`variance` are the predicted x0/p0. No allocation per update.
 */
export function createKalman(params: KalmanParams): StreamingKalman {
  return new KalmanStream(params);
}
