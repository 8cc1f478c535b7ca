import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { StagedMount } from '../../components/ui/StagedMount';
import { ChartFrame } from '../../components/ui/ChartFrame';
import type { KalmanView } from '../../workers/lab-view';
import { fmtSecTick, fmtTick, fmtTip } from './format';
import { acfBand, acfRows, kalmanRows } from './kalman-rows';

const MARGIN = { top: 8, right: 16, bottom: 22, left: 8 };
const xTime = { value: 'time from start (s)', position: 'insideBottom', offset: -12 } as const;
const tLabel = (t: unknown) => `t = ${fmtTip(t)} s`;

/** Raw vs filtered mid, the gain with K∞, innovations and their autocorrelation with the white-noise band. */
export function KalmanCharts({ view, nTicks }: { view: KalmanView; nTicks: number }) {
  const rows = useMemo(() => kalmanRows(view), [view]);
  const acf = useMemo(() => acfRows(view), [view]);
  const band = acfBand(nTicks);
  const series = () => ({ time: view.time, raw: view.raw, filtered: view.filtered, gain: view.gain, innovation: view.innovation });
  return (
    <div className="lab-grid">
      <ChartFrame title="Raw vs filtered mid (price)" name="kalman-mid" csv={series} testId="kalman-mid-chart">
        <StagedMount version={rows} height={240}><ResponsiveContainer width="100%" height={240} minWidth={200}>
          <LineChart data={rows} margin={MARGIN}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="t" type="number" domain={['dataMin', 'dataMax']} tickFormatter={fmtSecTick} label={xTime} />
            <YAxis width={64} domain={['auto', 'auto']} tickFormatter={fmtTick} label={{ value: 'price', angle: -90, position: 'insideLeft' }} />
            <Tooltip formatter={fmtTip} labelFormatter={tLabel} />
            <Legend verticalAlign="top" height={24} />
            <Line dataKey="filtered" name="Kalman filtered" stroke="#2457c5" strokeWidth={3} strokeOpacity={0.6} dot={false} isAnimationActive={false} />
            <Line dataKey="raw" name="raw mid" stroke="#1c2430" strokeWidth={1} dot={false} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer></StagedMount>
      </ChartFrame>
      <ChartFrame title="Kalman gain K over time" name="kalman-gain" csv={() => ({ time: view.time, gain: view.gain })} testId="kalman-gain-chart">
        <StagedMount version={rows} height={240}><ResponsiveContainer width="100%" height={240} minWidth={200}>
          <LineChart data={rows} margin={MARGIN}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="t" type="number" domain={['dataMin', 'dataMax']} tickFormatter={fmtSecTick} label={xTime} />
            <YAxis width={64} domain={[0, 1]} tickFormatter={fmtTick} label={{ value: 'gain K', angle: -90, position: 'insideLeft' }} />
            <Tooltip formatter={fmtTip} labelFormatter={tLabel} />
            <Legend verticalAlign="top" height={24} />
            <Line dataKey="gain" name="gain K" stroke="#c39bd3" strokeWidth={4} dot={false} isAnimationActive={false} />
            <ReferenceLine y={view.steadyStateGain} stroke="#14213d" strokeDasharray="6 3" label={{ value: `K∞ = ${fmtTip(view.steadyStateGain)}`, position: 'insideBottomRight' }} />
          </LineChart>
        </ResponsiveContainer></StagedMount>
      </ChartFrame>
      <ChartFrame title="Innovations y − prediction (price)" name="kalman-innovations" csv={() => ({ time: view.time, innovation: view.innovation })} testId="kalman-innovation-chart">
        <StagedMount version={rows} height={240}><ResponsiveContainer width="100%" height={240} minWidth={200}>
          <LineChart data={rows} margin={MARGIN}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="t" type="number" domain={['dataMin', 'dataMax']} tickFormatter={fmtSecTick} label={xTime} />
            <YAxis width={64} tickFormatter={fmtTick} label={{ value: 'price', angle: -90, position: 'insideLeft' }} />
            <Tooltip formatter={fmtTip} labelFormatter={tLabel} />
            <ReferenceLine y={0} stroke="#888" />
            <Line dataKey="innovation" name="innovation" stroke="#1e874b" dot={false} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer></StagedMount>
      </ChartFrame>
      <ChartFrame title={`Innovation autocorrelation, lags 1–${view.lags} (band ±1.96/√n)`} name="kalman-acf" csv={() => ({ lag: acf.map((a) => a.lag), acf: view.acf })} testId="kalman-acf-chart">
        <StagedMount version={acf} height={240}><ResponsiveContainer width="100%" height={240} minWidth={200}>
          <BarChart data={acf} margin={MARGIN}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="lag" label={{ value: 'lag (ticks)', position: 'insideBottom', offset: -12 }} />
            <YAxis width={64} tickFormatter={fmtTick} label={{ value: 'ρ', angle: -90, position: 'insideLeft' }} />
            <Tooltip formatter={fmtTip} labelFormatter={(l) => `lag ${String(l)}`} />
            <ReferenceLine y={0} stroke="#888" />
            {Number.isFinite(band) ? <ReferenceLine y={band} stroke="#b83227" strokeDasharray="4 2" /> : null}
            {Number.isFinite(band) ? <ReferenceLine y={-band} stroke="#b83227" strokeDasharray="4 2" /> : null}
            <Bar dataKey="acf" name="autocorrelation" fill="#2457c5" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer></StagedMount>
      </ChartFrame>
    </div>
  );
}
