/**
 * Typed access to tests/fixtures/statsmodels/reference.json, made by
 * `/usr/bin/python3 tests/fixtures/statsmodels/make_fixtures.py` (Debian python3-statsmodels 0.13.5,
 * scipy 1.10.1, numpy 1.24.2). See that script for how each value was computed.
 */
import raw from '../../fixtures/statsmodels/reference.json';

export interface KalmanCase {
  name: string;
  params: Record<string, number>;
  y: number[];
  mean: number[];
  variance: number[];
  innovation: number[];
  innovationVar: number[];
  gain: number[];
  logLik: number;
}

export interface Reference {
  kalman: KalmanCase[];
  localLevelFit: { name: string; y: number[]; q: number; r: number; llf: number; llfAt: { q: number; r: number; llf: number }[] }[];
  ouFit: { x: number[]; dt: number; phi: number; kappa: number; mu: number; sigma: number; halfLife: number };
  ljungBox: { name: string; x: number[]; lags: number; modelDof: number; q: number; pValue: number }[];
  gamma: { a: number; x: number; Q: number; P: number }[];
  hmm: { name: string; x: number[]; means: number[]; variances: number[]; trans: number[]; init: number[]; logLik: number; logLikDirect: number; smoothed: number[]; filtered: number[] }[];
}

export const ref = raw as unknown as Reference;

/** |a − b| ≤ tol·max(|b|, floor): relative agreement, absolute near zero. */
export function relClose(a: number, b: number, tol: number, floor = 1e-300): boolean {
  return Math.abs(a - b) <= tol * Math.max(Math.abs(b), floor);
}

/** Largest relative difference between two arrays (absolute where the reference is below `floor`). */
export function maxRelDiff(a: ArrayLike<number>, b: ArrayLike<number>, floor = 1e-300): number {
  if (a.length !== b.length) return Infinity;
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]) / Math.max(Math.abs(b[i]), floor));
  return m;
}
