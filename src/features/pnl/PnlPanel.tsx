import { useDeferredValue, useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis, Area, AreaChart } from 'recharts';
import { Panel } from '../../components/ui/Panel';
import { describeDuration } from '../../stores/figures';
import { SampleCards } from './SampleCards';
import { ChartFrame } from '../../components/ui/ChartFrame';
import { pendingSubtitle, StaleNote } from '../../components/ui/StaleNote';
import { useLab } from '../../stores/lab-store';
import { maybeLabSession } from '../../stores/lab-session';
import { replayCount, timeLabelFormatter, timeTickFormatter, timeTicks } from '../../lib/time-axis';
import { fmtPnl } from '../../lib/format';
import { finiteExtent, valueAxis } from '../../lib/value-axis';
import { WrappedTick } from '../../components/ui/WrappedTick';
import { bucketCountsUpTo, pnlAtCursor } from './replay-figures';
import { gridAtTicks, horizontalAtTicks, verticalAtTicks } from '../../components/ui/grid-lines';

const UNIT = { display: 'block', marginLeft: 0 } as const;
const fmtNum = (v: unknown) => (typeof v === 'number' ? fmtPnl(v) : String(v));

// The cards' formatters live with the cards; re-exported for the browser tests that compare card text with the engine.
export { fmtMetric, fmtPnl, fmtRatio } from './SampleCards';

/** Cumulative PnL vs buy-and-hold, attribution waterfall, per-bucket histogram, drawdown and metric cards. */
export function PnlPanel() {
  // Deferred: streamed partial results re-render charts in interruptible background renders,
  // so a burst of updates never blocks input (no main-thread task over 50 ms).
  const series = useDeferredValue(useLab((s) => s.series));
  const summary = useDeferredValue(useLab((s) => s.summary));
  const replay = useDeferredValue(useLab((s) => s.replay));
  const status = useLab((s) => s.status);
  const stale = useLab((s) => s.stale);
  const pnlRows = useMemo(() => {
    if (!series) return [];
    const p = series.pnl;
    const n = replayCount(p.time, replay);
    const rows = new Array(n);
    for (let i = 0; i < n; i++) rows[i] = { t: p.time[i], pnl: p.pnl[i], buyHold: p.buyHold[i], drawdown: p.drawdown[i] };
    return rows;
  }, [series, replay]);
  const waterfall = useMemo(() => {
    if (!summary) return [];
    const a = summary.attribution;
    const parts = [['Spread capture', a.spreadCapture], ['Adverse selection', a.adverseSelection], ['Inventory carry', a.inventoryCarry], ['Fees', a.fees]] as const;
    let run = 0;
    const rows: Array<{ name: string; range: [number, number]; value: number }> = parts.map(([name, v]) => { const base = run; run += v; return { name, range: [Math.min(base, run), Math.max(base, run)] as [number, number], value: v }; });
    rows.push({ name: 'Net', range: [Math.min(0, a.net), Math.max(0, a.net)], value: a.net });
    return rows;
  }, [summary]);
  const replaying = replay < 1;
  // The cursor in s since epoch, on the PnL series' own time span.
  const cursorT = useMemo(() => {
    const t = series?.pnl.time;
    return t && t.length > 0 ? t[0] + Math.min(1, replay) * (t[t.length - 1] - t[0]) : Number.NaN;
  }, [series, replay]);
  const atCursor = useMemo(() => (replaying && series ? pnlAtCursor(series.pnl, cursorT) : null), [replaying, series, cursorT]);
  const hist = useMemo(() => {
    if (!summary) return [];
    const h = summary.metrics.histogram;
    const t = series?.pnl.time;
    // While replaying: only the buckets complete at the cursor, in the same bins.
    const counts = replaying && t && t.length > 0 ? bucketCountsUpTo(h.bucketPnl, h.edges, h.bucketSec, cursorT - t[0]) : h.counts;
    const out = [];
    for (let i = 0; i < counts.length; i++) out.push({ mid: (h.edges[i] + h.edges[i + 1]) / 2, count: counts[i] });
    return out;
  }, [summary, series, replaying, cursorT]);
  // Axes from the whole run (not the replay cut), so they hold still while replaying.
  const axes = useMemo(() => {
    if (!series) return null;
    const p = series.pnl;
    const t0 = p.time.length > 0 ? p.time[0] : 0, t1 = p.time.length > 0 ? p.time[p.time.length - 1] : 0;
    return {
      // The whole run's span: a replay cut draws less of it, on the same axis.
      span: [t0, t1] as [number, number],
      tick: timeTickFormatter(t0, t1),
      ticks: timeTicks(t0, t1),
      tip: timeLabelFormatter(t0, t1),
      pnl: valueAxis(finiteExtent([p.pnl, p.buyHold], [0])),
      drawdown: valueAxis(finiteExtent([p.drawdown], [0])),
    };
  }, [series]);
  const waterfallAxis = useMemo(() => valueAxis(finiteExtent([waterfall.flatMap((w) => w.range)], [0])), [waterfall]);
  const histAxis = useMemo(() => {
    const e = summary?.metrics.histogram.edges;
    return valueAxis(e && e.length > 1 ? [e[0], e[e.length - 1]] : null, { count: 6 });
  }, [summary]);
  if (!series || !axes) return <Panel id="pnl" title="PnL & risk"><p className="muted">Waiting for the run…</p></Panel>;
  const m = summary?.metrics;
  return (
    <Panel id="pnl" title="PnL & risk" subtitle={m ? `Figures over ${describeDuration(m.durationSec)} of data: PnL per ${m.perPeriod.unit}, Sharpe per ${describeDuration(m.bucketSec)} PnL bucket${m.annualised ? `, annualised on a ${m.annualised.yearBasis === 'exchange' ? '252 × 6.5 h' : '365 × 24 h'} year` : ''}.` : pendingSubtitle(status)}>
      <StaleNote status={status} stale={stale} />
      {replaying && summary ? (
        <>
          <dl className="metric-cards" data-testid="pnl-at-cursor" aria-label="Figures at the replay cursor">
            <div className="card"><dt>PnL to the cursor</dt><dd><span data-testid="cursor-pnl">{atCursor ? fmtPnl(atCursor.pnl) : '—'}</span><span className="unit" style={UNIT}>quote ccy · at {atCursor ? axes?.tip(atCursor.time) : 'the start'}</span></dd></div>
            <div className="card"><dt>Drawdown so far</dt><dd><span data-testid="cursor-drawdown">{atCursor ? fmtPnl(-atCursor.drawdown) : '—'}</span><span className="unit" style={UNIT}>quote ccy, deepest up to the cursor</span></dd></div>
            <div className="card"><dt>Buy &amp; hold to the cursor</dt><dd><span data-testid="cursor-buyhold">{atCursor ? fmtPnl(atCursor.buyHold) : '—'}</span><span className="unit" style={UNIT}>quote ccy</span></dd></div>
          </dl>
          <p className="muted" data-testid="pnl-whole-run-note">Replay: the cards above and the charts and histogram below stop at the cursor; the cards below are the whole run’s.</p>
        </>
      ) : null}
      {m && summary ? (
        <SampleCards summary={summary} />
      ) : null}
      <div className="lab-grid">
        <ChartFrame title="Cumulative PnL vs buy-and-hold (quote ccy)" name="pnl" testId="chart-pnl" version={pnlRows}
          csv={async () => { const r = maybeLabSession(); if (!r) throw new Error('The lab is not running.'); const s = await r.exportSeries(['time', 'equity', 'inventory', 'mid']); return s; }}>
          <ResponsiveContainer width="100%" height={240} minWidth={200}>
            <LineChart data={pnlRows} margin={{ top: 8, right: 16, bottom: 20, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" {...gridAtTicks} />
              <XAxis dataKey="t" type="number" domain={axes.span} allowDataOverflow ticks={axes.ticks} tickFormatter={axes.tick} label={{ value: 'time (UTC)', position: 'insideBottom', offset: -12 }} />
              <YAxis width={axes.pnl.width} domain={axes.pnl.domain} ticks={axes.pnl.ticks} tickFormatter={axes.pnl.tickFormatter} />
              <Tooltip labelFormatter={(t) => axes.tip(Number(t))} formatter={fmtNum} />
              <Legend verticalAlign="top" height={22} />
              <Line dataKey="pnl" name="strategy" stroke="#2457c5" dot={false} isAnimationActive={false} />
              <Line dataKey="buyHold" name="buy & hold" stroke="#999" dot={false} isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        </ChartFrame>
        <ChartFrame title={`PnL attribution (quote ccy${replaying ? ', whole run' : ''})`} name="attribution" testId="chart-attribution" version={waterfall}
          csv={() => ({ spreadCapture: [summary?.attribution.spreadCapture ?? NaN], adverseSelection: [summary?.attribution.adverseSelection ?? NaN], inventoryCarry: [summary?.attribution.inventoryCarry ?? NaN], fees: [summary?.attribution.fees ?? NaN], net: [summary?.attribution.net ?? NaN] })}>
          <ResponsiveContainer width="100%" height={240} minWidth={200}>
            <BarChart data={waterfall} margin={{ top: 8, right: 16, bottom: 20, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" {...horizontalAtTicks} />
              <XAxis dataKey="name" interval={0} tick={<WrappedTick />} height={36} />
              <YAxis width={waterfallAxis.width} domain={waterfallAxis.domain} ticks={waterfallAxis.ticks} tickFormatter={waterfallAxis.tickFormatter} />
              <Tooltip formatter={(_v, _n, item) => fmtNum((item.payload as { value: number }).value)} />
              <Bar dataKey="range" name="PnL (quote ccy)" isAnimationActive={false}>
                {waterfall.map((w) => <Cell key={w.name} fill={w.name === 'Net' ? '#2c3e50' : w.value >= 0 ? '#1e874b' : '#b83227'} />)}
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </ChartFrame>
        <ChartFrame title={`PnL per ${m ? describeDuration(m.histogram.bucketSec) : ''} bucket (count of buckets${replaying ? ' complete at the replay cursor' : ''})`} name="pnl-histogram" testId="chart-histogram" version={hist} height={220}
          csv={() => ({ bucketPnl: summary?.metrics.histogram.bucketPnl ?? [] })}>
          <ResponsiveContainer width="100%" height={220} minWidth={200}>
            <BarChart data={hist} barCategoryGap={1} margin={{ top: 8, right: 16, bottom: 20, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" {...verticalAtTicks} />
              <XAxis dataKey="mid" type="number" domain={histAxis.domain} ticks={histAxis.ticks} tickFormatter={histAxis.tickFormatter} label={{ value: 'bucket PnL (quote ccy)', position: 'insideBottom', offset: -12 }} />
              <YAxis allowDecimals={false} width={40} />
              <Tooltip labelFormatter={(v) => `PnL ≈ ${fmtNum(Number(v))}`} />
              <Bar dataKey="count" name="buckets" fill="#8e44ad" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </ChartFrame>
        <ChartFrame title="Drawdown (quote ccy)" name="drawdown" testId="chart-drawdown" version={pnlRows} height={220}
          csv={() => ({ time: series.pnl.time, drawdown: series.pnl.drawdown })}>
          <ResponsiveContainer width="100%" height={220} minWidth={200}>
            <AreaChart data={pnlRows} margin={{ top: 8, right: 16, bottom: 20, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" {...gridAtTicks} />
              <XAxis dataKey="t" type="number" domain={axes.span} allowDataOverflow ticks={axes.ticks} tickFormatter={axes.tick} />
              <YAxis width={axes.drawdown.width} domain={axes.drawdown.domain} ticks={axes.drawdown.ticks} tickFormatter={axes.drawdown.tickFormatter} />
              <Tooltip labelFormatter={(t) => axes.tip(Number(t))} formatter={fmtNum} />
              <Area dataKey="drawdown" stroke="#b83227" fill="#f3c1bb" isAnimationActive={false} />
            </AreaChart>
          </ResponsiveContainer>
        </ChartFrame>
      </div>
    </Panel>
  );
}
