import { useMemo, useState } from 'react';
import type { ValueAxis } from '../../../lib/value-axis';
import { Grid, YAxis } from './Axes';
import { plotBox, RIGHT_PX, TEXT, X_TITLE_PX } from './layout';
import { bandIndex } from './nearest';
import { linearScale } from './scale';
import { Tooltip } from './Tooltip';
import { useMeasuredWidth } from './use-width';
import { HLines, type RefLine } from './RefLines';

/** One category bar spanning [lo, hi] (data units) in its own colour; `value` is what the tooltip reads. NaN ends: no bar. */
export interface RangeBar {
  name: string;
  lo: number;
  hi: number;
  value: number;
  color: string;
}

/** Category labels below the plot, px: one line, or two when a name has words to wrap. */
const CATEGORY_PX = [22, 36] as const;
/** Share of each band left empty between bars. */
const GAP = 0.2;

/** Approximate width of one label character at 11 px, px. */
const CHAR_PX = 6.5;

/**
 * Label every k-th category so labels never overlap: 1 when each label's widest line fits its band,
 * else the smallest k whose k bands hold one.
 */
export function labelEvery(bars: ReadonlyArray<{ name: string }>, band: number): number {
  if (!(band > 0)) return 1;
  let widest = 0;
  for (const b of bars) {
    const words = b.name.split(' ');
    const half = Math.ceil(words.length / 2);
    const lines = words.length > 1 ? [words.slice(0, half).join(' '), words.slice(half).join(' ')] : words;
    for (const l of lines) widest = Math.max(widest, l.length * CHAR_PX + 6);
  }
  return Math.max(1, Math.ceil(widest / band));
}

/** A category label split between words onto two lines, so long names stay apart on a narrow chart. */
function CategoryLabel({ x, y, name }: { x: number; y: number; name: string }) {
  const words = name.split(' ');
  const half = Math.ceil(words.length / 2);
  const lines = words.length > 1 ? [words.slice(0, half).join(' '), words.slice(half).join(' ')] : words;
  return (
    <text className="mmc-x-tick" x={x} y={y} textAnchor="middle" {...TEXT}>
      {lines.map((l, k) => <tspan key={k} x={x} dy={k === 0 ? 10 : 12}>{l}</tspan>)}
    </text>
  );
}

/**
 * Bars over categories, each spanning its own [lo, hi] (a waterfall: each step starts where the
 * previous one ended) in its own colour; horizontal grid lines at the value ticks, a hover readout.
 */
export function RangeBarChart({ bars, yAxis, yTitle, yTip, height, label, seriesName, xTitle, tipTitle, refLines }: {
  bars: readonly RangeBar[];
  yAxis: ValueAxis;
  yTitle?: string;
  yTip: (v: number) => string;
  height: number;
  label: string;
  /** Name of the value in the tooltip (with its unit). */
  seriesName: string;
  /** Title under the category labels (with its unit), for categories that are values (e.g. inventory levels). */
  xTitle?: string;
  /** Tooltip title of a bar; its name when omitted. */
  tipTitle?: (bar: RangeBar) => string;
  /** Horizontal reference lines (zero, a confidence band), drawn over the bars. */
  refLines?: readonly RefLine[];
}) {
  const [ref, width] = useMeasuredWidth<HTMLDivElement>();
  const box = plotBox(width, height, { left: yAxis.width, top: 8, right: RIGHT_PX, bottom: CATEGORY_PX[bars.some((b) => b.name.includes(' ')) ? 1 : 0] + (xTitle ? X_TITLE_PX : 0) });
  const sy = useMemo(() => linearScale(yAxis.domain, [box.top + box.height, box.top]), [yAxis.domain, box.top, box.height]);
  const [hover, setHover] = useState(-1);
  const band = bars.length > 0 ? box.width / bars.length : 0;
  const ys = { ticks: yAxis.ticks, format: yAxis.tickFormatter, scale: sy, title: yTitle };
  const bottom = box.top + box.height;
  const i = hover < bars.length ? hover : -1;
  const every = labelEvery(bars, band);
  return (
    <div ref={ref} className="mmc" style={{ position: 'relative', width: '100%', height }}>
      {width > 0 ? (
        <svg className="mmc-surface" width={width} height={height} role="img" aria-label={label}>
          <Grid box={box} y={ys} />
          {bars.map((b, k) => {
            // A category without a value (NaN) keeps its label and readout but draws no bar.
            if (!Number.isFinite(b.lo) || !Number.isFinite(b.hi)) return null;
            const y0 = sy(b.hi), y1 = sy(b.lo);
            return <rect key={k} className="mmc-bar" data-name={b.name} x={box.left + (k + GAP / 2) * band} width={band * (1 - GAP)} y={y0} height={Math.max(1, y1 - y0)} fill={b.color} />;
          })}
          {refLines ? <HLines lines={refLines} box={box} sy={sy} /> : null}
          <line x1={box.left} x2={box.left + box.width} y1={bottom} y2={bottom} stroke="#999" />
          {bars.map((b, k) => (k % every === 0 ? <CategoryLabel key={k} x={box.left + (k + 0.5) * band} y={bottom + 2} name={b.name} /> : null))}
          {xTitle ? <text className="mmc-x-title" x={box.left + box.width / 2} y={height - 4} textAnchor="middle" {...TEXT}>{xTitle}</text> : null}
          <YAxis box={box} axis={ys} />
          {i >= 0 ? <rect x={box.left + i * band} y={box.top} width={band} height={box.height} fill="rgba(0,0,0,0.06)" pointerEvents="none" /> : null}
          <rect className="mmc-overlay" x={box.left} y={box.top} width={box.width} height={box.height} fill="transparent"
            onPointerMove={(e) => setHover(bandIndex(bars.length, box.left, box.width, e.clientX - e.currentTarget.ownerSVGElement!.getBoundingClientRect().left))}
            onPointerLeave={() => setHover(-1)} />
        </svg>
      ) : null}
      {i >= 0 ? <Tooltip x={box.left + (i + 0.5) * band} y={box.top} width={width} title={tipTitle ? tipTitle(bars[i]) : bars[i].name} rows={[{ name: seriesName, value: yTip(bars[i].value), color: bars[i].color }]} /> : null}
    </div>
  );
}
