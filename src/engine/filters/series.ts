import { ParamError } from '../util/validate';

/**
 * Checks that every element of a series is a finite number and that it is long enough.
 * The error names the series and the first bad index, so a bad row in an uploaded file is easy to find.
 */
export function checkSeries(name: string, x: ArrayLike<number>, minLength = 1): void {
  if (x === null || typeof x !== 'object' || typeof x.length !== 'number') {
    throw new ParamError(name, 'an array of numbers', x);
  }
  if (x.length < minLength) throw new ParamError(`${name}.length`, `at least ${minLength}`, x.length);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new ParamError(`${name}[${i}]`, 'a finite number', v);
  }
}

/** Sample mean and population variance (divide by n) in one pass (Welford). */
export function meanVar(x: ArrayLike<number>): { mean: number; variance: number } {
  let m = 0;
  let s = 0;
  for (let i = 0; i < x.length; i++) {
    const d = x[i] - m;
    m += d / (i + 1);
    s += d * (x[i] - m);
  }
  return { mean: m, variance: x.length > 0 ? s / x.length : 0 };
}
