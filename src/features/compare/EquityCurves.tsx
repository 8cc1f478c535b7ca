import { useMemo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { StagedMount } from '../../components/ui/StagedMount';
import { ChartFrame } from '../../components/ui/ChartFrame';
import type { CompareRow } from '../../stores/lab-store';
import { fmtSecTick, fmtTick, fmtTip } from '../../lib/format';
import { equityCsv, equityLines, STRATEGY_COLOURS, strategyLabel } from './compare-rows';

/** Every strategy's cumulative PnL on one chart; each curve keeps its own time sampling (numeric x axis). */
export function EquityCurves({ ranked }: { ranked: readonly CompareRow[] }) {
  const lines = useMemo(() => equityLines(ranked), [ranked]);
  return (
    <ChartFrame title="Cumulative PnL by strategy (quote ccy)" name="compare-equity" csv={() => equityCsv(ranked)} testId="compare-equity-chart">
      <StagedMount version={lines} height={280}><ResponsiveContainer width="100%" height={280} minWidth={200}>
        <LineChart margin={{ top: 8, right: 16, bottom: 22, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="t" type="number" domain={['dataMin', 'dataMax']} allowDuplicatedCategory={false} tickFormatter={fmtSecTick} label={{ value: 'time from start (s)', position: 'insideBottom', offset: -12 }} />
          <YAxis width={64} tickFormatter={fmtTick} label={{ value: 'PnL', angle: -90, position: 'insideLeft' }} />
          <Tooltip formatter={fmtTip} labelFormatter={(t) => `t = ${fmtTip(t)} s`} />
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
