import { useMemo } from 'react';
import { ChartFrame } from '../../components/ui/ChartFrame';
import type { MarkoutPoint } from '../../stores/lab-store';
import { fmtDuration, fmtTip } from '../../lib/format';
import { finiteExtent, valueAxis } from '../../lib/value-axis';
import { LineChart, type LineSeries } from '../../components/ui/charts/LineChart';
import { markoutColumns } from './markout-columns';

const fmtValue = (v: number) => fmtTip(v);

/** Mean markout (bps, negative = adverse) against the horizon (log axis), per side, with ± one standard error. */
export function MarkoutChart({ points }: { points: MarkoutPoint[] }) {
  const cols = useMemo(() => markoutColumns(points), [points]);
  const series = useMemo((): LineSeries[] => [
    { y: cols.buy.mean, err: cols.buy.stderr, name: 'our buys', color: '#1b7f3b', points: true },
    { y: cols.sell.mean, err: cols.sell.stderr, name: 'our sells', color: '#b3261e', points: true },
    { y: cols.all.mean, name: 'all', color: '#444', dash: '4 2', points: true },
  ], [cols]);
  const h = cols.horizons;
  const xAxis = useMemo(() => ({ domain: [h.length > 0 ? h[0] : 1, h.length > 0 ? h[h.length - 1] : 10] as [number, number], ticks: Array.from(h), format: fmtDuration, title: 'horizon after the fill (log scale)' }), [h]);
  // Round ticks with one number of decimals, a real minus sign and room for the widest label (lib/value-axis); the error bars fit.
  const yAxis = useMemo(() => valueAxis(finiteExtent([points.map((p) => (p.count > 0 ? p.meanBps - p.stderrBps : NaN)), points.map((p) => (p.count > 0 ? p.meanBps + p.stderrBps : NaN))], [0]), { title: true }), [points]);
  const csv = () => ({
    horizonSec: points.map((p) => p.horizonSec), side: points.map((p) => (p.side === 'buy' ? 1 : p.side === 'sell' ? -1 : 0)),
    meanBps: points.map((p) => p.meanBps), stderrBps: points.map((p) => p.stderrBps), count: points.map((p) => p.count),
  });
  return (
    <ChartFrame title="Markouts: mean mid move after our fills (bps, ± 1 s.e.)" name="markouts" csv={csv} testId="markout-chart" version={points}>
      <LineChart x={h} series={series} xLog legend height={240} xAxis={xAxis} xTip={(v) => `horizon ${fmtDuration(v)}`} yAxis={yAxis} yTitle="bps" yTip={fmtValue}
        label="Mean markout after our buys, our sells and all fills against the horizon after the fill (log scale), basis points, with one standard error" />
    </ChartFrame>
  );
}
