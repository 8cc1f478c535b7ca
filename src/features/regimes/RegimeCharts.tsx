import { useMemo } from 'react';
import { Area, AreaChart, Bar, BarChart, CartesianGrid, Cell, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { StagedMount } from '../../components/ui/StagedMount';
import { ChartFrame } from '../../components/ui/ChartFrame';
import type { RegimeRow, RegimeView, RunSeriesView } from '../../stores/lab-store';
import { fmtBps, fmtTip } from '../../lib/format';
import { elapsedAxis, replayCount as countPoints } from '../../lib/time-axis';
import { finiteExtent, valueAxis } from '../../lib/value-axis';
import { NO_REGIME_COLOUR, posteriorRows, priceByStateRows, regimeColour, spreadByRegimeRows } from './regime-rows';
import { cursorSeconds, useRowsUpTo } from '../../stores/replay-cursor';
import { gridAtTicks, horizontalAtTicks } from '../../components/ui/grid-lines';

const MARGIN = { top: 8, right: 16, bottom: 22, left: 8 };
const yTitle = (value: string) => ({ value, angle: -90, position: 'insideLeft', style: { textAnchor: 'middle' } }) as const;

/** Smallest and largest finite value of the given keys over chart rows. */
function rowsExtent(rows: ReadonlyArray<Record<string, unknown>>, keys: readonly string[], include: number[] = []): [number, number] | null {
  return finiteExtent(keys.map((k) => rows.map((r) => r[k] as number | null | undefined)), include);
}

function stateLines(K: number, names: string[]) {
  return Array.from({ length: K }, (_, k) => (
    <Line key={k} dataKey={`s${k}`} name={names[k]} stroke={regimeColour(names[k], k)} dot={false} connectNulls={false} isAnimationActive={false} />
  ));
}

const CURSOR = '#d35400';
const NO_TIME = new Float64Array(0);

/**
 * Price by Viterbi state, stacked posteriors, δ* and PnL share per regime, and the quoted spread by
 * the strategy's regime. While replaying (`replay` < 1, a share of the time span) the three time
 * charts draw up to the cursor on the whole run's time axis and the regime at the cursor is read
 * out; the bars and the table stay whole-run figures.
 */
export function RegimeCharts({ view, rows, series, strategyLabels, replay = 1 }: { view: RegimeView; rows: readonly RegimeRow[]; series: RunSeriesView | null; strategyLabels: string[]; replay?: number }) {
  const K = view.nStates;
  const names = useMemo(() => Array.from({ length: K }, (_, k) => view.rows.find((r) => r.state === k)?.label ?? view.labels[k] ?? `state ${k}`), [view, K]);
  const tView = cursorSeconds(view.time, replay);
  const priceAll = useMemo(() => priceByStateRows(view), [view]);
  const price = useRowsUpTo(priceAll, tView);
  const post = useRowsUpTo(useMemo(() => posteriorRows(view), [view]), tView);
  // The strategy numbers its own regimes (summary.regimeShares, possibly another K); without them, the display model's.
  const spreadNames = strategyLabels.length > 0 ? strategyLabels : names;
  const Ks = spreadNames.length;
  const seriesTime = series?.price.time ?? NO_TIME;
  const spreadAll = useMemo(() => (series ? spreadByRegimeRows(series, Ks) : []), [series, Ks]);
  const spread = useRowsUpTo(spreadAll, cursorSeconds(seriesTime, replay));
  const hasNone = spread.some((r) => r.none != null);
  const bars = useMemo(() => rows.map((r) => ({ state: r.state, label: r.label, halfSpreadBps: r.halfSpreadBps, pnlSharePct: Number.isFinite(r.pnlShare) ? r.pnlShare * 100 : null })), [rows]);
  const anyPnlShare = bars.some((b) => b.pnlSharePct !== null);
  const replaying = replay < 1;
  // Axes from the whole run (not the replay cut), so they hold still while replaying.
  const axes = useMemo(() => {
    const keys = (k: number, extra: string[] = []) => [...Array.from({ length: k }, (_, i) => `s${i}`), ...extra];
    return {
      price: valueAxis(rowsExtent(priceAll as unknown as Array<Record<string, unknown>>, keys(K)), { title: true }),
      post: valueAxis([0, 1], { title: true }),
      delta: valueAxis(finiteExtent([bars.map((b) => b.halfSpreadBps)], [0]), { title: true }),
      share: valueAxis(finiteExtent([bars.map((b) => b.pnlSharePct)], [0]), { title: true }),
      spread: valueAxis(rowsExtent(spreadAll as unknown as Array<Record<string, unknown>>, keys(Ks, ['none'])), { title: true }),
    };
  }, [priceAll, spreadAll, bars, K, Ks]);
  const viewTime = elapsedAxis(view.time.length > 0 ? view.time[0] : 0, view.time.length > 0 ? view.time[view.time.length - 1] - view.time[0] : 0);
  const seriesTimeAxis = elapsedAxis(seriesTime.length > 0 ? seriesTime[0] : 0, seriesTime.length > 0 ? seriesTime[seriesTime.length - 1] - seriesTime[0] : 0);
  const xTitle = (value: string) => ({ value, position: 'insideBottom', offset: -12 }) as const;
  const viewEnd = view.time.length > 0 ? view.time[view.time.length - 1] - view.time[0] : 0;
  const seriesEnd = seriesTime.length > 0 ? seriesTime[seriesTime.length - 1] - seriesTime[0] : 0;
  const cursorAt = (r: ReadonlyArray<{ t?: number | null }>) => (replaying && r.length > 0 ? <ReferenceLine className="replay-cursor" x={r[r.length - 1].t ?? 0} stroke={CURSOR} strokeDasharray="3 2" label={{ value: 'replay', position: 'insideTopRight', fill: CURSOR }} /> : null);
  // What each time chart draws: its rows, and whether the cursor line (on its last row) is on.
  const priceDrawn = useMemo(() => ({ price, replaying }), [price, replaying]);
  const postDrawn = useMemo(() => ({ post, replaying }), [post, replaying]);
  const spreadDrawn = useMemo(() => ({ spread, replaying }), [spread, replaying]);
  const n = price.length;
  const stateAt = replaying && n > 0 ? view.state[n - 1] : -1;
  const strategyRegime = replaying && series ? series.price.regime[Math.max(0, countPoints(seriesTime, replay) - 1)] : Number.NaN;
  const postCsv = () => {
    const cols: Record<string, ArrayLike<number>> = { time: view.time };
    for (let k = 0; k < K; k++) cols[`p_${names[k]}`] = Float64Array.from(view.time, (_, i) => view.post[i * K + k]);
    return cols;
  };
  return (
    <>
    {replaying ? (
      <p className="replay-readout" data-testid="regime-at-cursor">
        {stateAt >= 0
          ? `At the replay cursor, ${viewTime.label(price[n - 1].t ?? 0)}: Viterbi regime ${names[stateAt]} (posterior ${fmtTip(view.post[(n - 1) * K + stateAt])})${Number.isFinite(strategyRegime) && strategyRegime >= 0 ? `; the strategy quoted in its ${spreadNames[strategyRegime] ?? `state ${strategyRegime}`} regime` : ''}.`
          : 'The replay cursor is before the first point.'}
        {' '}The table and the bars cover the whole run.
      </p>
    ) : null}
    <div className="lab-grid">
      <ChartFrame title="Mid price coloured by Viterbi regime" name="regime-price" csv={() => ({ time: view.time, price: view.price, state: view.state })} testId="regime-price-chart">
        <StagedMount version={priceDrawn} height={240}><ResponsiveContainer width="100%" height={240} minWidth={200}>
          <LineChart data={price} margin={MARGIN}>
            <CartesianGrid strokeDasharray="3 3" {...gridAtTicks} />
            <XAxis dataKey="t" type="number" domain={[0, viewEnd]} allowDataOverflow ticks={viewTime.ticks} tickFormatter={viewTime.tickFormatter} label={xTitle(viewTime.title)} />
            <YAxis width={axes.price.width} domain={axes.price.domain} ticks={axes.price.ticks} tickFormatter={axes.price.tickFormatter} label={yTitle('price')} />
            <Tooltip formatter={fmtTip} labelFormatter={(t) => viewTime.label(Number(t))} />
            <Legend verticalAlign="top" height={24} />
            {stateLines(K, names)}
            {cursorAt(price)}
          </LineChart>
        </ResponsiveContainer></StagedMount>
      </ChartFrame>
      <ChartFrame title="Posterior regime probabilities (stacked)" name="regime-posteriors" csv={postCsv} testId="regime-posterior-chart">
        <StagedMount version={postDrawn} height={240}><ResponsiveContainer width="100%" height={240} minWidth={200}>
          <AreaChart data={post} margin={MARGIN}>
            <CartesianGrid strokeDasharray="3 3" {...gridAtTicks} />
            <XAxis dataKey="t" type="number" domain={[0, viewEnd]} allowDataOverflow ticks={viewTime.ticks} tickFormatter={viewTime.tickFormatter} label={xTitle(viewTime.title)} />
            <YAxis width={axes.post.width} domain={axes.post.domain} ticks={axes.post.ticks} tickFormatter={axes.post.tickFormatter} label={yTitle('probability')} />
            <Tooltip formatter={fmtTip} labelFormatter={(t) => viewTime.label(Number(t))} />
            <Legend verticalAlign="top" height={24} />
            {Array.from({ length: K }, (_, k) => (
              <Area key={k} dataKey={`p${k}`} name={names[k]} stackId="post" type="linear" stroke={regimeColour(names[k], k)} fill={regimeColour(names[k], k)} fillOpacity={0.55} isAnimationActive={false} />
            ))}
            {cursorAt(post)}
          </AreaChart>
        </ResponsiveContainer></StagedMount>
      </ChartFrame>
      <ChartFrame title="Optimal AS half-spread δ* by regime (bps)" name="regime-half-spread" csv={() => ({ state: bars.map((b) => b.state), halfSpreadBps: bars.map((b) => b.halfSpreadBps) })} testId="regime-delta-chart">
        <StagedMount version={bars} height={220}><ResponsiveContainer width="100%" height={220} minWidth={200}>
          <BarChart data={bars} margin={MARGIN}>
            <CartesianGrid strokeDasharray="3 3" {...horizontalAtTicks} />
            <XAxis dataKey="label" label={{ value: 'regime', position: 'insideBottom', offset: -12 }} />
            <YAxis width={axes.delta.width} domain={axes.delta.domain} ticks={axes.delta.ticks} tickFormatter={axes.delta.tickFormatter} label={yTitle('δ* (bps)')} />
            <Tooltip formatter={(v) => `${fmtBps(Number(v))} bps`} />
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
              <CartesianGrid strokeDasharray="3 3" {...horizontalAtTicks} />
              <XAxis dataKey="label" label={{ value: 'regime', position: 'insideBottom', offset: -12 }} />
              <YAxis width={axes.share.width} domain={axes.share.domain} ticks={axes.share.ticks} tickFormatter={axes.share.tickFormatter} label={yTitle('%')} />
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
          <StagedMount version={spreadDrawn} height={240}><ResponsiveContainer width="100%" height={240} minWidth={200}>
            <LineChart data={spread} margin={MARGIN}>
              <CartesianGrid strokeDasharray="3 3" {...gridAtTicks} />
              <XAxis dataKey="t" type="number" domain={[0, seriesEnd]} allowDataOverflow ticks={seriesTimeAxis.ticks} tickFormatter={seriesTimeAxis.tickFormatter} label={xTitle(seriesTimeAxis.title)} />
              <YAxis width={axes.spread.width} domain={axes.spread.domain} ticks={axes.spread.ticks} tickFormatter={axes.spread.tickFormatter} label={yTitle('bps')} />
              <Tooltip formatter={(v) => `${fmtBps(Number(v))} bps`} labelFormatter={(t) => seriesTimeAxis.label(Number(t))} />
              {/* Room for a legend that wraps onto a second line (the states and the no-regime line). */}
              <Legend verticalAlign="top" height={Ks + (hasNone ? 1 : 0) > 3 ? 44 : 24} />
              {stateLines(Ks, spreadNames)}
              {hasNone ? <Line dataKey="none" name="no regime (strategy without regimes)" stroke={NO_REGIME_COLOUR} dot={false} isAnimationActive={false} /> : null}
              {cursorAt(spread)}
            </LineChart>
          </ResponsiveContainer></StagedMount>
        ) : (
          <p className="muted">No quotes yet.</p>
        )}
      </ChartFrame>
    </div>
    </>
  );
}
