import { useMemo } from 'react';
import { ChartFrame } from '../../components/ui/ChartFrame';
import type { CompareRow } from '../../stores/lab-store';
import { fmtPnl } from '../../lib/format';
import { elapsedAxis } from '../../lib/time-axis';
import { finiteExtent, valueAxis } from '../../lib/value-axis';
import { LineChart, type LineSeries, type RefLine } from '../../components/ui/charts/LineChart';
import { equityCsv, equityLines, STRATEGY_COLOURS, strategyLabel } from './compare-rows';

const ZERO: RefLine[] = [{ y: 0, color: '#888', solid: true }];
const NO_X = new Float64Array(0);

/** Every strategy's cumulative PnL on one chart; each curve keeps its own time sampling (its own x). */
export function EquityCurves({ ranked }: { ranked: readonly CompareRow[] }) {
  const lines = useMemo(() => equityLines(ranked), [ranked]);
  const series = useMemo(() => lines.map((l): LineSeries => ({ x: l.x, y: l.pnl, name: strategyLabel(l.strategy), color: STRATEGY_COLOURS[l.strategy] })), [lines]);
  const axes = useMemo(() => {
    let t0 = Infinity, t1 = -Infinity;
    for (const r of ranked) if (r.pnl.time.length > 0) { t0 = Math.min(t0, r.pnl.time[0]); t1 = Math.max(t1, r.pnl.time[r.pnl.time.length - 1]); }
    const span = t1 > t0 ? t1 - t0 : 0;
    const time = elapsedAxis(Number.isFinite(t0) ? t0 : 0, span);
    return {
      // The data's span (the earliest first point to the latest last one), as seconds from its start.
      time: { domain: [0, span] as [number, number], ticks: time.ticks ?? valueAxis([0, span]).ticks, format: time.tickFormatter, title: time.title },
      tip: time.label,
      pnl: valueAxis(finiteExtent(ranked.map((r) => r.pnl.pnl), [0]), { title: true }),
    };
  }, [ranked]);
  // Hover reads every curve at its point nearest the pointer; the longest curve's x is the reference.
  const hoverX = useMemo(() => lines.reduce<Float64Array>((a, l) => (l.x.length > a.length ? l.x : a), NO_X), [lines]);
  return (
    <ChartFrame title="Cumulative PnL by strategy (quote ccy)" name="compare-equity" csv={() => equityCsv(ranked)} testId="compare-equity-chart" version={lines} height={280}>
      <LineChart x={hoverX} series={series} refLines={ZERO} legend height={280} xAxis={axes.time} xTip={axes.tip} yAxis={axes.pnl} yTitle="PnL (quote ccy)" yTip={fmtPnl}
        label="Cumulative PnL of each strategy over time, quote currency" />
    </ChartFrame>
  );
}
