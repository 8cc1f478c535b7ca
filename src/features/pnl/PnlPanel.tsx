import { useDeferredValue, useMemo } from 'react';
import { Panel } from '../../components/ui/Panel';
import { describeDuration, yearBasisLabel } from '../../stores/figures';
import { SampleCards } from './SampleCards';
import { ChartFrame } from '../../components/ui/ChartFrame';
import { pendingChartNote, pendingSubtitle, StaleNote } from '../../components/ui/StaleNote';
import { useLab } from '../../stores/lab-store';
import { maybeLabSession } from '../../stores/lab-session';
import { replayCount, timeLabelFormatter, timeTickFormatter, timeTicks } from '../../lib/time-axis';
import { fmtPnl } from '../../lib/format';
import { finiteExtent, valueAxis } from '../../lib/value-axis';
import { LineChart } from '../../components/ui/charts/LineChart';
import { RangeBarChart, type RangeBar } from '../../components/ui/charts/RangeBarChart';
import { Histogram } from '../../components/ui/charts/Histogram';
import { bucketCountsUpTo, pnlAtCursor } from './replay-figures';

const UNIT = { display: 'block', marginLeft: 0 } as const;

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
  // The points drawn: the whole run, or up to the replay cursor (the charts read the series' own arrays).
  const drawn = useMemo(() => ({ pnl: series?.pnl, n: series ? replayCount(series.pnl.time, replay) : 0 }), [series, replay]);
  const pnlLines = useMemo(() => (series ? [
    { y: series.pnl.pnl, name: 'strategy', color: '#2457c5' },
    { y: series.pnl.buyHold, name: 'buy & hold', color: '#999' },
  ] : []), [series]);
  const drawdownArea = useMemo(() => (series ? [{ y: series.pnl.drawdown, name: 'drawdown', color: '#b83227', fill: '#f3c1bb' }] : []), [series]);
  const waterfall = useMemo((): RangeBar[] => {
    if (!summary) return [];
    const a = summary.attribution;
    const parts = [['Spread capture', a.spreadCapture], ['Adverse selection', a.adverseSelection], ['Inventory carry', a.inventoryCarry], ['Fees', a.fees]] as const;
    let run = 0;
    const rows: RangeBar[] = parts.map(([name, v]) => { const base = run; run += v; return { name, lo: Math.min(base, run), hi: Math.max(base, run), value: v, color: v >= 0 ? '#1e874b' : '#b83227' }; });
    rows.push({ name: 'Net', lo: Math.min(0, a.net), hi: Math.max(0, a.net), value: a.net, color: '#2c3e50' });
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
    if (!summary) return null;
    const h = summary.metrics.histogram;
    const t = series?.pnl.time;
    // While replaying: only the buckets complete at the cursor, in the same bins.
    const counts = replaying && t && t.length > 0 ? bucketCountsUpTo(h.bucketPnl, h.bucketIndex, h.edges, h.bucketSec, cursorT - t[0]) : h.counts;
    return { edges: h.edges, counts };
  }, [summary, series, replaying, cursorT]);
  // Axes from the whole run (not the replay cut), so they hold still while replaying.
  const axes = useMemo(() => {
    if (!series) return null;
    const p = series.pnl;
    const t0 = p.time.length > 0 ? p.time[0] : 0, t1 = p.time.length > 0 ? p.time[p.time.length - 1] : 0;
    return {
      // The whole run's span: a replay cut draws less of it, on the same axis.
      time: { domain: [t0, t1] as [number, number], ticks: timeTicks(t0, t1), format: timeTickFormatter(t0, t1), title: 'time (UTC)' },
      tip: timeLabelFormatter(t0, t1),
      pnl: valueAxis(finiteExtent([p.pnl, p.buyHold], [0]), { title: true }),
      drawdown: valueAxis(finiteExtent([p.drawdown], [0]), { title: true }),
    };
  }, [series]);
  const waterfallAxis = useMemo(() => valueAxis(finiteExtent([waterfall.flatMap((w) => [w.lo, w.hi])], [0]), { title: true }), [waterfall]);
  const histAxis = useMemo(() => {
    const e = summary?.metrics.histogram.edges;
    return valueAxis(e && e.length > 1 ? [e[0], e[e.length - 1]] : null, { count: 6 });
  }, [summary]);
  if (!series || !axes) return <Panel id="pnl" title="PnL & risk"><p className="muted">Waiting for the run…</p></Panel>;
  const m = summary?.metrics;
  return (
    <Panel id="pnl" title="PnL & risk" subtitle={m ? `Figures over ${describeDuration(m.durationSec)} of data: ${m.perPeriod.reason ? `too short for a PnL per ${m.perPeriod.unit}` : `PnL per ${m.perPeriod.unit}`}, Sharpe per ${describeDuration(m.bucketSec)} PnL bucket${m.annualised ? `, annualised on a ${yearBasisLabel(m.annualised.yearBasis)} year` : ''}.` : pendingSubtitle(status)}>
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
        <ChartFrame title="Cumulative PnL vs buy-and-hold (quote ccy)" name="pnl" testId="chart-pnl" version={drawn}
          csv={async () => { const r = maybeLabSession(); if (!r) throw new Error('The lab is not running.'); const s = await r.exportSeries(['time', 'equity', 'inventory', 'mid']); return s; }}>
          <LineChart x={series.pnl.time} count={drawn.n} series={pnlLines} height={240} legend label="Cumulative PnL of the strategy and of buy-and-hold over time, quote currency"
            xAxis={axes.time} xTip={axes.tip} yAxis={axes.pnl} yTitle="PnL (quote ccy)" yTip={fmtPnl} />
        </ChartFrame>
        <ChartFrame title={`PnL attribution (quote ccy${replaying ? ', whole run' : ''})`} name="attribution" testId="chart-attribution" version={waterfall}
          csv={() => ({ spreadCapture: [summary?.attribution.spreadCapture ?? NaN], adverseSelection: [summary?.attribution.adverseSelection ?? NaN], inventoryCarry: [summary?.attribution.inventoryCarry ?? NaN], fees: [summary?.attribution.fees ?? NaN], net: [summary?.attribution.net ?? NaN] })}>
          {summary ? (
            <RangeBarChart bars={waterfall} yAxis={waterfallAxis} yTitle="PnL (quote ccy)" yTip={fmtPnl} seriesName="PnL (quote ccy)" height={240}
              label="PnL attribution waterfall: spread capture, adverse selection, inventory carry, fees and net, quote currency" />
          ) : <p className="muted" data-testid="attribution-pending">{pendingChartNote(status)}</p>}
        </ChartFrame>
        <ChartFrame title={`PnL per ${m ? describeDuration(m.histogram.bucketSec) : ''} bucket (count of buckets${replaying ? ' complete at the replay cursor' : ''}${m && m.histogram.closedBuckets > 0 ? `; ${m.histogram.closedBuckets} without a tick left out as closed market` : ''})`} name="pnl-histogram" testId="chart-histogram" version={hist} height={220}
          csv={() => ({ bucketPnl: summary?.metrics.histogram.bucketPnl ?? [] })}>
          {m && m.buckets < 2 ? (
            // One bucket is one number (in the cards), not a distribution.
            <p className="muted" data-testid="histogram-one-bucket">The data fill {m.buckets === 1 ? 'one bucket' : 'no bucket'} of {describeDuration(m.histogram.bucketSec)}: no distribution to draw.</p>
          ) : hist ? (
            <Histogram edges={hist.edges} counts={hist.counts} xAxis={histAxis} xTitle="bucket PnL (quote ccy)" xTip={(v) => `PnL ≈ ${fmtPnl(v)}`} yTitle="buckets" color="#8e44ad" height={220}
              label="Histogram of PnL per bucket: number of buckets by bucket PnL, quote currency" />
          ) : <p className="muted" data-testid="histogram-pending">{pendingChartNote(status)}</p>}
        </ChartFrame>
        <ChartFrame title="Drawdown (quote ccy)" name="drawdown" testId="chart-drawdown" version={drawn} height={220}
          csv={() => ({ time: series.pnl.time, drawdown: series.pnl.drawdown })}>
          <LineChart x={series.pnl.time} count={drawn.n} series={drawdownArea} height={220} label="Drawdown from the running peak of PnL over time, quote currency"
            xAxis={axes.time} xTip={axes.tip} yAxis={axes.drawdown} yTitle="drawdown (quote ccy)" yTip={fmtPnl} />
        </ChartFrame>
      </div>
    </Panel>
  );
}
