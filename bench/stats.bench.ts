import { createRng, pbo, sharpeConfidence } from '../src/engine';
import { medianMs, type BenchFigure } from './harness';

/**
 * Cost of the issue-14 statistics where the lab pays them: the Sharpe interval inside every run's
 * metrics (a few to a few thousand buckets) and the PBO of a 5 × 5 grid (35 buckets on the default
 * sample, S = 16: 12 870 splits).
 */
export default async function bench(): Promise<BenchFigure[]> {
  const rng = createRng(1);
  const series = (n: number) => Float64Array.from({ length: n }, () => rng.normal() + 0.05);
  const figs: BenchFigure[] = [];
  for (const n of [6, 180, 2000, 20_000]) {
    const x = series(n);
    figs.push({ name: `sharpeConfidence, ${n} buckets (1000 resamples or fewer)`, value: `${medianMs(() => sharpeConfidence(x), n > 5000 ? 5 : 11, 2).toFixed(2)} ms` });
  }
  const cols = Array.from({ length: 25 }, () => series(35));
  figs.push({ name: 'pbo, 25 cells × 35 buckets, S = 16', value: `${medianMs(() => pbo(cols, { splits: 16 }), 7, 2).toFixed(1)} ms` });
  const big = Array.from({ length: 100 }, () => series(1000));
  figs.push({ name: 'pbo, 100 cells × 1000 buckets, S = 16', value: `${medianMs(() => pbo(big, { splits: 16 }), 5, 1).toFixed(1)} ms` });
  return figs;
}
