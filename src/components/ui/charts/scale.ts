/** A linear map from a data interval onto a pixel interval; `invert` maps pixels back to data. */
export interface LinearScale {
  (v: number): number;
  invert(px: number): number;
}

/**
 * Linear scale from `domain` (data units) onto `range` (px; reversed for a y axis, bottom first).
 * A degenerate domain (d0 = d1) maps everything to the middle of the range rather than to NaN.
 */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]): LinearScale {
  const [d0, d1] = domain, [r0, r1] = range;
  const k = d1 !== d0 ? (r1 - r0) / (d1 - d0) : 0;
  const mid = (r0 + r1) / 2;
  const f = ((v: number) => (k === 0 ? mid : r0 + (v - d0) * k)) as LinearScale;
  f.invert = (px: number) => (k === 0 ? d0 : d0 + (px - r0) / k);
  return f;
}
