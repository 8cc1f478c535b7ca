import { useDeferredValue, useMemo, useState } from 'react';
import { Panel } from '../../components/ui/Panel';
import { ChartFrame } from '../../components/ui/ChartFrame';
import { pendingChartNote, pendingSubtitle, StaleNote } from '../../components/ui/StaleNote';
import { useLab } from '../../stores/lab-store';
import { replayCount, timeLabelFormatter, timeTickFormatter, timeTicks } from '../../lib/time-axis';
import { fmtBps, fmtNum, fmtPct, fmtPrice, fmtQty } from '../../lib/format';
import { finiteExtent, valueAxis } from '../../lib/value-axis';
import { LineChart, type LineSeries, type RefLine } from '../../components/ui/charts/LineChart';
import { RangeBarChart, type RangeBar } from '../../components/ui/charts/RangeBarChart';
import { Brush } from '../../components/ui/charts/Brush';
import { RIGHT_PX } from '../../components/ui/charts/layout';

/** Up to the replay cursor: the engine's checkpoint row at or before it (1/C of the span apart); −1 for the whole run. */
function histRow(h: { checkpointTime: Float64Array }, replay: number): number {
  const C = h.checkpointTime.length - 1;
  return replay < 1 && C > 0 ? Math.max(0, Math.min(C, Math.floor(replay * C + 1e-9))) : -1;
}

/**
 * Why a flat skew chart is flat, and how often both quotes sat at the touch (null: nothing to say).
 * A lean smaller than the distance to the next tick level is rounded away, so say the tick in bps.
 */
function skewNote(rows: ReadonlyArray<{ skewBps: number }>, atTouchShare: number, tick: number, refMid: number): string | null {
  const parts: string[] = [];
  if (rows.length > 0 && rows.every((r) => r.skewBps === 0)) {
    parts.push(tick > 0 && refMid > 0
      ? `The quote centre stayed at the mid at every inventory level: on the tick grid (${fmtNum(tick, 12)} = ${fmtNum((tick / refMid) * 1e4, 2)} bps of mid) the inventory lean never moved a quote to another price level.`
      : 'The quote centre stayed at the mid at every inventory level: these quotes did not lean with the inventory.');
  }
  if (Number.isFinite(atTouchShare)) parts.push(`Both quotes at the market's best bid and ask on ${fmtPct(atTouchShare)} of the ticks quoted on both sides.`);
  return parts.length > 0 ? parts.join(' ') : null;
}

/** Inventory path with its ±Q band, quotes around mid and fair value, skew vs inventory, inventory distribution. */
export function InventoryPanel() {
  // Deferred: streamed partial results re-render charts in interruptible background renders,
  // so a burst of updates never blocks input (no main-thread task over 50 ms).
  const series = useDeferredValue(useLab((s) => s.series));
  const summary = useDeferredValue(useLab((s) => s.summary));
  const replay = useDeferredValue(useLab((s) => s.replay));
  const status = useLab((s) => s.status);
  const stale = useLab((s) => s.stale);
  const maxQ = summary ? summary.resolved.maxInventory : null;
  const lot = summary?.resolved.lotSize ?? 0;
  const tick = summary?.resolved.tickSize ?? 0;
  const qty = (v: unknown) => (typeof v === 'number' ? fmtQty(v, lot) : String(v));
  const price = (v: unknown) => (typeof v === 'number' ? (tick > 0 ? fmtPrice(v, tick / 10) : fmtNum(v, 6)) : String(v));
  // The points drawn: the whole run, or up to the replay cursor (the charts read the series' own arrays).
  const invDrawn = useMemo(() => ({ v: series?.inventory, n: series ? replayCount(series.inventory.time, replay) : 0 }), [series, replay]);
  const invLine = useMemo((): LineSeries[] => (series ? [{ y: series.inventory.inventory, name: 'inventory', color: '#2457c5', step: true }] : []), [series]);
  const bandLines = useMemo((): RefLine[] => (maxQ !== null ? [
    { y: maxQ, label: '+Q', color: '#b83227' },
    { y: -maxQ, label: '−Q', color: '#b83227', below: true },
  ] : []), [maxQ]);
  const quoteLines = useMemo((): LineSeries[] => (series ? [
    { y: series.price.ask, name: 'ask', color: '#b83227' },
    { y: series.price.mid, name: 'mid', color: '#555' },
    { y: series.price.fairValue, name: 'fair value', color: '#e67e22' },
    { y: series.price.bid, name: 'bid', color: '#1e874b' },
  ] : []), [series]);
  // The brush's window (indices into the price series) for this run's series; the whole of it otherwise.
  const [zoom, setZoom] = useState<{ of: unknown; a: number; b: number } | null>(null);
  // The engine's quote-centre skew per inventory bin (every tick), up to the replay cursor as the histogram.
  const skewRows = useMemo(() => {
    if (!summary) return [];
    const h = summary.inventoryHist, k = summary.quoteSkew;
    const row = histRow(h, replay), bins = h.centre.length;
    const rows: Array<{ q: number; skewBps: number; ticks: number }> = [];
    for (let b = 0; b < bins; b++) {
      const v = row < 0 ? k.skewBps[b] : k.checkpointSkewBps[row * bins + b];
      if (Number.isFinite(v)) rows.push({ q: h.centre[b], skewBps: v, ticks: k.ticks[b] });
    }
    return rows;
  }, [summary, replay]);
  const histRows = useMemo(() => {
    if (!summary) return [];
    const h = summary.inventoryHist;
    const row = histRow(h, replay);
    const bins = h.centre.length;
    return Array.from(h.centre, (c, i) => ({ q: c, share: 100 * (row < 0 ? h.share[i] : h.checkpointShare[row * bins + i]) }));
  }, [summary, replay]);
  // Axes from the whole run (not the replay cut), so they hold still while replaying.
  const axes = useMemo(() => {
    if (!series) return null;
    const t = series.price.time;
    const t0 = t.length > 0 ? t[0] : 0, t1 = t.length > 0 ? t[t.length - 1] : 0;
    const band = maxQ !== null ? [-maxQ, maxQ] : [];
    return {
      // The whole run's span: a replay cut draws less of it, on the same axis.
      time: { domain: [t0, t1] as [number, number], ticks: timeTicks(t0, t1), format: timeTickFormatter(t0, t1), title: 'time (UTC)' },
      tick: timeTickFormatter(t0, t1),
      tip: timeLabelFormatter(t0, t1),
      q: valueAxis(finiteExtent([series.inventory.inventory], band), { title: true }),
      price: valueAxis(finiteExtent([series.price.mid, series.price.bid, series.price.ask, series.price.fairValue]), { title: true }),
    };
  }, [series, maxQ]);
  const skewAxes = useMemo(() => {
    const q = valueAxis(finiteExtent([skewRows.map((r) => r.q)]));
    return {
      x: { domain: q.domain, ticks: q.ticks, format: q.tickFormatter, title: 'inventory q (asset units)' },
      bps: valueAxis(finiteExtent([skewRows.map((r) => r.skewBps)], [0]), { title: true }),
    };
  }, [skewRows]);
  const skewCols = useMemo(() => ({
    q: Float64Array.from(skewRows, (r) => r.q),
    series: [{ y: Float64Array.from(skewRows, (r) => r.skewBps), name: 'mean skew at this inventory', color: '#2c3e50', dots: true }],
  }), [skewRows]);
  // The quotes drawn: up to the replay cursor, within the brush's window; the x axis fits the window.
  const quoteView = useMemo(() => {
    const t = series?.price.time;
    const n = t ? replayCount(t, replay) : 0;
    const z = zoom && zoom.of === series ? zoom : null;
    const b = Math.max(0, Math.min(n - 1, z ? z.b : n - 1));
    const a = Math.max(0, Math.min(b, z ? z.a : 0));
    const lo = t && n > 0 ? t[a] : 0, hi = t && n > 0 ? t[b] : 1;
    return { n, a, b, xAxis: { domain: [lo, hi] as [number, number], ticks: timeTicks(lo, hi), format: axes?.tick ?? String, title: 'time (UTC)' } };
  }, [series, replay, zoom, axes]);
  const note = summary ? skewNote(skewRows, summary.quoteSkew.atTouchShare, tick, summary.refMid) : null;
  const histBars = useMemo((): RangeBar[] => histRows.map((r) => ({ name: fmtQty(r.q, lot), lo: 0, hi: r.share, value: r.share, color: '#2457c5' })), [histRows, lot]);
  const histAxis = useMemo(() => valueAxis(finiteExtent([histRows.map((r) => r.share)], [0]), { title: true }), [histRows]);
  if (!series || !axes) return <Panel id="inventory" title="Inventory & quotes"><p className="muted">Waiting for the run…</p></Panel>;
  return (
    <Panel id="inventory" title="Inventory & quotes" subtitle={summary ? `Average |q| ${qty(summary.metrics.avgAbsInventory)}, max |q| ${qty(summary.metrics.maxAbsInventory)} (asset units), at the limit ${fmtPct(summary.metrics.timeAtLimit)} of the time.` : pendingSubtitle(status)}>
      <StaleNote status={status} stale={stale} />
      <div className="lab-grid">
        <ChartFrame title="Inventory q (asset units) with the ±Q band" name="inventory" testId="chart-inventory" version={invDrawn} csv={() => ({ time: series.inventory.time, inventory: series.inventory.inventory })}>
          <LineChart x={series.inventory.time} count={invDrawn.n} series={invLine} refLines={bandLines} height={240} label="Inventory held over time, asset units, with the ±Q limits"
            xAxis={axes.time} xTip={axes.tip} yAxis={axes.q} yTitle="q (asset units)" yTip={qty} />
        </ChartFrame>
        <ChartFrame title="Our bid and ask around mid and fair value (price; drag the brush to zoom)" name="quotes" testId="chart-quotes" version={quoteView} height={260}
          csv={() => ({ time: series.price.time, mid: series.price.mid, fairValue: series.price.fairValue, bid: series.price.bid, ask: series.price.ask })}>
          <LineChart x={series.price.time} from={quoteView.a} count={quoteView.b + 1} series={quoteLines} height={238} legend label="Our bid and ask quotes around the mid and the fair value over time, price"
            xAxis={quoteView.xAxis} xTip={axes.tip} yAxis={axes.price} yTitle="price (quote ccy)" yTip={price} />
          <Brush x={series.price.time} n={quoteView.n} a={quoteView.a} b={quoteView.b} onChange={(a, b) => setZoom({ of: series, a, b })}
            format={axes.tick} left={axes.price.width} right={RIGHT_PX} label="Zoom of the quotes chart" />
        </ChartFrame>
        <ChartFrame title={`Quote-centre skew vs inventory (bps of mid${replay < 1 ? ', up to the replay cursor' : ''})`} name="skew-vs-inventory" testId="chart-skew" version={skewRows} height={220}
          csv={() => ({ q: skewRows.map((r) => r.q), skewBps: skewRows.map((r) => r.skewBps), twoSidedTicks: skewRows.map((r) => r.ticks) })}>
          {summary ? (
            <>
              <LineChart x={skewCols.q} series={skewCols.series} height={220} label="Mean quote-centre skew at each inventory level, basis points of mid"
                xAxis={skewAxes.x} xTip={(q) => `inventory q ${qty(q)}`} yAxis={skewAxes.bps} yTitle="skew (bps of mid)" yTip={(v) => `${fmtBps(v)} bps`} />
              {note !== null && <p className="muted" data-testid="skew-note">{note}</p>}
            </>
          ) : <p className="muted" data-testid="skew-pending">{pendingChartNote(status)}</p>}
        </ChartFrame>
        <ChartFrame title={`Distribution of inventory (% of ticks${replay < 1 ? ' up to the replay cursor' : ''})`} name="inventory-distribution" testId="chart-inventory-hist" version={histRows} height={220} csv={() => ({ q: histRows.map((r) => r.q), sharePct: histRows.map((r) => r.share) })}>
          {summary ? (
            <RangeBarChart bars={histBars} yAxis={histAxis} yTitle="% of ticks" xTitle="inventory q (asset units)" yTip={(v) => `${v.toFixed(2)} %`} seriesName="share of ticks"
              tipTitle={(b) => `q ≈ ${b.name}`} height={220} label="Share of ticks spent at each inventory level, percent" />
          ) : <p className="muted" data-testid="inventory-hist-pending">{pendingChartNote(status)}</p>}
        </ChartFrame>
      </div>
    </Panel>
  );
}
