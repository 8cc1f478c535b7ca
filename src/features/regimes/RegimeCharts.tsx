import { useMemo } from 'react';
import { Area, AreaChart, Bar, BarChart, CartesianGrid, Cell, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { StagedMount } from '../../components/ui/StagedMount';
import { ChartFrame } from '../../components/ui/ChartFrame';
import type { RegimeRow, RegimeView, RunSeriesView } from '../../workers/lab-view';
import { fmtSecTick, fmtTick, fmtTip } from '../kalman/format';
import { NO_REGIME_COLOUR, posteriorRows, priceByStateRows, regimeColour, spreadByRegimeRows } from './regime-rows';

const MARGIN = { top: 8, right: 16, bottom: 22, left: 8 };
const xTime = { value: 'time from start (s)', position: 'insideBottom', offset: -12 } as const;
const tLabel = (t: unknown) => `t = ${fmtTip(t)} s`;

function stateLines(K: number, names: string[]) {
  return Array.from({ length: K }, (_, k) => (
    <Line key={k} dataKey={`s${k}`} name={names[k]} stroke={regimeColour(names[k], k)} dot={false} connectNulls={false} isAnimationActive={false} />
  ));
}

/** Price by Viterbi state, stacked posteriors, δ* and PnL share per regime, and the quoted spread by the strategy's regime. */
export function RegimeCharts({ view, rows, series, strategyLabels }: { view: RegimeView; rows: readonly RegimeRow[]; series: RunSeriesView | null; strategyLabels: string[] }) {
  const K = view.nStates;
  const names = useMemo(() => Array.from({ length: K }, (_, k) => view.rows.find((r) => r.state === k)?.label ?? view.labels[k] ?? `state ${k}`), [view, K]);
  const price = useMemo(() => priceByStateRows(view), [view]);
  const post = useMemo(() => posteriorRows(view), [view]);
  // The strategy numbers its own regimes (summary.regimeShares, possibly another K); without them, the display model's.
  const spreadNames = strategyLabels.length > 0 ? strategyLabels : names;
  const Ks = spreadNames.length;
  const spread = useMemo(() => (series ? spreadByRegimeRows(series, Ks) : []), [series, Ks]);
  const hasNone = spread.some((r) => r.none != null);
  const bars = useMemo(() => rows.map((r) => ({ state: r.state, label: r.label, halfSpreadBps: r.halfSpreadBps, pnlSharePct: Number.isFinite(r.pnlShare) ? r.pnlShare * 100 : null })), [rows]);
  const anyPnlShare = bars.some((b) => b.pnlSharePct !== null);
  const postCsv = () => {
    const cols: Record<string, ArrayLike<number>> = { time: view.time };
    for (let k = 0; k < K; k++) cols[`p_${names[k]}`] = Float64Array.from(view.time, (_, i) => view.post[i * K + k]);
    return cols;
  };
  return (
    <div className="lab-grid">
      <ChartFrame title="Mid price coloured by Viterbi regime" name="regime-price" csv={() => ({ time: view.time, price: view.price, state: view.state })} testId="regime-price-chart">
        <StagedMount version={price} height={240}><ResponsiveContainer width="100%" height={240} minWidth={200}>
          <LineChart data={price} margin={MARGIN}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="t" type="number" domain={['dataMin', 'dataMax']} tickFormatter={fmtSecTick} label={xTime} />
            <YAxis width={64} domain={['auto', 'auto']} tickFormatter={fmtTick} label={{ value: 'price', angle: -90, position: 'insideLeft' }} />
            <Tooltip formatter={fmtTip} labelFormatter={tLabel} />
            <Legend verticalAlign="top" height={24} />
            {stateLines(K, names)}
          </LineChart>
        </ResponsiveContainer></StagedMount>
      </ChartFrame>
      <ChartFrame title="Posterior regime probabilities (stacked)" name="regime-posteriors" csv={postCsv} testId="regime-posterior-chart">
        <StagedMount version={post} height={240}><ResponsiveContainer width="100%" height={240} minWidth={200}>
          <AreaChart data={post} margin={MARGIN}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="t" type="number" domain={['dataMin', 'dataMax']} tickFormatter={fmtSecTick} label={xTime} />
            <YAxis width={64} domain={[0, 1]} tickFormatter={fmtTick} label={{ value: 'probability', angle: -90, position: 'insideLeft' }} />
            <Tooltip formatter={fmtTip} labelFormatter={tLabel} />
            <Legend verticalAlign="top" height={24} />
            {Array.from({ length: K }, (_, k) => (
              <Area key={k} dataKey={`p${k}`} name={names[k]} stackId="post" type="linear" stroke={regimeColour(names[k], k)} fill={regimeColour(names[k], k)} fillOpacity={0.55} isAnimationActive={false} />
            ))}
          </AreaChart>
        </ResponsiveContainer></StagedMount>
      </ChartFrame>
      <ChartFrame title="Optimal AS half-spread δ* by regime (bps)" name="regime-half-spread" csv={() => ({ state: bars.map((b) => b.state), halfSpreadBps: bars.map((b) => b.halfSpreadBps) })} testId="regime-delta-chart">
        <StagedMount version={bars} height={220}><ResponsiveContainer width="100%" height={220} minWidth={200}>
          <BarChart data={bars} margin={MARGIN}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="label" label={{ value: 'regime', position: 'insideBottom', offset: -12 }} />
            <YAxis width={64} tickFormatter={fmtTick} label={{ value: 'δ* (bps)', angle: -90, position: 'insideLeft' }} />
            <Tooltip formatter={fmtTip} />
            <Bar dataKey="halfSpreadBps" name="δ* (bps)" isAnimationActive={false}>
              {bars.map((b) => <Cell key={b.state} fill={regimeColour(b.label, b.state)} />)}
            </Bar>
          </BarChart>
        </ResponsiveContainer></StagedMount>
      </ChartFrame>
      <ChartFrame title="PnL share by regime (%)" name="regime-pnl-share" csv={() => ({ state: bars.map((b) => b.state), pnlSharePct: bars.map((b) => b.pnlSharePct ?? Number.NaN) })} testId="regime-pnl-chart">
        {anyPnlShare ? (
          <StagedMount version={bars} height={220}><ResponsiveContainer width="100%" height={220} minWidth={200}>
            <BarChart data={bars} margin={MARGIN}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="label" label={{ value: 'regime', position: 'insideBottom', offset: -12 }} />
              <YAxis width={64} tickFormatter={fmtTick} label={{ value: '%', angle: -90, position: 'insideLeft' }} />
              <Tooltip formatter={fmtTip} />
              <ReferenceLine y={0} stroke="#888" />
              <Bar dataKey="pnlSharePct" name="PnL share (%)" isAnimationActive={false}>
                {bars.map((b) => <Cell key={b.state} fill={regimeColour(b.label, b.state)} />)}
              </Bar>
            </BarChart>
          </ResponsiveContainer></StagedMount>
        ) : (
          <p className="muted" data-testid="regime-pnl-none">No PnL by regime: the strategy does not switch on regimes (choose “AS + Kalman + HMM regimes”), or the net PnL is zero.</p>
        )}
      </ChartFrame>
      <ChartFrame title="Quoted half-spread (ask − bid)/2 by the strategy's regime (bps)" name="regime-spread-path" testId="regime-spread-chart">
        {spread.length > 0 ? (
          <StagedMount version={spread} height={240}><ResponsiveContainer width="100%" height={240} minWidth={200}>
            <LineChart data={spread} margin={MARGIN}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="t" type="number" domain={[0, 'dataMax']} tickFormatter={fmtSecTick} label={xTime} />
              <YAxis width={64} domain={['auto', 'auto']} tickFormatter={fmtTick} label={{ value: 'bps', angle: -90, position: 'insideLeft' }} />
              <Tooltip formatter={fmtTip} labelFormatter={tLabel} />
              <Legend verticalAlign="top" height={24} />
              {stateLines(Ks, spreadNames)}
              {hasNone ? <Line dataKey="none" name="no regime (strategy without regimes)" stroke={NO_REGIME_COLOUR} dot={false} isAnimationActive={false} /> : null}
            </LineChart>
          </ResponsiveContainer></StagedMount>
        ) : (
          <p className="muted">No quotes yet.</p>
        )}
      </ChartFrame>
    </div>
  );
}
