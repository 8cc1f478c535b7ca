/**
 * Coverage of the per-bucket Sharpe intervals on few buckets (not a *.bench.ts; a check behind
 * BOOTSTRAP_MIN_OBSERVATIONS): `npx tsx bench/sharpe-coverage.ts [samples = 300]`. For n buckets of iid
 * returns with true Sharpe ratio 0.2 per bucket (normal, and Student t with 4 degrees of freedom scaled
 * to unit variance), the share of samples whose 95 % interval holds 0.2 and its mean width: the
 * stationary-bootstrap percentile interval (sharpeBootstrapInterval, 500 resamples) against the exact
 * noncentral-t one (noncentralTInterval). Seeded: the same figures every run.
 */
import { createRng, noncentralTInterval, sharpeBootstrapInterval, sharpePerObservation } from '../src/engine';

const R = Number(process.argv[2] ?? 300);
const TRUE_SR = 0.2;
const rng = createRng(11);
/** A Student t(df) draw scaled to unit variance. */
function studentT(df: number): number {
  let v = 0;
  for (let i = 0; i < df; i++) { const z = rng.normal(); v += z * z; }
  return rng.normal() / Math.sqrt(v / df) / Math.sqrt(df / (df - 2));
}
console.log('returns  buckets  bootstrap cover  width   noncentral-t cover  width');
for (const kind of ['normal', 't(4)'] as const) {
  for (const n of [6, 10, 20, 30, 60, 120]) {
    let covB = 0, covT = 0, widthB = 0, widthT = 0;
    for (let r = 0; r < R; r++) {
      const x = new Float64Array(n);
      for (let i = 0; i < n; i++) x[i] = TRUE_SR + (kind === 'normal' ? rng.normal() : studentT(4));
      const b = sharpeBootstrapInterval(x, { seed: r + 1, resamples: 500 });
      if (b.lo <= TRUE_SR && TRUE_SR <= b.hi) covB++;
      widthB += b.hi - b.lo;
      const [lo, hi] = noncentralTInterval(sharpePerObservation(x), n);
      if (lo <= TRUE_SR && TRUE_SR <= hi) covT++;
      widthT += hi - lo;
    }
    console.log(`${kind.padEnd(8)} ${String(n).padStart(7)}  ${(covB / R).toFixed(3).padStart(15)}  ${(widthB / R).toFixed(3)}   ${(covT / R).toFixed(3).padStart(18)}  ${(widthT / R).toFixed(3)}`);
  }
}
