import { useMemo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { StagedMount } from '../../components/ui/StagedMount';
import { ChartFrame } from '../../components/ui/ChartFrame';
import type { CompareRow } from '../../stores/lab-store';
import { fmtPnl } from '../../lib/format';
import { elapsedAxis } from '../../lib/time-axis';
import { finiteExtent, valueAxis } from '../../lib/value-axis';
import { equityCsv, equityLines, STRATEGY_COLOURS, strategyLabel } from './compare-rows';
import { gridAtTicks } from '../../components/ui/grid-lines';

/** Every strategy's cumulative PnL on one chart; each curve keeps its own time sampling (numeric x axis). */
export function EquityCurves({ ranked }: { ranked: readonly CompareRow[] }) {
  const lines = useMemo(() => equityLines(ranked), [ranked]);
  const axes = useMemo(() => {
    let t0 = Infinity, t1 = -Infinity;
    for (const r of ranked) if (r.pnl.time.length > 0) { t0 = Math.min(t0, r.pnl.time[0]); t1 = Math.max(t1, r.pnl.time[r.pnl.time.length - 1]); }
    return {
      time: elapsedAxis(Number.isFinite(t0) ? t0 : 0, t1 > t0 ? t1 - t0 : 0),
      pnl: valueAxis(finiteExtent(ranked.map((r) => r.pnl.pnl), [0]), { title: true }),
    };
  }, [ranked]);
  return (
    <ChartFrame title="Cumulative PnL by strategy (quote ccy)" name="compare-equity" csv={() => equityCsv(ranked)} testId="compare-equity-chart">
      <StagedMount version={lines} height={280}><ResponsiveContainer width="100%" height={280} minWidth={200}>
        <LineChart margin={{ top: 8, right: 16, bottom: 22, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" {...gridAtTicks} />
          <XAxis dataKey="t" type="number" domain={['dataMin', 'dataMax']} allowDuplicatedCategory={false} ticks={axes.time.ticks} tickFormatter={axes.time.tickFormatter} label={{ value: axes.time.title, position: 'insideBottom', offset: -12 }} />
          <YAxis width={axes.pnl.width} domain={axes.pnl.domain} ticks={axes.pnl.ticks} tickFormatter={axes.pnl.tickFormatter} label={{ value: 'PnL', angle: -90, position: 'insideLeft', style: { textAnchor: 'middle' } }} />
          <Tooltip formatter={(v) => fmtPnl(Number(v))} labelFormatter={(t) => axes.time.label(Number(t))} />
          <Legend verticalAlign="top" height={36} />
          <ReferenceLine y={0} stroke="#888" />
          {lines.map((l) => (
            <Line key={l.strategy} data={l.points} dataKey="pnl" name={strategyLabel(l.strategy)} stroke={STRATEGY_COLOURS[l.strategy]} dot={false} isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer></StagedMount>
    </ChartFrame>
  );
}
