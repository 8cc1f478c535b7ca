/** ±1.96/√n: the 95 % band of a sample autocorrelation of white noise (Bartlett 1946; Box & Jenkins). */
export function acfBand(n: number): number {
  return n > 0 ? 1.96 / Math.sqrt(n) : Number.NaN;
}

/** Ljung-Box verdict at the 5 % level: innovations of a well-specified filter are white. */
export function isWhite(pValue: number, alpha = 0.05): boolean {
  return pValue >= alpha;
}
