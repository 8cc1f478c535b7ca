import { ParamError } from '../util/validate';
import { checkSeries } from '../filters/series';

/** Checks that `time` (seconds) has the length of `values` and never goes backwards. */
export function checkClock(valuesName: string, values: ArrayLike<number>, timeName: string, time: ArrayLike<number>): void {
  checkSeries(timeName, time);
  if (time.length !== values.length) throw new ParamError(`${timeName}.length`, `equal to ${valuesName}.length (${values.length})`, time.length);
  for (let i = 1; i < time.length; i++) {
    if (time[i] < time[i - 1]) throw new ParamError(`${timeName}[${i}]`, `not earlier than ${timeName}[${i - 1}] = ${time[i - 1]}`, time[i]);
  }
}

/**
 * Realised volatility of the mid in price units per √second: σ̂ = √(Σ (Δmid)² / elapsed seconds),
 * the realised-variance estimator (Andersen & Bollerslev 1998) scaled by the time it covers.
 * `time` in seconds, non-decreasing, same length as `mid`.
 */
export function estimateSigma(mid: Float64Array, time: Float64Array): number {
  checkSeries('mid', mid, 2);
  checkClock('mid', mid, 'time', time);
  const span = time[time.length - 1] - time[0];
  if (!(span > 0)) throw new ParamError('time', 'spanning more than 0 seconds', span);
  let rv = 0;
  for (let i = 1; i < mid.length; i++) {
    const d = mid[i] - mid[i - 1];
    rv += d * d;
  }
  return Math.sqrt(rv / span);
}
