/**
 * e^x for x ≤ 0 to about 1 ulp (max relative error measured 4.4e-16), several times cheaper than
 * Math.exp inside the K = 3 E-step, where the emission exponentials are most of the cost.
 * Table-driven method of Tang (1989, ACM TOMS 15(2), "Table-driven implementation of the exponential
 * function"): x = (2048m + j)·ln2/2048 + r with |r| ≤ ln2/4096, e^x = 2^m · 2^(j/2048) · e^r, e^r by
 * its degree-3 Taylor polynomial (truncation r⁴/24 < 3.5e-17). ln2/2048 is split into a high part
 * with trailing zero bits and a low part (fdlibm's ln2_hi/ln2_lo), so k·ln2/2048 is subtracted
 * without rounding error. Returns 0 below −745 (where e^x underflows anyway) and for NaN; x above
 * ln2/4096 is outside its domain.
 *
 * expNonPositiveFast does the reduction r = x − k·ln2/2048 in one multiply-subtract (ln2/2048 rounded
 * to a double) instead of fdlibm's two-part split: the rounding of k·ln2/2048 then adds up to about
 * 2.2e-16·|x| to the relative error (so ≈ 1e-15 + 2.2e-16·|x| in all, 1.7e-13 at −745), which is
 * below anything the EM E-step can see. Two operations fewer per call; used by forwardK3Em only, the
 * log-likelihood of a model (hmmLogLik, forwardK3) keeps the ≈ 1 ulp expNonPositive.
 *
 * Both are closures whose tables and constants are constants of the closure, not module-level
 * bindings: an unminified Vite/esbuild bundle (bench/bundle-engine.ts) turns a module's top-level
 * const into var, which V8 reloads at every use, while a closure's const it compiles into the caller
 * that inlines the function. The K = 3 forward pass on the bench series in that bundle: 13.2 µs with
 * the tables at module level, 10.4 µs as closure constants (9.8 with module-level const, as tsx and
 * the app's minified bundles keep them).
 */
function expFunctions(): { expNonPositive: (x: number) => number; expNonPositiveFast: (x: number) => number } {
  const BITS = 11;
  const N = 1 << BITS;
  const POW2_FRAC = new Float64Array(N);
  for (let j = 0; j < N; j++) POW2_FRAC[j] = Math.pow(2, j / N);
  /** POW2_NEG[m] = 2^(−m), exact for m ≤ 1074 (subnormals included). */
  const POW2_NEG = new Float64Array(1100);
  for (let m = 0; m < POW2_NEG.length; m++) POW2_NEG[m] = Math.pow(2, -m);
  const INV_STEP = N / Math.LN2;
  /** 1.5·2^52: adding and subtracting it rounds a double of magnitude < 2^51 to the nearest integer. */
  const ROUND = 6755399441055744;
  const STEP_HI = 6.93147180369123816490e-1 / N;
  const STEP_LO = 1.90821492927058770002e-10 / N;
  const STEP = Math.LN2 / N;

  function expNonPositive(x: number): number {
    if (!(x > -745)) return 0;
    const kf = x * INV_STEP + ROUND - ROUND;
    const r = x - kf * STEP_HI - kf * STEP_LO;
    const k = kf | 0;
    const p = 1 + r * (1 + r * (0.5 + r * (1 / 6)));
    return POW2_FRAC[k & (N - 1)] * p * POW2_NEG[-(k >> BITS)];
  }

  function expNonPositiveFast(x: number): number {
    if (!(x > -745)) return 0;
    const kf = x * INV_STEP + ROUND - ROUND;
    const r = x - kf * STEP;
    const k = kf | 0;
    const p = 1 + r * (1 + r * (0.5 + r * (1 / 6)));
    return POW2_FRAC[k & (N - 1)] * p * POW2_NEG[-(k >> BITS)];
  }

  return { expNonPositive, expNonPositiveFast };
}

export const { expNonPositive, expNonPositiveFast } = expFunctions();
