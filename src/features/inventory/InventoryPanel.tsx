import { useDeferredValue, useMemo } from 'react';
import { Bar, BarChart, Brush, CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import { Panel } from '../../components/ui/Panel';
import { ChartFrame } from '../../components/ui/ChartFrame';
import { pendingSubtitle, StaleNote } from '../../components/ui/StaleNote';
import { useLab } from '../../stores/lab-store';
import { replayCount, timeLabelFormatter, timeTickFormatter, timeTicks } from '../../lib/time-axis';
import { fmtBps, fmtNum, fmtPct, fmtPrice, fmtQty } from '../../lib/format';
import { finiteExtent, valueAxis } from '../../lib/value-axis';
import { gridAtTicks } from '../../components/ui/grid-lines';

/** Skew below this (bps of mid) is floating-point noise of (bid + ask)/2 − mid, drawn as 0. */
const SKEW_NOISE_BPS = 1e-6;

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
  const invRows = useMemo(() => {
    if (!series) return [];
    const v = series.inventory;
    const n = replayCount(v.time, replay);
    const rows = new Array(n);
    for (let i = 0; i < n; i++) rows[i] = { t: v.time[i], q: v.inventory[i] };
    return rows;
  }, [series, replay]);
  const quoteRows = useMemo(() => {
    if (!series) return [];
    const p = series.price;
    const n = replayCount(p.time, replay);
    const rows = new Array(n);
    for (let i = 0; i < n; i++) {
      rows[i] = { t: p.time[i], mid: p.mid[i], fair: p.fairValue[i], bid: Number.isFinite(p.bid[i]) ? p.bid[i] : null, ask: Number.isFinite(p.ask[i]) ? p.ask[i] : null };
    }
    return rows;
  }, [series, replay]);
  const skewRows = useMemo(() => {
    // Quote centre minus mid against the inventory held at that moment (bps), from the sampled points.
    if (!series) return [];
    const p = series.price, v = series.inventory;
    const rows: Array<{ q: number; skewBps: number }> = [];
    let j = 0;
    // Up to the replay cursor, like the time charts.
    const n = replayCount(p.time, replay);
    for (let i = 0; i < n; i++) {
      while (j + 1 < v.time.length && v.time[j + 1] <= p.time[i]) j++;
      const centre = (p.bid[i] + p.ask[i]) / 2;
      if (!(Number.isFinite(centre) && p.mid[i] > 0)) continue;
      const skewBps = ((centre - p.mid[i]) / p.mid[i]) * 1e4;
      rows.push({ q: v.inventory[j], skewBps: Math.abs(skewBps) < SKEW_NOISE_BPS ? 0 : skewBps });
    }
    // Average per inventory level: one point per q keeps the chart readable.
    const by = new Map<number, { s: number; n: number }>();
    for (const r of rows) { const e = by.get(r.q) ?? { s: 0, n: 0 }; e.s += r.skewBps; e.n++; by.set(r.q, e); }
    return [...by.entries()].sort((a, b) => a[0] - b[0]).map(([q, e]) => ({ q, skewBps: e.s / e.n }));
  }, [series, replay]);
  const histRows = useMemo(() => {
    if (!summary) return [];
    const h = summary.inventoryHist;
    // Up to the replay cursor: the engine's row for the last checkpoint at or before it (1/C of the span apart).
    const C = h.checkpointTime.length - 1, bins = h.centre.length;
    const row = replay < 1 && C > 0 ? Math.max(0, Math.min(C, Math.floor(replay * C + 1e-9))) : -1;
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
      span: [t0, t1] as [number, number],
      tick: timeTickFormatter(t0, t1),
      ticks: timeTicks(t0, t1),
      tip: timeLabelFormatter(t0, t1),
      q: valueAxis(finiteExtent([series.inventory.inventory], band)),
      price: valueAxis(finiteExtent([series.price.mid, series.price.bid, series.price.ask, series.price.fairValue])),
    };
  }, [series, maxQ]);
  const skewAxes = useMemo(() => ({
    q: valueAxis(finiteExtent([skewRows.map((r) => r.q)])),
    bps: valueAxis(finiteExtent([skewRows.map((r) => r.skewBps)], [0])),
  }), [skewRows]);
  if (!series || !axes) return <Panel id="inventory" title="Inventory & quotes"><p className="muted">Waiting for the run…</p></Panel>;
  return (
    <Panel id="inventory" title="Inventory & quotes" subtitle={summary ? `Average |q| ${qty(summary.metrics.avgAbsInventory)}, max |q| ${qty(summary.metrics.maxAbsInventory)} (asset units), at the limit ${fmtPct(summary.metrics.timeAtLimit)} of the time.` : pendingSubtitle(status)}>
      <StaleNote status={status} stale={stale} />
      <div className="lab-grid">
        <ChartFrame title="Inventory q (asset units) with the ±Q band" name="inventory" testId="chart-inventory" version={invRows} csv={() => ({ time: series.inventory.time, inventory: series.inventory.inventory })}>
          <ResponsiveContainer width="100%" height={240} minWidth={200}>
            <LineChart data={invRows} margin={{ top: 8, right: 16, bottom: 20, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" {...gridAtTicks} />
              <XAxis dataKey="t" type="number" domain={axes.span} allowDataOverflow ticks={axes.ticks} tickFormatter={axes.tick} label={{ value: 'time (UTC)', position: 'insideBottom', offset: -12 }} />
              <YAxis width={axes.q.width} domain={axes.q.domain} ticks={axes.q.ticks} tickFormatter={axes.q.tickFormatter} />
              <Tooltip labelFormatter={(t) => axes.tip(Number(t))} formatter={qty} />
              {maxQ !== null ? <ReferenceLine y={maxQ} stroke="#b83227" strokeDasharray="4 2" label={{ value: '+Q', position: 'insideTopRight' }} /> : null}
              {maxQ !== null ? <ReferenceLine y={-maxQ} stroke="#b83227" strokeDasharray="4 2" label={{ value: '−Q', position: 'insideBottomRight' }} /> : null}
              <Line dataKey="q" name="inventory" stroke="#2457c5" dot={false} isAnimationActive={false} type="stepAfter" />
            </LineChart>
          </ResponsiveContainer>
        </ChartFrame>
        <ChartFrame title="Our bid and ask around mid and fair value (price; drag the brush to zoom)" name="quotes" testId="chart-quotes" version={quoteRows} height={260}
          csv={() => ({ time: series.price.time, mid: series.price.mid, fairValue: series.price.fairValue, bid: series.price.bid, ask: series.price.ask })}>
          <ResponsiveContainer width="100%" height={260} minWidth={200}>
            <LineChart data={quoteRows} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" {...gridAtTicks} />
              {/* Fitted to the rows drawn: the brush zooms by cutting rows. */}
              <XAxis dataKey="t" type="number" domain={['dataMin', 'dataMax']} tickFormatter={axes.tick} />
              <YAxis width={axes.price.width} domain={axes.price.domain} ticks={axes.price.ticks} tickFormatter={axes.price.tickFormatter} />
              <Tooltip labelFormatter={(t) => axes.tip(Number(t))} formatter={price} />
              <Legend verticalAlign="top" height={22} />
              <Line dataKey="ask" stroke="#b83227" dot={false} isAnimationActive={false} connectNulls={false} />
              <Line dataKey="mid" stroke="#555" dot={false} isAnimationActive={false} />
              <Line dataKey="fair" name="fair value" stroke="#e67e22" dot={false} isAnimationActive={false} />
              <Line dataKey="bid" stroke="#1e874b" dot={false} isAnimationActive={false} connectNulls={false} />
              <Brush dataKey="t" height={18} tickFormatter={axes.tick} />
            </LineChart>
          </ResponsiveContainer>
        </ChartFrame>
        <ChartFrame title={`Quote-centre skew vs inventory (bps of mid${replay < 1 ? ', up to the replay cursor' : ''})`} name="skew-vs-inventory" testId="chart-skew" version={skewRows} height={220} csv={() => ({ q: skewRows.map((r) => r.q), skewBps: skewRows.map((r) => r.skewBps) })}>
          <ResponsiveContainer width="100%" height={220} minWidth={200}>
            <ScatterChart margin={{ top: 8, right: 16, bottom: 20, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" {...gridAtTicks} />
              <XAxis dataKey="q" type="number" name="inventory q" domain={skewAxes.q.domain} ticks={skewAxes.q.ticks} tickFormatter={skewAxes.q.tickFormatter} label={{ value: 'inventory q (asset units)', position: 'insideBottom', offset: -12 }} />
              <YAxis dataKey="skewBps" type="number" name="skew" width={skewAxes.bps.width} domain={skewAxes.bps.domain} ticks={skewAxes.bps.ticks} tickFormatter={skewAxes.bps.tickFormatter} />
              <Tooltip formatter={(v, name) => (name === 'skew' ? `${fmtBps(Number(v))} bps` : qty(v))} />
              <Scatter data={skewRows} name="mean skew at this inventory" fill="#2c3e50" isAnimationActive={false} />
            </ScatterChart>
          </ResponsiveContainer>
        </ChartFrame>
        <ChartFrame title={`Distribution of inventory (% of ticks${replay < 1 ? ' up to the replay cursor' : ''})`} name="inventory-distribution" testId="chart-inventory-hist" version={histRows} height={220} csv={() => ({ q: histRows.map((r) => r.q), sharePct: histRows.map((r) => r.share) })}>
          <ResponsiveContainer width="100%" height={220} minWidth={200}>
            <BarChart data={histRows} margin={{ top: 8, right: 16, bottom: 20, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="q" tickFormatter={qty} label={{ value: 'inventory q (asset units)', position: 'insideBottom', offset: -12 }} />
              <YAxis width={40} />
              <Tooltip formatter={(v) => `${Number(v).toFixed(2)} %`} labelFormatter={(q) => `q ≈ ${qty(q)}`} />
              <Bar dataKey="share" fill="#2457c5" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </ChartFrame>
      </div>
    </Panel>
  );
}
