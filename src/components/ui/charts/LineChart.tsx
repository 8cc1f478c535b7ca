import { useMemo, useState } from 'react';
import type { ValueAxis } from '../../../lib/value-axis';
import { Grid, XAxis, YAxis } from './Axes';
import { plotBox, RIGHT_PX, X_TICKS_PX, X_TITLE_PX } from './layout';
import { Legend, legendHeight, legendLayout } from './Legend';
import { nearestIndex } from './nearest';
import { areaPath, bandPath, dotsPath, errorBarsPath, linePath } from './path';
import { stackColumns } from './stack';
import { linearScale, logScale } from './scale';
import { Tooltip } from './Tooltip';
import { useMeasuredWidth } from './use-width';
import { HLines, VLines, type RefLine, type XMark } from './RefLines';

export type { RefLine, XMark } from './RefLines';

/**
 * One series over the chart's x: its values, name (legend, tooltip) and colour; `fill` draws it as an
 * area down to 0 (in a stacked chart, down to the series below), `step` as a step line (a held
 * quantity), `dots` as a dot per point (a scatter), `lower` as a band from lower to y (filled, no line).
 */
export interface LineSeries {
  y: ArrayLike<number>;
  name: string;
  color: string;
  fill?: string;
  /** Opacity of the fill (1 when omitted). */
  fillOpacity?: number;
  step?: boolean;
  dots?: boolean;
  /** A dot at each point of the line as well. */
  points?: boolean;
  /** Dash pattern of the line (SVG stroke-dasharray), solid when omitted. */
  dash?: string;
  /** ± this at each point as error bars (e.g. one standard error). */
  err?: ArrayLike<number>;
  /** The band's lower edge: the series is the area between `lower` and `y` (an interval), drawn in `fill`. */
  lower?: ArrayLike<number>;
  /** The series' own ascending x (curves sampled at different times), drawn whole; the chart's `count`/`from` cut the shared x only. */
  x?: ArrayLike<number>;
  /** Stroke width, px (1.5 when omitted), and opacity (1): a wide pale line under a thin one shows both. */
  width?: number;
  opacity?: number;
}

export interface LineChartProps {
  /** Ascending x values (e.g. times, s since epoch), shared by every series. */
  x: ArrayLike<number>;
  /** How many leading points to draw (a replay cut); all of them when omitted. */
  count?: number;
  /** First point drawn (a zoomed window); 0 when omitted. */
  from?: number;
  refLines?: readonly RefLine[];
  /** Vertical markers (the replay cursor), drawn over the series. */
  marks?: readonly XMark[];
  series: readonly LineSeries[];
  /** The x axis: its domain (the whole run, even when fewer points are drawn), ticks, labels and title. */
  xAxis: { domain: readonly [number, number]; ticks: readonly number[]; format: (v: number) => string; title?: string };
  /** Tooltip label of an x value (e.g. a time with its date). */
  xTip: (v: number) => string;
  yAxis: ValueAxis;
  yTitle?: string;
  /** Tooltip text of a y value. */
  yTip: (v: number) => string;
  height: number;
  legend?: boolean;
  /** Log-10 axes (positive values only; others leave gaps). */
  xLog?: boolean;
  yLog?: boolean;
  /** Series drawn stacked, each on top of the ones before it (shares that sum to 1); the tooltip reads each one's own value. */
  stacked?: boolean;
  /** What the chart shows, for assistive tech. */
  label: string;
}

/** A series' tooltip text at point i: its value (± its error), a band's "lower – upper", '—' for none. */
function tipValue(s: LineSeries, i: number, fmt: (v: number) => string): string {
  const v = s.y[i];
  if (!Number.isFinite(v)) return '—';
  if (s.lower) return Number.isFinite(s.lower[i]) ? `${fmt(s.lower[i])} – ${fmt(v)}` : '—';
  return s.err && Number.isFinite(s.err[i]) ? `${fmt(v)} ± ${fmt(s.err[i])}` : fmt(v);
}

/** The point of series `s` read out at shared point i (at x): i itself, or on the series' own x the one nearest x. */
function pointOf(s: LineSeries, x: number, i: number): number {
  return s.x ? nearestIndex(s.x, s.x.length, x) : i;
}

/**
 * A number/time x-axis line chart: each series is one <path> built in one pass over its array (no
 * element per point), NaN values break the line, grid lines at the axis ticks, a legend, and a hover
 * readout of every series at the nearest point. Fills its container's width at the given height.
 */
export function LineChart(p: LineChartProps) {
  const [ref, width] = useMeasuredWidth<HTMLDivElement>();
  const n = Math.min(p.count ?? p.x.length, p.x.length);
  const from = Math.max(0, Math.min(p.from ?? 0, n));
  const legend = useMemo(() => (p.legend ? legendLayout(p.series.map((s) => s.name), p.yAxis.width, width - p.yAxis.width - RIGHT_PX) : null), [p.legend, p.series, p.yAxis.width, width]);
  const top = legend ? legendHeight(legend.rows) + 6 : 8;
  const box = plotBox(width, p.height, { left: p.yAxis.width, top, right: RIGHT_PX, bottom: X_TICKS_PX + (p.xAxis.title ? X_TITLE_PX : 0) });
  const sx = useMemo(() => (p.xLog ? logScale : linearScale)(p.xAxis.domain, [box.left, box.left + box.width]), [p.xLog, p.xAxis.domain, box.left, box.width]);
  const sy = useMemo(() => (p.yLog ? logScale : linearScale)(p.yAxis.domain, [box.top + box.height, box.top]), [p.yLog, p.yAxis.domain, box.top, box.height]);
  // Hover picks the point nearest in pixels: on a log x, nearest in log x.
  const hoverX = useMemo(() => (p.xLog ? Float64Array.from(p.x, Math.log10) : p.x), [p.xLog, p.x]);
  // The heights drawn: each series' own values, or the running sums when stacked.
  const drawnY = useMemo((): ReadonlyArray<ArrayLike<number>> => (p.stacked ? stackColumns(p.series.map((s) => s.y), p.x.length) : p.series.map((s) => s.y)), [p.stacked, p.series, p.x.length]);
  const paths = useMemo(() => (width > 0 ? p.series.map((s, k) => {
    const y = drawnY[k];
    const base = Math.min(Math.max(0, p.yAxis.domain[0]), p.yAxis.domain[1]);
    // A series on its own x is drawn whole; the others up to the shared cut.
    const x = s.x ?? p.x, m = s.x ? s.x.length : n, at = s.x ? 0 : from;
    return {
      line: s.lower ? '' : s.dots ? dotsPath(x, y, m, sx, sy, 3, at) : linePath(x, y, m, sx, sy, { from: at, step: s.step }),
      area: s.lower ? bandPath(x, s.lower, y, m, sx, sy, at)
        : !s.fill ? '' : p.stacked && k > 0 ? bandPath(x, drawnY[k - 1], y, m, sx, sy, at) : areaPath(x, y, m, sx, sy, base, at),
      points: s.points ? dotsPath(x, y, m, sx, sy, 3, at) : '',
      err: s.err ? errorBarsPath(x, y, s.err, m, sx, sy, 4, at) : '',
    };
  }) : []), [width, p.series, p.stacked, drawnY, p.x, n, from, sx, sy, p.yAxis.domain]);
  const [hover, setHover] = useState(-1);
  const i = hover >= from && hover < n ? hover : -1;
  const xs = { ticks: p.xAxis.ticks, format: p.xAxis.format, scale: sx, title: p.xAxis.title };
  const ys = { ticks: p.yAxis.ticks, format: p.yAxis.tickFormatter, scale: sy, title: p.yTitle };
  return (
    <div ref={ref} className="mmc" style={{ position: 'relative', width: '100%', height: p.height }}>
      {width > 0 ? (
        <svg className="mmc-surface" width={width} height={p.height} role="img" aria-label={p.label}>
          <Grid box={box} x={xs} y={ys} />
          {p.series.map((s, k) => (
            <g key={s.name}>
              {s.fill || s.lower ? <path className={s.lower ? 'mmc-area mmc-band' : 'mmc-area'} data-series={s.lower ? s.name : undefined} d={paths[k].area} fill={s.fill ?? s.color} fillOpacity={s.fillOpacity} stroke="none" /> : null}
              {s.lower ? null : s.dots
                ? <path className="mmc-dots" data-series={s.name} d={paths[k].line} fill={s.color} stroke="none" />
                : <path className={s.fill ? 'mmc-line mmc-area-line' : 'mmc-line'} data-series={s.name} d={paths[k].line} fill="none" stroke={s.color} strokeWidth={s.width ?? 1.5} strokeOpacity={s.opacity} strokeDasharray={s.dash} strokeLinejoin="round" />}
              {s.points ? <path className="mmc-points" d={paths[k].points} fill={s.color} stroke="none" /> : null}
              {s.err ? <path className="mmc-err" d={paths[k].err} fill="none" stroke={s.color} strokeWidth={1} /> : null}
            </g>
          ))}
          <HLines lines={p.refLines ?? []} box={box} sy={sy} />
          <VLines marks={p.marks ?? []} box={box} sx={sx} />
          <XAxis box={box} axis={xs} svgHeight={p.height} />
          <YAxis box={box} axis={ys} />
          {legend ? <Legend items={p.series} x={box.left} y={10} maxWidth={box.width} /> : null}
          {i >= 0 ? (
            <g className="mmc-hover" pointerEvents="none">
              <line x1={sx(p.x[i])} x2={sx(p.x[i])} y1={box.top} y2={box.top + box.height} stroke="#888" />
              {p.series.map((s, k) => {
                const j = pointOf(s, p.x[i], i);
                return !s.lower && j >= 0 && Number.isFinite(sy(drawnY[k][j])) ? <circle key={s.name} cx={sx((s.x ?? p.x)[j])} cy={sy(drawnY[k][j])} r={3} fill={s.color} /> : null;
              })}
            </g>
          ) : null}
          <rect className="mmc-overlay" x={box.left} y={box.top} width={box.width} height={box.height} fill="transparent"
            onPointerMove={(e) => {
              const at = sx.invert(e.clientX - e.currentTarget.ownerSVGElement!.getBoundingClientRect().left);
              setHover(nearestIndex(hoverX, n, p.xLog ? Math.log10(at) : at, from));
            }}
            onPointerLeave={() => setHover(-1)} />
        </svg>
      ) : null}
      {i >= 0 ? (
        <Tooltip x={sx(p.x[i])} y={box.top} width={width} title={p.xTip(p.x[i])}
          rows={p.series.map((s) => { const j = pointOf(s, p.x[i], i); return { name: s.name, color: s.color, value: j >= 0 ? tipValue(s, j, p.yTip) : '—' }; })} />
      ) : null}
    </div>
  );
}
