import { ParamError } from '../util/validate';

/**
 * Regularised incomplete gamma functions P(a, x) and Q(a, x) = 1 − P(a, x), and the chi-square tail.
 * Series for x < a + 1 and a Lentz continued fraction otherwise (Press et al., Numerical Recipes 3rd ed.,
 * §6.2, eqs. 6.2.5 and 6.2.7; Lentz's method §5.2), with ln Γ from the Stirling series.
 */

const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);
const EPS = 1e-16;
const MAX_ITER = 10_000;

/** ln Γ(a) for a > 0: Stirling series with terms to a^−13 (Abramowitz & Stegun 6.1.41) after shifting a to ≥ 15. */
export function logGamma(a: number): number {
  if (!(a > 0) || !Number.isFinite(a)) throw new ParamError('a', 'a finite number greater than 0', a);
  let shift = 0;
  let prod = 1;
  while (a < 15) {
    prod *= a;
    a += 1;
    shift++;
    if (prod > 1e280) { throw new ParamError('a', 'not so small that Γ(a) overflows', a); }
  }
  const ia = 1 / a;
  const ia2 = ia * ia;
  // Bernoulli terms B_2k / (2k(2k−1) a^(2k−1)), k = 1..7.
  const series = ia * (1 / 12 + ia2 * (-1 / 360 + ia2 * (1 / 1260 + ia2 * (-1 / 1680 + ia2 * (1 / 1188 + ia2 * (-691 / 360360 + ia2 * (1 / 156)))))));
  const lg = (a - 0.5) * Math.log(a) - a + HALF_LOG_2PI + series;
  return shift === 0 ? lg : lg - Math.log(prod);
}

/** x^a·e^(−x)/Γ(a), computed in log space. */
function prefactor(a: number, x: number): number {
  return Math.exp(a * Math.log(x) - x - logGamma(a));
}

/** P(a, x) by the series γ(a,x)/Γ(a) = e^(−x) x^a Σ x^n / (a(a+1)…(a+n)) (NR eq. 6.2.5). */
function seriesP(a: number, x: number): number {
  let ap = a;
  let term = 1 / a;
  let sum = term;
  for (let n = 0; n < MAX_ITER; n++) {
    ap += 1;
    term *= x / ap;
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * EPS) break;
  }
  return sum * prefactor(a, x);
}

/** Q(a, x) by the continued fraction for Γ(a,x) (NR eq. 6.2.7), evaluated with modified Lentz. */
function continuedFractionQ(a: number, x: number): number {
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITER; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return h * prefactor(a, x);
}

function check(a: number, x: number): void {
  if (!(a > 0) || !Number.isFinite(a)) throw new ParamError('a', 'a finite number greater than 0', a);
  if (!(x >= 0) || Number.isNaN(x)) throw new ParamError('x', 'a number ≥ 0', x);
}

/** Regularised lower incomplete gamma P(a, x). */
export function regularizedGammaP(a: number, x: number): number {
  check(a, x);
  if (x === 0) return 0;
  if (x === Infinity) return 1;
  return x < a + 1 ? seriesP(a, x) : 1 - continuedFractionQ(a, x);
}

/** Regularised upper incomplete gamma Q(a, x) = Γ(a, x)/Γ(a). */
export function regularizedGammaQ(a: number, x: number): number {
  check(a, x);
  if (x === 0) return 1;
  if (x === Infinity) return 0;
  return x < a + 1 ? 1 - seriesP(a, x) : continuedFractionQ(a, x);
}

/** Upper tail P(χ²_dof > x) = Q(dof/2, x/2). */
export function chiSquareSf(x: number, dof: number): number {
  if (!(dof > 0) || !Number.isFinite(dof)) throw new ParamError('dof', 'a finite number greater than 0', dof);
  if (Number.isNaN(x)) throw new ParamError('x', 'a number', x);
  if (x <= 0) return 1;
  return regularizedGammaQ(dof / 2, x / 2);
}
