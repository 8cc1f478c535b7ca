import { useDeferredValue, useMemo } from 'react';
import { Bar, BarChart, Brush, CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Panel } from '../../components/ui/Panel';
import { ChartFrame } from '../../components/ui/ChartFrame';
import { StaleNote } from '../../components/ui/StaleNote';
import { useLab } from '../../stores/lab-store';
import { fmtClock, replayCount } from '../../lib/time-axis';

const fmt = (v: unknown) => (typeof v === 'number' ? String(Number(v.toPrecision(6))) : String(v));
const tick3 = (v: number) => String(Number(v.toPrecision(3)));

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
    for (let i = 0; i < p.time.length; i++) {
      while (j + 1 < v.time.length && v.time[j + 1] <= p.time[i]) j++;
      const centre = (p.bid[i] + p.ask[i]) / 2;
      if (Number.isFinite(centre) && p.mid[i] > 0) rows.push({ q: v.inventory[j], skewBps: ((centre - p.mid[i]) / p.mid[i]) * 1e4 });
    }
    // Average per inventory level: one point per q keeps the chart readable.
    const by = new Map<number, { s: number; n: number }>();
    for (const r of rows) { const e = by.get(r.q) ?? { s: 0, n: 0 }; e.s += r.skewBps; e.n++; by.set(r.q, e); }
    return [...by.entries()].sort((a, b) => a[0] - b[0]).map(([q, e]) => ({ q, skewBps: e.s / e.n }));
  }, [series]);
  const histRows = useMemo(() => {
    if (!summary) return [];
    const h = summary.inventoryHist;
    return Array.from(h.centre, (c, i) => ({ q: Number(c.toPrecision(4)), share: 100 * h.share[i] }));
  }, [summary]);
  if (!series) return <Panel id="inventory" title="Inventory & quotes"><p className="muted">Waiting for the run…</p></Panel>;
  return (
    <Panel id="inventory" title="Inventory & quotes" subtitle={summary ? `Average |q| ${fmt(summary.metrics.avgAbsInventory)}, max |q| ${fmt(summary.metrics.maxAbsInventory)}, at the limit ${(100 * summary.metrics.timeAtLimit).toFixed(1)} % of the time.` : 'Partial results — the run is still going.'}>
      <StaleNote status={status} stale={stale} />
      <div className="lab-grid">
        <ChartFrame title="Inventory q (asset units) with the ±Q band" name="inventory" testId="chart-inventory" version={invRows} csv={() => ({ time: series.inventory.time, inventory: series.inventory.inventory })}>
          <ResponsiveContainer width="100%" height={240} minWidth={200}>
            <LineChart data={invRows} margin={{ top: 8, right: 16, bottom: 20, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="t" type="number" domain={['dataMin', 'dataMax']} tickFormatter={fmtClock} label={{ value: 'time (UTC)', position: 'insideBottom', offset: -12 }} />
              <YAxis width={48} domain={[(min: number) => Math.min(min, -(maxQ ?? 0)), (max: number) => Math.max(max, maxQ ?? 0)]} tickFormatter={tick3} />
              <Tooltip labelFormatter={(t) => fmtClock(Number(t))} formatter={fmt} />
              {maxQ !== null ? <ReferenceLine y={maxQ} stroke="#b83227" strokeDasharray="4 2" label="+Q" /> : null}
              {maxQ !== null ? <ReferenceLine y={-maxQ} stroke="#b83227" strokeDasharray="4 2" label="−Q" /> : null}
              <Line dataKey="q" name="inventory" stroke="#2457c5" dot={false} isAnimationActive={false} type="stepAfter" />
            </LineChart>
          </ResponsiveContainer>
        </ChartFrame>
        <ChartFrame title="Our bid and ask around mid and fair value (price; drag the brush to zoom)" name="quotes" testId="chart-quotes" version={quoteRows} height={260}
          csv={() => ({ time: series.price.time, mid: series.price.mid, fairValue: series.price.fairValue, bid: series.price.bid, ask: series.price.ask })}>
          <ResponsiveContainer width="100%" height={260} minWidth={200}>
            <LineChart data={quoteRows} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="t" type="number" domain={['dataMin', 'dataMax']} tickFormatter={fmtClock} />
              <YAxis width={72} domain={['auto', 'auto']} tickFormatter={fmt} />
              <Tooltip labelFormatter={(t) => fmtClock(Number(t))} formatter={fmt} />
              <Legend verticalAlign="top" height={22} />
              <Line dataKey="ask" stroke="#b83227" dot={false} isAnimationActive={false} connectNulls={false} />
              <Line dataKey="mid" stroke="#555" dot={false} isAnimationActive={false} />
              <Line dataKey="fair" name="fair value" stroke="#e67e22" dot={false} isAnimationActive={false} />
              <Line dataKey="bid" stroke="#1e874b" dot={false} isAnimationActive={false} connectNulls={false} />
              <Brush dataKey="t" height={18} tickFormatter={fmtClock} />
            </LineChart>
          </ResponsiveContainer>
        </ChartFrame>
        <ChartFrame title="Quote-centre skew vs inventory (bps of mid)" name="skew-vs-inventory" testId="chart-skew" version={skewRows} height={220} csv={() => ({ q: skewRows.map((r) => r.q), skewBps: skewRows.map((r) => r.skewBps) })}>
          <ResponsiveContainer width="100%" height={220} minWidth={200}>
            <LineChart data={skewRows} margin={{ top: 8, right: 16, bottom: 20, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="q" type="number" domain={['dataMin', 'dataMax']} tickFormatter={tick3} label={{ value: 'inventory q', position: 'insideBottom', offset: -12 }} />
              <YAxis width={56} tickFormatter={fmt} />
              <Tooltip formatter={fmt} labelFormatter={(q) => `q = ${q}`} />
              <Line dataKey="skewBps" name="skew (bps)" stroke="#2c3e50" isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        </ChartFrame>
        <ChartFrame title="Distribution of inventory (% of ticks)" name="inventory-distribution" testId="chart-inventory-hist" version={histRows} height={220} csv={() => ({ q: histRows.map((r) => r.q), sharePct: histRows.map((r) => r.share) })}>
          <ResponsiveContainer width="100%" height={220} minWidth={200}>
            <BarChart data={histRows} margin={{ top: 8, right: 16, bottom: 20, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="q" tickFormatter={tick3} label={{ value: 'inventory q', position: 'insideBottom', offset: -12 }} />
              <YAxis width={40} />
              <Tooltip formatter={(v) => `${Number(v).toFixed(2)} %`} />
              <Bar dataKey="share" fill="#2457c5" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </ChartFrame>
      </div>
    </Panel>
  );
}
