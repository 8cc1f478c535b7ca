import type { MarkoutPoint } from '../../stores/lab-store';

/** One side's markout curve over the horizons: mean (bps, NaN where no fill was averaged) and its standard error (bps). */
export interface MarkoutSide { mean: Float64Array; stderr: Float64Array }

/**
 * The engine's markout points as columns for a chart: the horizons ascending (s) and, per side,
 * the mean and standard error at each. A point with no fills (count 0) has no mean (NaN): a gap.
 */
export function markoutColumns(points: readonly MarkoutPoint[]): { horizons: Float64Array; buy: MarkoutSide; sell: MarkoutSide; all: MarkoutSide } {
  const horizons = Float64Array.from(new Set(points.map((p) => p.horizonSec))).sort();
  const side = (): MarkoutSide => ({ mean: new Float64Array(horizons.length).fill(Number.NaN), stderr: new Float64Array(horizons.length).fill(Number.NaN) });
  const out = { horizons, buy: side(), sell: side(), all: side() };
  for (const p of points) {
    const j = horizons.indexOf(p.horizonSec);
    out[p.side].mean[j] = p.count > 0 ? p.meanBps : Number.NaN;
    out[p.side].stderr[j] = p.stderrBps;
  }
  return out;
}
