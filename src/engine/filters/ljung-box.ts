import { ParamError, integerIn } from '../util/validate';
import { checkSeries } from './series';
import { chiSquareSf } from './gamma';

export interface LjungBoxResult {
  /** Ljung-Box statistic Q. */
  q: number;
  /** P(χ²_{lags − modelDof} > Q). */
  pValue: number;
}

/**
 * x[from .. to) of a series computed on demand, written to out[0 .. to − from): e.g. a filter's
 * innovations from its means, so that their moments need no n-length column (a day is 10^7 ticks).
 */
export type SeriesBlocks = (from: number, to: number, out: Float64Array) => void;

/** Sample mean, sum of squared deviations Σ(x − mean)² and autocorrelations ρ_1..ρ_lags of a series. */
export interface SeriesMoments {
  mean: number;
  sumSqDev: number;
  acf: Float64Array;
}

/** Values per block when a series comes as SeriesBlocks. */
const BLOCK = 1 << 14;

/**
 * seriesMoments of n values given as an array or block by block: the same numbers either way (every
 * sum runs over t in increasing order, carried from block to block). The autocorrelations are around
 * the sample mean, each over the full-sample variance (Box, Jenkins & Reinsel 2008, eq. 2.1.12).
 */
export function seriesMoments(x: Float64Array | SeriesBlocks, n: number, lags: number): SeriesMoments {
  const sums = new Float64Array(lags);
  let s = 0;
  let c0 = 0;
  if (typeof x !== 'function') {
    s = sumFrom(x, 0, 0, n, 0);
    const m = s / n;
    c0 = sqDevFrom(x, 0, 0, n, m, 0);
    lagSums(x, 0, 0, n, m, sums);
    return { mean: m, sumSqDev: c0, acf: sums.map((v) => v / c0) };
  }
  const buf = new Float64Array(BLOCK + lags);
  for (let b0 = 0; b0 < n; b0 += BLOCK) {
    const b1 = Math.min(n, b0 + BLOCK);
    x(b0, b1, buf);
    s = sumFrom(buf, b0, b0, b1, s);
  }
  const m = s / n;
  // Each block with the `lags` values before it, so every lagged product of its ticks is in the buffer.
  for (let b0 = 0; b0 < n; b0 += BLOCK) {
    const b1 = Math.min(n, b0 + BLOCK);
    const base = Math.max(0, b0 - lags);
    x(base, b1, buf);
    c0 = sqDevFrom(buf, base, b0, b1, m, c0);
    lagSums(buf, base, b0, b1, m, sums);
  }
  return { mean: m, sumSqDev: c0, acf: sums.map((v) => v / c0) };
}

/** Sample autocorrelations ρ_1..ρ_lags of x (seriesMoments). */
export function autocorrelations(x: Float64Array, lags: number): Float64Array {
  return seriesMoments(x, x.length, lags).acf;
}

// The kernels read x_t at buf[t − base] for t in [from, to) and carry their sums in and out.

function sumFrom(buf: Float64Array, base: number, from: number, to: number, acc: number): number {
  for (let t = from; t < to; t++) acc += buf[t - base];
  return acc;
}

function sqDevFrom(buf: Float64Array, base: number, from: number, to: number, m: number, acc: number): number {
  // The deviations are recomputed, not stored: same products, no n-length copy.
  for (let t = from; t < to; t++) { const d = buf[t - base] - m; acc += d * d; }
  return acc;
}

/** Adds Σ_t (x_t − m)(x_{t−k} − m) over t in [from, to), t ≥ k, to sums[k − 1] for every lag k. */
function lagSums(buf: Float64Array, base: number, from: number, to: number, m: number, sums: Float64Array): void {
  const lags = sums.length;
  // Four lags per pass, each summed over t in the same order as one lag per pass (so the same
  // numbers): four independent sums keep the adder busy where one sum waits on itself.
  let k = 1;
  for (; k + 3 <= lags; k += 4) {
    let s0 = sums[k - 1], s1 = sums[k], s2 = sums[k + 1], s3 = sums[k + 2];
    const head = Math.min(k + 3, to);
    for (let t = Math.max(from, k); t < head; t++) {
      const d = buf[t - base] - m;
      s0 += d * (buf[t - k - base] - m);
      if (t >= k + 1) s1 += d * (buf[t - k - 1 - base] - m);
      if (t >= k + 2) s2 += d * (buf[t - k - 2 - base] - m);
    }
    for (let t = Math.max(from, k + 3); t < to; t++) {
      const d = buf[t - base] - m;
      s0 += d * (buf[t - k - base] - m);
      s1 += d * (buf[t - k - 1 - base] - m);
      s2 += d * (buf[t - k - 2 - base] - m);
      s3 += d * (buf[t - k - 3 - base] - m);
    }
    sums[k - 1] = s0; sums[k] = s1; sums[k + 1] = s2; sums[k + 2] = s3;
  }
  for (; k <= lags; k++) {
    let acc = sums[k - 1];
    for (let t = Math.max(from, k); t < to; t++) acc += (buf[t - base] - m) * (buf[t - k - base] - m);
    sums[k - 1] = acc;
  }
}

/** ±1.96/√n: the 95 % band of a sample autocorrelation of n points of white noise (Bartlett 1946); NaN for n < 1. */
export function acfWhiteNoiseBand(n: number): number {
  return n > 0 ? 1.96 / Math.sqrt(n) : Number.NaN;
}

/** The Ljung-Box verdict at level alpha: white (no autocorrelation detected) when p ≥ alpha. */
export function isWhiteAt(pValue: number, alpha = 0.05): boolean {
  return pValue >= alpha;
}

/**
 * Ljung-Box whiteness test: Q = n(n+2)·Σ_{k=1..lags} ρ_k²/(n−k), χ² with lags − modelDof degrees of
 * freedom under the null of no autocorrelation (Ljung & Box 1978, eq. 2.1).
 */
export function ljungBox(x: Float64Array, lags: number, modelDof = 0): LjungBoxResult {
  checkSeries('x', x, 2);
  const n = x.length;
  integerIn('lags', lags, 1, n - 1);
  integerIn('modelDof', modelDof, 0, lags - 1);
  return ljungBoxOf(autocorrelations(x, lags), n, modelDof);
}

/** ljungBox from autocorrelations ρ_1..ρ_lags already computed over n points (same Q and p-value). */
export function ljungBoxOf(rho: Float64Array, n: number, modelDof = 0): LjungBoxResult {
  const lags = rho.length;
  if (rho.some((r) => Number.isNaN(r))) throw new ParamError('x', 'a series that varies (it is constant)', 'a constant series');
  let s = 0;
  for (let k = 1; k <= lags; k++) s += (rho[k - 1] * rho[k - 1]) / (n - k);
  const q = n * (n + 2) * s;
  return { q, pValue: chiSquareSf(q, lags - modelDof) };
}
