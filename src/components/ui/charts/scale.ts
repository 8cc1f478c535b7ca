/** A linear map from a data interval onto a pixel interval; `invert` maps pixels back to data. */
export interface LinearScale {
  (v: number): number;
  invert(px: number): number;
}

/**
 * Linear scale from `domain` (data units) onto `range` (px; reversed for a y axis, bottom first).
 * A degenerate domain (d0 = d1) maps every finite value to the middle of the range rather than to NaN.
 */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]): LinearScale {
  const [d0, d1] = domain, [r0, r1] = range;
  const k = d1 !== d0 ? (r1 - r0) / (d1 - d0) : 0;
  const mid = (r0 + r1) / 2;
  // A value that is not finite stays so (a gap), also on a degenerate domain.
  const f = ((v: number) => (k === 0 ? (Number.isFinite(v) ? mid : Number.NaN) : r0 + (v - d0) * k)) as LinearScale;
  f.invert = (px: number) => (k === 0 ? d0 : d0 + (px - r0) / k);
  return f;
}

/**
 * Log-10 scale from `domain` (data units, both > 0) onto `range` (px): equal ratios take equal room.
 * Values ≤ 0 have no place on it and map to NaN (a gap, as a NaN value is).
 */
export function logScale(domain: readonly [number, number], range: readonly [number, number]): LinearScale {
  const l0 = Math.log10(domain[0]), l1 = Math.log10(domain[1]);
  const lin = linearScale([l0, l1], range);
  const f = ((v: number) => (v > 0 ? lin(Math.log10(v)) : Number.NaN)) as LinearScale;
  f.invert = (px: number) => 10 ** lin.invert(px);
  return f;
}
