import { TEXT, type PlotBox } from './layout';

/** A white outline behind a label, so it stays legible over a curve or a filled area it crosses. */
const HALO = { stroke: '#fff', strokeWidth: 3, paintOrder: 'stroke', strokeLinejoin: 'round' } as const;
import type { LinearScale } from './scale';

/**
 * A horizontal reference line (a limit, zero, a band edge) with an optional label inside the plot,
 * above the line or `below` it; dashed unless `solid`.
 */
export interface RefLine {
  y: number;
  label?: string;
  color: string;
  below?: boolean;
  solid?: boolean;
}

/** A vertical marker at x (e.g. the replay cursor, a current parameter value), labelled at the plot's top. */
export interface XMark {
  x: number;
  label?: string;
  color: string;
  /** Class of its group, for readers that look for it (the replay cursor is 'replay-cursor'). */
  className?: string;
}

/** Horizontal lines at `lines` (those inside the y domain) across the plot box. */
export function HLines({ lines, box, sy }: { lines: readonly RefLine[]; box: PlotBox; sy: LinearScale }) {
  const right = box.left + box.width;
  return (
    <>
      {lines.map((r, k) => {
        const y = sy(r.y);
        if (!Number.isFinite(y) || y < box.top - 0.5 || y > box.top + box.height + 0.5) return null;
        return (
          <g key={k} className="mmc-ref">
            <line x1={box.left} x2={right} y1={y} y2={y} stroke={r.color} strokeDasharray={r.solid ? undefined : '4 2'} />
            {r.label ? <text x={right - 4} y={y + (r.below ? 12 : -4)} textAnchor="end" {...TEXT} {...HALO}>{r.label}</text> : null}
          </g>
        );
      })}
    </>
  );
}

/** Vertical dashed lines at `marks` (those inside the x domain) over the plot's height, the label at the top right of the line. */
export function VLines({ marks, box, sx }: { marks: readonly XMark[]; box: PlotBox; sx: LinearScale }) {
  return (
    <>
      {marks.map((m, k) => {
        const x = sx(m.x);
        if (!Number.isFinite(x) || x < box.left - 0.5 || x > box.left + box.width + 0.5) return null;
        return (
          <g key={k} className={m.className ? `mmc-mark ${m.className}` : 'mmc-mark'} pointerEvents="none">
            <line x1={x} x2={x} y1={box.top} y2={box.top + box.height} stroke={m.color} strokeDasharray="3 2" />
            {m.label ? <text x={x - 4} y={box.top + 12} textAnchor="end" {...TEXT} {...HALO} fill={m.color}>{m.label}</text> : null}
          </g>
        );
      })}
    </>
  );
}
