import { useMemo, useState } from 'react';
import type { ValueAxis } from '../../../lib/value-axis';
import { Grid, YAxis } from './Axes';
import { plotBox, RIGHT_PX, TEXT } from './layout';
import { bandIndex } from './nearest';
import { linearScale } from './scale';
import { Tooltip } from './Tooltip';
import { useMeasuredWidth } from './use-width';

/** One category bar spanning [lo, hi] (data units) in its own colour; `value` is what the tooltip reads. */
export interface RangeBar {
  name: string;
  lo: number;
  hi: number;
  value: number;
  color: string;
}

/** Category labels below the plot, two lines at most, px. */
const CATEGORY_PX = 36;
/** Share of each band left empty between bars. */
const GAP = 0.2;

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
export function RangeBarChart({ bars, yAxis, yTitle, yTip, height, label, seriesName }: {
  bars: readonly RangeBar[];
  yAxis: ValueAxis;
  yTitle?: string;
  yTip: (v: number) => string;
  height: number;
  label: string;
  /** Name of the value in the tooltip (with its unit). */
  seriesName: string;
}) {
  const [ref, width] = useMeasuredWidth<HTMLDivElement>();
  const box = plotBox(width, height, { left: yAxis.width, top: 8, right: RIGHT_PX, bottom: CATEGORY_PX });
  const sy = useMemo(() => linearScale(yAxis.domain, [box.top + box.height, box.top]), [yAxis.domain, box.top, box.height]);
  const [hover, setHover] = useState(-1);
  const band = bars.length > 0 ? box.width / bars.length : 0;
  const ys = { ticks: yAxis.ticks, format: yAxis.tickFormatter, scale: sy, title: yTitle };
  const bottom = box.top + box.height;
  const i = hover < bars.length ? hover : -1;
  return (
    <div ref={ref} className="mmc" style={{ position: 'relative', width: '100%', height }}>
      {width > 0 ? (
        <svg className="mmc-surface" width={width} height={height} role="img" aria-label={label}>
          <Grid box={box} y={ys} />
          {bars.map((b, k) => {
            const y0 = sy(b.hi), y1 = sy(b.lo);
            return <rect key={b.name} className="mmc-bar" data-name={b.name} x={box.left + (k + GAP / 2) * band} width={band * (1 - GAP)} y={y0} height={Math.max(1, y1 - y0)} fill={b.color} />;
          })}
          <line x1={box.left} x2={box.left + box.width} y1={bottom} y2={bottom} stroke="#999" />
          {bars.map((b, k) => <CategoryLabel key={b.name} x={box.left + (k + 0.5) * band} y={bottom + 2} name={b.name} />)}
          <YAxis box={box} axis={ys} />
          {i >= 0 ? <rect x={box.left + i * band} y={box.top} width={band} height={box.height} fill="rgba(0,0,0,0.06)" pointerEvents="none" /> : null}
          <rect className="mmc-overlay" x={box.left} y={box.top} width={box.width} height={box.height} fill="transparent"
            onPointerMove={(e) => setHover(bandIndex(bars.length, box.left, box.width, e.clientX - e.currentTarget.ownerSVGElement!.getBoundingClientRect().left))}
            onPointerLeave={() => setHover(-1)} />
        </svg>
      ) : null}
      {i >= 0 ? <Tooltip x={box.left + (i + 0.5) * band} y={box.top} width={width} title={bars[i].name} rows={[{ name: seriesName, value: yTip(bars[i].value), color: bars[i].color }]} /> : null}
    </div>
  );
}
