/** Number formatting shared by the lab panels (Kalman, regimes, compare). */

const MINUS = '\u2212';

/** `sig` significant digits; scientific form outside [1e-3, 1e6); '—' for NaN, '∞' for infinities. */
export function fmtNum(x: number, sig = 4): string {
  if (Number.isNaN(x)) return '—';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : `${MINUS}∞`;
  const abs = Math.abs(x);
  const body = abs === 0 ? '0' : abs >= 1e-3 && abs < 1e6 ? String(Number(abs.toPrecision(sig))) : abs.toExponential(sig - 1);
  return x < 0 && body !== '0' ? `${MINUS}${body}` : body;
}

/** A share 0..1 as a percentage with one decimal; '—' for NaN. */
export function fmtPct(x: number): string {
  if (!Number.isFinite(x)) return '—';
  const v = (x * 100).toFixed(1);
  return x < 0 ? `${MINUS}${v.slice(1)} %` : `${v} %`;
}

/** Axis ticks: up to 6 significant digits (prices like 100.5 next to 101 stay apart), no trailing zeros. */
export const fmtTick = (v: number): string => (Number.isFinite(v) ? String(Number(v.toPrecision(6))) : '');

/** Time-axis ticks in seconds: 4 significant digits (the last tick is the data's end, e.g. 4999.9 → 5000). */
export const fmtSecTick = (v: number): string => (Number.isFinite(v) ? String(Number(v.toPrecision(4))) : '');

/** Tooltip values: 4 significant digits. */
export const fmtTip = (v: unknown): string => (typeof v === 'number' ? fmtNum(v) : String(v));

/** Seconds from the start of the data, for time axes. */
export function secondsFrom(time: ArrayLike<number>, t0: number = time.length > 0 ? time[0] : 0): Float64Array {
  const out = new Float64Array(time.length);
  for (let i = 0; i < time.length; i++) out[i] = time[i] - t0;
  return out;
}
