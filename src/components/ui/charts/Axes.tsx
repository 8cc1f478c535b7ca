import { GRID, RIGHT_PX, TEXT, type PlotBox } from './layout';
import type { LinearScale } from './scale';

/** One axis: its ticks (data units), their labels, the scale placing them, and a title with the unit. */
export interface AxisSpec {
  ticks: readonly number[];
  format: (v: number) => string;
  scale: LinearScale;
  title?: string;
}

/** Ticks whose pixel lies inside [lo, hi] (half a pixel of slack for rounding). */
function inside(a: AxisSpec, lo: number, hi: number): Array<{ v: number; p: number }> {
  const out: Array<{ v: number; p: number }> = [];
  for (const v of a.ticks) { const p = a.scale(v); if (p >= lo - 0.5 && p <= hi + 0.5) out.push({ v, p }); }
  return out;
}

/** Dashed grid lines at the x ticks (vertical) and/or the y ticks (horizontal), inside the plot. */
export function Grid({ box, x, y }: { box: PlotBox; x?: AxisSpec; y?: AxisSpec }) {
  const right = box.left + box.width, bottom = box.top + box.height;
  return (
    <g className="mmc-grid" {...GRID}>
      {x ? inside(x, box.left, right).map(({ v, p }) => <line key={`x${v}`} className="mmc-grid-x" data-v={v} x1={p} x2={p} y1={box.top} y2={bottom} />) : null}
      {y ? inside(y, box.top, bottom).map(({ v, p }) => <line key={`y${v}`} className="mmc-grid-y" data-v={v} x1={box.left} x2={right} y1={p} y2={p} />) : null}
    </g>
  );
}

/** Width of a tick label, px, estimated (no layout pass): 11 px system-ui digits are ≈ 6.2 px wide. */
function labelWidth(label: string): number {
  return label.length * 6.2;
}

/**
 * A tick label centred on its tick, unless half of it would pass the SVG's edge (the room right of
 * the plot is RIGHT_PX, the y axis' labels sit left of it): then it ends (or starts) at the tick.
 */
function labelAnchor(p: number, label: string, box: PlotBox): 'start' | 'middle' | 'end' {
  const half = labelWidth(label) / 2;
  if (p + half > box.left + box.width + RIGHT_PX) return 'end';
  if (p - half < 0) return 'start';
  return 'middle';
}

/** Least gap between two x tick labels, px. */
const LABEL_GAP_PX = 6;

/**
 * The x tick labels to write, left to right: each anchored (labelAnchor) and dropped when it would run
 * into the one before (a label pushed left at the plot's right edge, or a narrow chart); the tick mark stays.
 */
export function xLabels(ticks: ReadonlyArray<{ v: number; p: number }>, format: (v: number) => string, box: PlotBox): Array<{ v: number; p: number; label: string; anchor: 'start' | 'middle' | 'end' }> {
  const out: Array<{ v: number; p: number; label: string; anchor: 'start' | 'middle' | 'end' }> = [];
  let right = -Infinity;
  for (const { v, p } of ticks) {
    const label = format(v);
    const anchor = labelAnchor(p, label, box);
    const w = labelWidth(label);
    const left = anchor === 'start' ? p : anchor === 'end' ? p - w : p - w / 2;
    if (left < right + LABEL_GAP_PX) continue;
    out.push({ v, p, label, anchor });
    right = left + w;
  }
  return out;
}

/** The x axis below the plot: base line, tick marks, labels and the title under them. */
export function XAxis({ box, axis, svgHeight }: { box: PlotBox; axis: AxisSpec; svgHeight: number }) {
  const bottom = box.top + box.height;
  const ticks = inside(axis, box.left, box.left + box.width);
  return (
    <g className="mmc-x-axis">
      <line x1={box.left} x2={box.left + box.width} y1={bottom} y2={bottom} stroke="#999" />
      {ticks.map(({ v, p }) => <line key={`m${v}`} x1={p} x2={p} y1={bottom} y2={bottom + 4} stroke="#999" />)}
      {xLabels(ticks, axis.format, box).map(({ v, p, label, anchor }) => (
        <text key={`l${v}`} className="mmc-x-tick" x={p} y={bottom + 15} textAnchor={anchor} {...TEXT}>{label}</text>
      ))}
      {axis.title ? <text className="mmc-x-title" x={box.left + box.width / 2} y={svgHeight - 4} textAnchor="middle" {...TEXT}>{axis.title}</text> : null}
    </g>
  );
}

/** The y axis left of the plot: labels right-aligned against the tick marks, the title rotated at the far left. */
export function YAxis({ box, axis }: { box: PlotBox; axis: AxisSpec }) {
  return (
    <g className="mmc-y-axis">
      <line x1={box.left} x2={box.left} y1={box.top} y2={box.top + box.height} stroke="#999" />
      {inside(axis, box.top, box.top + box.height).map(({ v, p }) => (
        <g key={v}>
          <line x1={box.left - 4} x2={box.left} y1={p} y2={p} stroke="#999" />
          <text className="mmc-y-tick" x={box.left - 6} y={p} dy={4} textAnchor="end" {...TEXT}>{axis.format(v)}</text>
        </g>
      ))}
      {axis.title ? (
        <text className="mmc-y-title" transform={`translate(12,${box.top + box.height / 2}) rotate(-90)`} textAnchor="middle" {...TEXT}>{axis.title}</text>
      ) : null}
    </g>
  );
}
