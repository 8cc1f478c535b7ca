/** One row of a tooltip: a name (with its colour) and its formatted value. */
export interface TipRow {
  name: string;
  value: string;
  color?: string;
}

/**
 * The hover readout: an HTML box beside the pointer (inside the chart's relatively positioned box),
 * flipped to the left of it in the right half so it never leaves the chart.
 */
export function Tooltip({ x, y, width, title, rows }: { x: number; y: number; width: number; title: string; rows: readonly TipRow[] }) {
  const left = x > width / 2;
  return (
    <div className="mmc-tooltip" role="status" style={{
      position: 'absolute', top: Math.max(0, y - 10), left: left ? undefined : x + 12, right: left ? width - x + 12 : undefined,
      pointerEvents: 'none', background: '#fff', border: '1px solid #ccc', borderRadius: 3, padding: '4px 6px',
      fontSize: 12, lineHeight: 1.35, color: '#222', whiteSpace: 'nowrap', boxShadow: '0 1px 3px rgba(0,0,0,.15)',
    }}>
      <div className="mmc-tooltip-title">{title}</div>
      {rows.map((r) => (
        <div key={r.name}>{r.color ? <span aria-hidden="true" style={{ display: 'inline-block', width: 8, height: 8, marginRight: 4, background: r.color }} /> : null}{r.name}: {r.value}</div>
      ))}
    </div>
  );
}
