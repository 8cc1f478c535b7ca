import type { LinearScale } from './scale';

/** Pixel coordinates to 0.1 px: finer than a screen shows, and a short path string. */
function px(v: number): number {
  return Math.round(v * 10) / 10;
}

/**
 * SVG path data of a polyline through the first `n` points (x[i], y[i]), in one pass. A point whose
 * x or y is not finite breaks the line: the next finite point starts a new subpath ("M"), so a gap
 * in the data is a gap on screen, never a straight line across it.
 */
export function linePath(x: ArrayLike<number>, y: ArrayLike<number>, n: number, sx: LinearScale, sy: LinearScale): string {
  let d = '';
  let pen = false;
  for (let i = 0; i < n; i++) {
    const xi = x[i], yi = y[i];
    if (!Number.isFinite(xi) || !Number.isFinite(yi)) { pen = false; continue; }
    d += `${pen ? 'L' : 'M'}${px(sx(xi))},${px(sy(yi))}`;
    pen = true;
  }
  return d;
}

/**
 * SVG path data of the area between the first `n` points and the horizontal line y = `base` (data
 * units), in one pass: one closed shape per run of finite points, so gaps break the area too.
 */
export function areaPath(x: ArrayLike<number>, y: ArrayLike<number>, n: number, sx: LinearScale, sy: LinearScale, base: number): string {
  const b = px(sy(base));
  let d = '';
  let runX = NaN; // the last finite point's x px in the current run, NaN outside a run
  for (let i = 0; i < n; i++) {
    const xi = x[i], yi = y[i];
    if (!Number.isFinite(xi) || !Number.isFinite(yi)) {
      if (runX === runX) { d += `L${runX},${b}Z`; runX = NaN; }
      continue;
    }
    const X = px(sx(xi));
    d += runX === runX ? `L${X},${px(sy(yi))}` : `M${X},${b}L${X},${px(sy(yi))}`;
    runX = X;
  }
  if (runX === runX) d += `L${runX},${b}Z`;
  return d;
}
