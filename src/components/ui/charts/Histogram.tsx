import { useMemo, useState } from 'react';
import type { ValueAxis } from '../../../lib/value-axis';
import { Grid, XAxis, YAxis } from './Axes';
import { countAxis } from './count-axis';
import { plotBox, RIGHT_PX, X_TICKS_PX, X_TITLE_PX } from './layout';
import { bandIndex } from './nearest';
import { linearScale } from './scale';
import { Tooltip } from './Tooltip';
import { useMeasuredWidth } from './use-width';

/**
 * A histogram on a number x axis: bin k spans [edges[k], edges[k+1]] and is drawn as one bar of
 * height counts[k] (empty bins draw nothing); vertical grid lines at the x ticks, a count y axis
 * from 0, and a hover readout of the bin under the pointer.
 */
export function Histogram({ edges, counts, xAxis, xTitle, xTip, yTitle, color, height, label }: {
  /** Bin edges, ascending (one more than the counts). */
  edges: ArrayLike<number>;
  counts: ArrayLike<number>;
  xAxis: ValueAxis;
  xTitle?: string;
  /** Tooltip text of a bin's centre. */
  xTip: (v: number) => string;
  yTitle: string;
  color: string;
  height: number;
  label: string;
}) {
  const [ref, width] = useMeasuredWidth<HTMLDivElement>();
  const yAxis = useMemo(() => {
    let max = 0;
    for (let k = 0; k < counts.length; k++) if (counts[k] > max) max = counts[k];
    return countAxis(max);
  }, [counts]);
  const box = plotBox(width, height, { left: yAxis.width, top: 8, right: RIGHT_PX, bottom: X_TICKS_PX + (xTitle ? X_TITLE_PX : 0) });
  const sx = useMemo(() => linearScale(xAxis.domain, [box.left, box.left + box.width]), [xAxis.domain, box.left, box.width]);
  const sy = useMemo(() => linearScale(yAxis.domain, [box.top + box.height, box.top]), [yAxis.domain, box.top, box.height]);
  const [hover, setHover] = useState(-1);
  const bins = Math.min(counts.length, edges.length - 1);
  const xs = { ticks: xAxis.ticks, format: xAxis.tickFormatter, scale: sx, title: xTitle };
  const ys = { ticks: yAxis.ticks, format: yAxis.tickFormatter, scale: sy, title: yTitle };
  const bars = [];
  for (let k = 0; k < bins; k++) {
    if (!(counts[k] > 0)) continue;
    const x0 = sx(edges[k]), x1 = sx(edges[k + 1]), y = sy(counts[k]);
    // A pixel between neighbours, as long as the bar stays at least a pixel wide.
    bars.push(<rect key={k} className="mmc-bar" data-count={counts[k]} x={x0 + 0.5} width={Math.max(1, x1 - x0 - 1)} y={y} height={box.top + box.height - y} fill={color} />);
  }
  // Hover: the bin under the pointer when the bins are equal width (they are: engine histograms), else none.
  const i = hover >= 0 && hover < bins ? hover : -1;
  const binLeft = bins > 0 ? sx(edges[0]) : 0, binsWidth = bins > 0 ? sx(edges[bins]) - binLeft : 0;
  return (
    <div ref={ref} className="mmc" style={{ position: 'relative', width: '100%', height }}>
      {width > 0 ? (
        <svg className="mmc-surface" width={width} height={height} role="img" aria-label={label}>
          <Grid box={box} x={xs} y={ys} />
          <g className="mmc-bars">{bars}</g>
          <XAxis box={box} axis={xs} svgHeight={height} />
          <YAxis box={box} axis={ys} />
          {i >= 0 ? <rect x={sx(edges[i])} y={box.top} width={Math.max(1, sx(edges[i + 1]) - sx(edges[i]))} height={box.height} fill="rgba(0,0,0,0.06)" pointerEvents="none" /> : null}
          <rect className="mmc-overlay" x={box.left} y={box.top} width={box.width} height={box.height} fill="transparent"
            onPointerMove={(e) => setHover(bandIndex(bins, binLeft, binsWidth, e.clientX - e.currentTarget.ownerSVGElement!.getBoundingClientRect().left))}
            onPointerLeave={() => setHover(-1)} />
        </svg>
      ) : null}
      {i >= 0 ? <Tooltip x={sx((edges[i] + edges[i + 1]) / 2)} y={box.top} width={width} title={xTip((edges[i] + edges[i + 1]) / 2)} rows={[{ name: yTitle, value: String(counts[i]), color }]} /> : null}
    </div>
  );
}
