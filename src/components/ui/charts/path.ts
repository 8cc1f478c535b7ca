import type { LinearScale } from './scale';

/** Pixel coordinates to 0.1 px: finer than a screen shows, and a short path string. */
function px(v: number): number {
  return Math.round(v * 10) / 10;
}

/** Which points a path goes through, and how. */
export interface PathOptions {
  /** First point drawn (a zoomed window); 0 when omitted. */
  from?: number;
  /** A step line: each value holds until the next point's x (then jumps), as a held quantity does. */
  step?: boolean;
}

/**
 * SVG path data of a polyline through the points from..n-1 (x[i], y[i]), in one pass. A point whose
 * x or y is not finite (or has no place on the scale: ≤ 0 on a log axis) breaks the line: the next
 * finite point starts a new subpath ("M"), so a gap in the data is a gap on screen, never a straight
 * line across it.
 */
export function linePath(x: ArrayLike<number>, y: ArrayLike<number>, n: number, sx: LinearScale, sy: LinearScale, opts: PathOptions = {}): string {
  let d = '';
  let pen = false;
  let lastY = 0;
  for (let i = opts.from ?? 0; i < n; i++) {
    const X = px(sx(x[i])), Y = px(sy(y[i]));
    if (!Number.isFinite(X) || !Number.isFinite(Y)) { pen = false; continue; }
    if (!pen) d += `M${X},${Y}`;
    else d += opts.step ? `L${X},${lastY}L${X},${Y}` : `L${X},${Y}`;
    lastY = Y;
    pen = true;
  }
  return d;
}

/** SVG path data of a dot of radius `r` px at each finite point from..n-1: one path for all of them. */
export function dotsPath(x: ArrayLike<number>, y: ArrayLike<number>, n: number, sx: LinearScale, sy: LinearScale, r: number, from = 0): string {
  let d = '';
  for (let i = from; i < n; i++) {
    const X = sx(x[i]), Y = sy(y[i]);
    if (!Number.isFinite(X) || !Number.isFinite(Y)) continue;
    d += `M${px(X - r)},${px(Y)}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`;
  }
  return d;
}

/**
 * SVG path data of the area between the points from..n-1 and the horizontal line y = `base` (data
 * units), in one pass: one closed shape per run of finite points, so gaps break the area too.
 */
export function areaPath(x: ArrayLike<number>, y: ArrayLike<number>, n: number, sx: LinearScale, sy: LinearScale, base: number, from = 0): string {
  const b = px(sy(base));
  let d = '';
  let runX = NaN; // the last finite point's x px in the current run, NaN outside a run
  for (let i = from; i < n; i++) {
    const X = px(sx(x[i])), Y = px(sy(y[i]));
    if (!Number.isFinite(X) || !Number.isFinite(Y)) {
      if (runX === runX) { d += `L${runX},${b}Z`; runX = NaN; }
      continue;
    }
    d += runX === runX ? `L${X},${Y}` : `M${X},${b}L${X},${Y}`;
    runX = X;
  }
  if (runX === runX) d += `L${runX},${b}Z`;
  return d;
}

/**
 * SVG path data of the band between `lo` and `hi` over the points from..n-1 (a stacked area): one
 * closed shape per run of points where x, lo and hi are all finite, along hi forwards and back along lo.
 */
export function bandPath(x: ArrayLike<number>, lo: ArrayLike<number>, hi: ArrayLike<number>, n: number, sx: LinearScale, sy: LinearScale, from = 0): string {
  let d = '';
  let start = -1; // first index of the current run, -1 outside a run
  const close = (end: number) => { for (let j = end; j >= start; j--) d += `L${px(sx(x[j]))},${px(sy(lo[j]))}`; d += 'Z'; };
  for (let i = from; i < n; i++) {
    if (!Number.isFinite(sx(x[i])) || !Number.isFinite(sy(lo[i])) || !Number.isFinite(sy(hi[i]))) {
      if (start >= 0) { close(i - 1); start = -1; }
      continue;
    }
    d += `${start < 0 ? 'M' : 'L'}${px(sx(x[i]))},${px(sy(hi[i]))}`;
    if (start < 0) start = i;
  }
  if (start >= 0) close(n - 1);
  return d;
}

/**
 * SVG path data of error bars: at each point from..n-1 with a finite value and error, a vertical
 * stroke over y ± err with a cap `cap` px wide at both ends, all in one path.
 */
export function errorBarsPath(x: ArrayLike<number>, y: ArrayLike<number>, err: ArrayLike<number>, n: number, sx: LinearScale, sy: LinearScale, cap = 4, from = 0): string {
  let d = '';
  const h = cap / 2;
  for (let i = from; i < n; i++) {
    const X = px(sx(x[i])), lo = px(sy(y[i] - err[i])), hi = px(sy(y[i] + err[i]));
    if (!Number.isFinite(X) || !Number.isFinite(lo) || !Number.isFinite(hi) || !Number.isFinite(sy(y[i]))) continue;
    d += `M${X},${lo}L${X},${hi}M${X - h},${lo}L${X + h},${lo}M${X - h},${hi}L${X + h},${hi}`;
  }
  return d;
}
