import { ParamError, integerIn } from '../util/validate';

export interface LoSharpeSe {
  /** √((1 + SR²/2)/T): the standard error under iid returns (Lo 2002, eq. 9). */
  iid: number;
  /** The GMM standard error with a Newey–West (1987) covariance of the moments (Lo 2002, eq. 13 and appendix A.3): allows serial correlation and fat tails. */
  hac: number;
  /** Lags of the Bartlett-weighted covariance. */
  lags: number;
}

/** Newey & West (1994) rule of thumb for the Bartlett kernel: ⌊4 (T/100)^{2/9}⌋. */
export function neweyWestLags(T: number): number {
  return Math.floor(4 * (T / 100) ** (2 / 9));
}

/**
 * Standard errors of the per-observation Sharpe ratio μ̂/σ̂ (Lo 2002, "The Statistics of Sharpe
 * Ratios"). The HAC version is the delta method on θ = (μ, σ²) with ∂SR/∂θ = (1/σ, −μ/(2σ³)) and
 * Σ̂ the Bartlett-weighted long-run covariance of ψ_t = (r_t − μ, (r_t − μ)² − σ²). NaN for a constant series.
 */
export function loSharpeSe(x: ArrayLike<number>, lags?: number): LoSharpeSe {
  const T = x.length;
  if (T < 3) throw new ParamError('series length', 'at least 3 observations', T);
  const L = lags === undefined ? neweyWestLags(T) : integerIn('lags', lags, 0, T - 1);
  let s = 0;
  for (let i = 0; i < T; i++) s += x[i];
  const mu = s / T;
  let ss = 0;
  for (let i = 0; i < T; i++) ss += (x[i] - mu) ** 2;
  const v = ss / T; // the GMM estimate of σ² (divisor T)
  const sd = Math.sqrt(ss / (T - 1));
  if (!(v > 0)) return { iid: NaN, hac: NaN, lags: L };
  const sr = mu / sd;
  const iid = Math.sqrt((1 + 0.5 * sr * sr) / T);
  // ψ columns a_t = r_t − μ, b_t = a_t² − σ².
  const a = new Float64Array(T), b = new Float64Array(T);
  for (let i = 0; i < T; i++) { a[i] = x[i] - mu; b[i] = a[i] * a[i] - v; }
  let saa = 0, sab = 0, sbb = 0;
  for (let j = 0; j <= L; j++) {
    const w = j === 0 ? 1 : 1 - j / (L + 1);
    let gaa = 0, gab = 0, gba = 0, gbb = 0;
    for (let t = j; t < T; t++) {
      gaa += a[t] * a[t - j]; gab += a[t] * b[t - j]; gba += b[t] * a[t - j]; gbb += b[t] * b[t - j];
    }
    gaa /= T; gab /= T; gba /= T; gbb /= T;
    if (j === 0) { saa += gaa; sab += gab; sbb += gbb; } else { saa += 2 * w * gaa; sab += w * (gab + gba); sbb += 2 * w * gbb; }
  }
  const sig = Math.sqrt(v);
  const g1 = 1 / sig, g2 = -mu / (2 * sig * sig * sig);
  const varSr = (g1 * g1 * saa + 2 * g1 * g2 * sab + g2 * g2 * sbb) / T;
  return { iid, hac: varSr > 0 ? Math.sqrt(varSr) : NaN, lags: L };
}
