import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { StagedMount } from '../../components/ui/StagedMount';
import { ChartFrame } from '../../components/ui/ChartFrame';
import type { KalmanView } from '../../stores/lab-store';
import { fmtTip } from '../../lib/format';
import { elapsedAxis } from '../../lib/time-axis';
import { finiteExtent, valueAxis } from '../../lib/value-axis';
import { acfBand, acfRows, kalmanRows } from './kalman-rows';
import { cursorSeconds, useRowsUpTo } from '../../stores/replay-cursor';
import { gridAtTicks, horizontalAtTicks } from '../../components/ui/grid-lines';

const MARGIN = { top: 8, right: 16, bottom: 22, left: 8 };
const yTitle = (value: string) => ({ value, angle: -90, position: 'insideLeft', style: { textAnchor: 'middle' } }) as const;

const CURSOR = '#d35400';

/**
 * Raw vs filtered mid, the gain with K∞, innovations and their autocorrelation with the white-noise
 * band. While replaying (`replay` < 1, a share of the time span) the three time charts draw up to
 * the cursor on the whole run's time axis, and the values at the cursor are read out; the
 * autocorrelation and the cards stay whole-run diagnostics.
 */
export function KalmanCharts({ view, nTicks, replay = 1 }: { view: KalmanView; nTicks: number; replay?: number }) {
  const all = useMemo(() => kalmanRows(view), [view]);
  const rows = useRowsUpTo(all, cursorSeconds(view.time, replay));
  const acf = useMemo(() => acfRows(view), [view]);
  const band = acfBand(nTicks);
  const tEnd = all.length > 0 ? all[all.length - 1].t : 0;
  const at = replay < 1 && rows.length > 0 ? rows[rows.length - 1] : null;
  const xDomain = [0, tEnd];
  const time = elapsedAxis(view.time.length > 0 ? view.time[0] : 0, tEnd);
  const xTime = { value: time.title, position: 'insideBottom', offset: -12 } as const;
  const tLabel = (t: unknown) => time.label(Number(t));
  // Axes from the whole run (not the replay cut), so they hold still while replaying.
  const axes = useMemo(() => ({
    mid: valueAxis(finiteExtent([view.raw, view.filtered]), { title: true }),
    gain: valueAxis([0, 1], { title: true }),
    innovation: valueAxis(finiteExtent([view.innovation], [0]), { title: true }),
  }), [view]);
  const acfAxis = useMemo(() => valueAxis(finiteExtent([view.acf], Number.isFinite(band) ? [band, -band, 0] : [0]), { title: true }), [view, band]);
  const replaying = at !== null;
  // What the time charts draw: their rows, and whether the cursor line is on (it sits on the last row).
  const drawn = useMemo(() => ({ rows, replaying }), [rows, replaying]);
  const cursor = at ? <ReferenceLine className="replay-cursor" x={at.t} stroke={CURSOR} strokeDasharray="3 2" label={{ value: 'replay', position: 'insideTopRight', fill: CURSOR }} /> : null;
  const series = () => ({ time: view.time, raw: view.raw, filtered: view.filtered, gain: view.gain, innovation: view.innovation });
  return (
    <>
    {replay < 1 ? (
      <p className="replay-readout" data-testid="kalman-at-cursor" aria-live="off">
        {at ? `At the replay cursor, ${time.label(at.t)}: raw mid ${fmtTip(at.raw)}, filtered ${fmtTip(at.filtered)}, gain K ${fmtTip(at.gain)}, innovation ${fmtTip(at.innovation)} (price).` : 'The replay cursor is before the first point.'}
        {' '}The cards and the autocorrelation cover the whole run.
      </p>
    ) : null}
    <div className="lab-grid">
      <ChartFrame title="Raw vs filtered mid (price)" name="kalman-mid" csv={series} testId="kalman-mid-chart">
        <StagedMount version={drawn} height={240}><ResponsiveContainer width="100%" height={240} minWidth={200}>
          <LineChart data={rows} margin={MARGIN}>
            <CartesianGrid strokeDasharray="3 3" {...gridAtTicks} />
            <XAxis dataKey="t" type="number" domain={xDomain} allowDataOverflow ticks={time.ticks} tickFormatter={time.tickFormatter} label={xTime} />
            <YAxis width={axes.mid.width} domain={axes.mid.domain} ticks={axes.mid.ticks} tickFormatter={axes.mid.tickFormatter} label={yTitle('price')} />
            <Tooltip formatter={fmtTip} labelFormatter={tLabel} />
            <Legend verticalAlign="top" height={24} />
            <Line dataKey="filtered" name="Kalman filtered" stroke="#2457c5" strokeWidth={3} strokeOpacity={0.6} dot={false} isAnimationActive={false} />
            <Line dataKey="raw" name="raw mid" stroke="#1c2430" strokeWidth={1} dot={false} isAnimationActive={false} />
            {cursor}
          </LineChart>
        </ResponsiveContainer></StagedMount>
      </ChartFrame>
      <ChartFrame title="Kalman gain K over time" name="kalman-gain" csv={() => ({ time: view.time, gain: view.gain })} testId="kalman-gain-chart">
        <StagedMount version={drawn} height={240}><ResponsiveContainer width="100%" height={240} minWidth={200}>
          <LineChart data={rows} margin={MARGIN}>
            <CartesianGrid strokeDasharray="3 3" {...gridAtTicks} />
            <XAxis dataKey="t" type="number" domain={xDomain} allowDataOverflow ticks={time.ticks} tickFormatter={time.tickFormatter} label={xTime} />
            <YAxis width={axes.gain.width} domain={axes.gain.domain} ticks={axes.gain.ticks} tickFormatter={axes.gain.tickFormatter} label={yTitle('gain K')} />
            <Tooltip formatter={fmtTip} labelFormatter={tLabel} />
            <Legend verticalAlign="top" height={24} />
            <Line dataKey="gain" name="gain K" stroke="#c39bd3" strokeWidth={4} dot={false} isAnimationActive={false} />
            <ReferenceLine y={view.steadyStateGain} stroke="#14213d" strokeDasharray="6 3" label={{ value: `K∞ = ${fmtTip(view.steadyStateGain)}`, position: 'insideBottomRight' }} />
            {cursor}
          </LineChart>
        </ResponsiveContainer></StagedMount>
      </ChartFrame>
      <ChartFrame title="Innovations y − prediction (price)" name="kalman-innovations" csv={() => ({ time: view.time, innovation: view.innovation })} testId="kalman-innovation-chart">
        <StagedMount version={drawn} height={240}><ResponsiveContainer width="100%" height={240} minWidth={200}>
          <LineChart data={rows} margin={MARGIN}>
            <CartesianGrid strokeDasharray="3 3" {...gridAtTicks} />
            <XAxis dataKey="t" type="number" domain={xDomain} allowDataOverflow ticks={time.ticks} tickFormatter={time.tickFormatter} label={xTime} />
            <YAxis width={axes.innovation.width} domain={axes.innovation.domain} ticks={axes.innovation.ticks} tickFormatter={axes.innovation.tickFormatter} label={yTitle('price')} />
            <Tooltip formatter={fmtTip} labelFormatter={tLabel} />
            <ReferenceLine y={0} stroke="#888" />
            <Line dataKey="innovation" name="innovation" stroke="#1e874b" dot={false} isAnimationActive={false} />
            {cursor}
          </LineChart>
        </ResponsiveContainer></StagedMount>
      </ChartFrame>
      <ChartFrame title={`Innovation autocorrelation, lags 1–${view.lags} (band ±1.96/√n)`} name="kalman-acf" csv={() => ({ lag: acf.map((a) => a.lag), acf: view.acf })} testId="kalman-acf-chart">
        <StagedMount version={acf} height={240}><ResponsiveContainer width="100%" height={240} minWidth={200}>
          <BarChart data={acf} margin={MARGIN}>
            <CartesianGrid strokeDasharray="3 3" {...horizontalAtTicks} />
            <XAxis dataKey="lag" label={{ value: 'lag (ticks)', position: 'insideBottom', offset: -12 }} />
            <YAxis width={acfAxis.width} domain={acfAxis.domain} ticks={acfAxis.ticks} tickFormatter={acfAxis.tickFormatter} label={yTitle('ρ')} />
            <Tooltip formatter={fmtTip} labelFormatter={(l) => `lag ${String(l)}`} />
            <ReferenceLine y={0} stroke="#888" />
            {Number.isFinite(band) ? <ReferenceLine y={band} stroke="#b83227" strokeDasharray="4 2" /> : null}
            {Number.isFinite(band) ? <ReferenceLine y={-band} stroke="#b83227" strokeDasharray="4 2" /> : null}
            <Bar dataKey="acf" name="autocorrelation" fill="#2457c5" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer></StagedMount>
      </ChartFrame>
    </div>
    </>
  );
}
