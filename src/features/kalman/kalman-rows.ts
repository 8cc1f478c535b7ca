import type { KalmanView } from '../../stores/lab-store';

/** Recharts rows of the Kalman view's downsampled series; t in seconds from the first point. */
export interface KalmanRow { t: number; raw: number; filtered: number; gain: number; innovation: number }
export interface AcfRow { lag: number; acf: number }

export function kalmanRows(v: KalmanView): KalmanRow[] {
  const t0 = v.time.length > 0 ? v.time[0] : 0;
  const rows: KalmanRow[] = new Array(v.time.length);
  for (let i = 0; i < v.time.length; i++) rows[i] = { t: v.time[i] - t0, raw: v.raw[i], filtered: v.filtered[i], gain: v.gain[i], innovation: v.innovation[i] };
  return rows;
}

export function acfRows(v: KalmanView): AcfRow[] {
  return Array.from(v.acf, (acf, k) => ({ lag: k + 1, acf }));
}

/** ±1.96/√n: the 95 % band of a sample autocorrelation of white noise (Bartlett 1946; Box & Jenkins). */
export function acfBand(n: number): number {
  return n > 0 ? 1.96 / Math.sqrt(n) : Number.NaN;
}

/** Ljung-Box verdict at the 5 % level: innovations of a well-specified filter are white. */
export function isWhite(pValue: number, alpha = 0.05): boolean {
  return pValue >= alpha;
}
