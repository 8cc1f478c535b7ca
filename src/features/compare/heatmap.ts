/** Index of the largest finite value (the best cell for a higher-is-better metric), −1 if none. */
export function bestCell(values: ArrayLike<number>): number {
  let best = -1;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i]) && (best < 0 || values[i] > values[best])) best = i;
  return best;
}

/** Largest |finite value|, for a colour scale symmetric around zero. */
export function maxAbs(values: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) m = Math.max(m, Math.abs(values[i]));
  return m;
}

/** Green for positive, red for negative, stronger with |v|/scale (alpha 0.12–0.6, so dark text keeps a 4.5:1 contrast); grey when undefined. */
export function cellColour(v: number, scale: number): string {
  if (!Number.isFinite(v)) return '#e5e8ec';
  const a = scale > 0 ? 0.12 + 0.48 * Math.min(1, Math.abs(v) / scale) : 0.12;
  return v >= 0 ? `rgba(30, 135, 75, ${a.toFixed(3)})` : `rgba(184, 50, 39, ${a.toFixed(3)})`;
}
