import { useMemo } from 'react';
import { ChartFrame } from '../../components/ui/ChartFrame';
import type { RegimeRow, RegimeView, RunSeriesView } from '../../stores/lab-store';
import { fmtBps, fmtTip } from '../../lib/format';
import { replayCount as countPoints } from '../../lib/time-axis';
import { finiteExtent, valueAxis } from '../../lib/value-axis';
import { NO_REGIME_COLOUR, posteriorColumns, priceByState, regimeColour, spreadByRegime } from './regime-rows';
import { cursorSeconds } from '../../stores/replay-cursor';
import { LineChart, type LineSeries, type RefLine, type XMark } from '../../components/ui/charts/LineChart';
import { RangeBarChart, type RangeBar } from '../../components/ui/charts/RangeBarChart';
import { elapsedX } from '../../components/ui/charts/elapsed-axis';
import { countAtOrBefore } from '../../components/ui/charts/nearest';

const CURSOR = '#d35400';
const NO_TIME = new Float64Array(0);
const ZERO: RefLine[] = [{ y: 0, color: '#888', solid: true }];
const fmtValue = (v: number) => fmtTip(v);
const fmtBpsTip = (v: number) => `${fmtBps(v)} bps`;

/** The replay cursor on a chart whose last drawn point is x[n − 1] (none when not replaying or nothing is drawn). */
function cursorMarks(x: ArrayLike<number>, n: number, replaying: boolean): XMark[] {
  return replaying && n > 0 ? [{ x: x[n - 1], label: 'replay', color: CURSOR, className: 'replay-cursor' }] : [];
}

/** Whether any of the first n values is finite. */
function anyFinite(y: ArrayLike<number>, n: number): boolean {
  for (let i = 0; i < n; i++) if (Number.isFinite(y[i])) return true;
  return false;
}

interface BarRow { state: number; label: string; halfSpreadBps: number; pnlSharePct: number }

/** A bar per regime from 0 to its value `v` (none where it is NaN), in the regime's colour. */
function regimeBars(bars: readonly BarRow[], v: (b: BarRow) => number): RangeBar[] {
  return bars.map((b) => ({ name: b.label, lo: Math.min(0, v(b)), hi: Math.max(0, v(b)), value: v(b), color: regimeColour(b.label, b.state) }));
}

/**
 * Price by Viterbi state, stacked posteriors, δ* and PnL share per regime, and the quoted spread by
 * the strategy's regime. While replaying (`replay` < 1, a share of the time span) the three time
 * charts draw up to the cursor on the whole run's time axis and the regime at the cursor is read
 * out; the bars and the table stay whole-run figures.
 */
export function RegimeCharts({ view, rows, series, strategyLabels, replay = 1 }: { view: RegimeView; rows: readonly RegimeRow[]; series: RunSeriesView | null; strategyLabels: string[]; replay?: number }) {
  const K = view.nStates;
  const names = useMemo(() => Array.from({ length: K }, (_, k) => view.rows.find((r) => r.state === k)?.label ?? view.labels[k] ?? `state ${k}`), [view, K]);
  const x = useMemo(() => elapsedX(view.time), [view]);
  const priceCols = useMemo(() => priceByState(view), [view]);
  const postCols = useMemo(() => posteriorColumns(view), [view]);
  // The strategy numbers its own regimes (summary.regimeShares, possibly another K); without them, the display model's.
  const spreadNames = strategyLabels.length > 0 ? strategyLabels : names;
  const Ks = spreadNames.length;
  const seriesTime = series?.price.time ?? NO_TIME;
  const seriesX = useMemo(() => elapsedX(seriesTime), [seriesTime]);
  const spread = useMemo(() => (series ? spreadByRegime(series, Ks) : null), [series, Ks]);
  const replaying = replay < 1;
  // Points drawn: those at or before the cursor, on each chart's own x (all of them when not replaying).
  const n = countAtOrBefore(x.secs, cursorSeconds(view.time, replay));
  const nSpread = spread ? countAtOrBefore(spread.t, cursorSeconds(seriesTime, replay)) : 0;
  const hasNone = spread !== null && anyFinite(spread.cols[Ks], nSpread);
  const bars = useMemo(() => rows.map((r): BarRow => ({ state: r.state, label: r.label, halfSpreadBps: r.halfSpreadBps, pnlSharePct: Number.isFinite(r.pnlShare) ? r.pnlShare * 100 : Number.NaN })), [rows]);
  const anyPnlShare = bars.some((b) => Number.isFinite(b.pnlSharePct));
  const deltaBars = useMemo(() => regimeBars(bars, (b) => b.halfSpreadBps), [bars]);
  const shareBars = useMemo(() => regimeBars(bars, (b) => b.pnlSharePct), [bars]);
  // Axes from the whole run (not the replay cut), so they hold still while replaying.
  const axes = useMemo(() => ({
    price: valueAxis(finiteExtent(priceCols.slice(0, K)), { title: true }),
    post: valueAxis([0, 1], { title: true }),
    delta: valueAxis(finiteExtent([bars.map((b) => b.halfSpreadBps)], [0]), { title: true }),
    share: valueAxis(finiteExtent([bars.map((b) => b.pnlSharePct)], [0]), { title: true }),
    spread: valueAxis(finiteExtent(spread ? spread.cols : []), { title: true }),
  }), [priceCols, spread, bars, K]);
  const lines = useMemo(() => ({
    price: names.map((name, k): LineSeries => ({ y: priceCols[k], name, color: regimeColour(name, k) })),
    post: names.map((name, k): LineSeries => ({ y: postCols[k], name, color: regimeColour(name, k), fill: regimeColour(name, k), fillOpacity: 0.55 })),
  }), [names, priceCols, postCols]);
  const spreadLines = useMemo((): LineSeries[] => {
    if (!spread) return [];
    // Only regimes the strategy quoted in over the whole run (not the replay cut, so the legend holds still): one
    // without regimes draws the grey line alone, and its legend lists no regime colours.
    const out = spreadNames.flatMap((name, k): LineSeries[] => (anyFinite(spread.cols[k], spread.cols[k].length) ? [{ y: spread.cols[k], name, color: regimeColour(name, k) }] : []));
    if (hasNone) out.push({ y: spread.cols[Ks], name: 'no regime (strategy without regimes)', color: NO_REGIME_COLOUR });
    return out;
  }, [spread, spreadNames, Ks, hasNone]);
  // What each time chart draws: its points, and the cursor line at the last of them while replaying.
  const viewDrawn = useMemo(() => ({ view, n, replaying }), [view, n, replaying]);
  const spreadDrawn = useMemo(() => ({ spreadLines, nSpread, replaying }), [spreadLines, nSpread, replaying]);
  const viewMarks = useMemo(() => cursorMarks(x.secs, n, replaying), [x, n, replaying]);
  const spreadMarks = useMemo(() => (spread ? cursorMarks(spread.t, nSpread, replaying) : []), [spread, nSpread, replaying]);
  const stateAt = replaying && n > 0 ? view.state[n - 1] : -1;
  const strategyRegime = replaying && series ? series.price.regime[Math.max(0, countPoints(seriesTime, replay) - 1)] : Number.NaN;
  const postCsv = () => {
    const cols: Record<string, ArrayLike<number>> = { time: view.time };
    for (let k = 0; k < K; k++) cols[`p_${names[k]}`] = postCols[k];
    return cols;
  };
  const time = { x: x.secs, count: n, marks: viewMarks, xAxis: x.axis, xTip: x.tip, height: 240, legend: true } as const;
  return (
    <>
    {replaying ? (
      <p className="replay-readout" data-testid="regime-at-cursor">
        {stateAt >= 0
          ? `At the replay cursor, ${x.tip(x.secs[n - 1])}: Viterbi regime ${names[stateAt]} (posterior ${fmtTip(view.post[(n - 1) * K + stateAt])})${Number.isFinite(strategyRegime) && strategyRegime >= 0 ? `; the strategy quoted in its ${spreadNames[strategyRegime] ?? `state ${strategyRegime}`} regime` : ''}.`
          : 'The replay cursor is before the first point.'}
        {' '}The table and the bars cover the whole run.
      </p>
    ) : null}
    <div className="lab-grid">
      <ChartFrame title="Mid price coloured by Viterbi regime" name="regime-price" csv={() => ({ time: view.time, price: view.price, state: view.state })} testId="regime-price-chart" version={viewDrawn}>
        <LineChart {...time} series={lines.price} yAxis={axes.price} yTitle="price" yTip={fmtValue} label="Mid price over time, each stretch coloured by its Viterbi regime" />
      </ChartFrame>
      <ChartFrame title="Posterior regime probabilities (stacked)" name="regime-posteriors" csv={postCsv} testId="regime-posterior-chart" version={viewDrawn}>
        <LineChart {...time} series={lines.post} stacked yAxis={axes.post} yTitle="probability" yTip={fmtValue} label="Smoothed posterior probability of each regime over time, stacked to 1" />
      </ChartFrame>
      <ChartFrame title="Optimal AS half-spread δ* by regime (bps)" name="regime-half-spread" csv={() => ({ state: bars.map((b) => b.state), halfSpreadBps: bars.map((b) => b.halfSpreadBps) })} testId="regime-delta-chart" version={deltaBars} height={220}>
        <RangeBarChart bars={deltaBars} yAxis={axes.delta} yTitle="δ* (bps)" xTitle="regime" yTip={fmtBpsTip} seriesName="δ* (bps)" height={220}
          label="Optimal Avellaneda-Stoikov half-spread δ* in each regime, basis points" />
      </ChartFrame>
      <ChartFrame title="PnL share by regime (%)" name="regime-pnl-share" csv={() => ({ state: bars.map((b) => b.state), pnlSharePct: bars.map((b) => b.pnlSharePct) })} testId="regime-pnl-chart" version={anyPnlShare ? shareBars : undefined} height={220}>
        {anyPnlShare ? (
          <RangeBarChart bars={shareBars} refLines={ZERO} yAxis={axes.share} yTitle="%" xTitle="regime" yTip={fmtValue} seriesName="PnL share (%)" height={220}
            label="Share of the net PnL earned in each regime, percent" />
        ) : (
          <p className="muted" data-testid="regime-pnl-none">No PnL by regime: the strategy does not switch on regimes (choose “AS + Kalman + HMM regimes”), or the net PnL is zero.</p>
        )}
      </ChartFrame>
      <ChartFrame title="Quoted half-spread (ask − bid)/2 by the strategy's regime (bps)" name="regime-spread-path" testId="regime-spread-chart" version={nSpread > 0 ? spreadDrawn : undefined}>
        {spread && nSpread > 0 ? (
          <LineChart x={spread.t} count={nSpread} marks={spreadMarks} series={spreadLines} legend height={240} xAxis={seriesX.axis} xTip={seriesX.tip}
            yAxis={axes.spread} yTitle="bps" yTip={fmtBpsTip} label="Quoted half-spread over time in basis points of mid, coloured by the strategy's regime" />
        ) : (
          <p className="muted">No quotes yet.</p>
        )}
      </ChartFrame>
    </div>
    </>
  );
}
