import { useRef } from 'react';
import { TEXT } from './layout';
import { useMeasuredWidth } from './use-width';

/** Index of the point at pixel `at` when `n` points are spread evenly over [left, left + width], clamped. */
export function brushIndex(n: number, left: number, width: number, at: number): number {
  if (n <= 1 || !(width > 0)) return 0;
  return Math.max(0, Math.min(n - 1, Math.round(((at - left) / width) * (n - 1))));
}

/** A new window [a, b] (inclusive indices, a < b) after dragging `what` to index `i` (for 'window', by `delta` points). */
export function dragWindow(what: 'a' | 'b' | 'window', a: number, b: number, n: number, i: number, delta = 0): [number, number] {
  if (what === 'a') return [Math.max(0, Math.min(i, b - 1)), b];
  if (what === 'b') return [a, Math.min(n - 1, Math.max(i, a + 1))];
  const d = Math.max(-a, Math.min(n - 1 - b, delta));
  return [a + d, b + d];
}

const TRAVELLER_PX = 8;

/**
 * A zoom control under a time chart: the whole run as a strip, the window [a, b] (indices into `x`)
 * highlighted; drag its edges to resize it, its middle to move it, or focus an edge and use the arrow
 * keys. Pixels line up with the chart's plot (`left`, `right` margins, px).
 */
export function Brush({ x, n, a, b, onChange, format, left, right, height = 18, label }: {
  x: ArrayLike<number>;
  n: number;
  a: number;
  b: number;
  onChange: (a: number, b: number) => void;
  format: (v: number) => string;
  left: number;
  right: number;
  height?: number;
  label: string;
}) {
  const [ref, width] = useMeasuredWidth<HTMLDivElement>();
  const w = Math.max(0, width - left - right);
  const drag = useRef<{ what: 'a' | 'b' | 'window'; from: number; a: number; b: number } | null>(null);
  const pxOf = (i: number) => left + (n > 1 ? (i / (n - 1)) * w : 0);
  const at = (e: React.PointerEvent) => e.clientX - e.currentTarget.getBoundingClientRect().left;
  const slider = (which: 'a' | 'b') => {
    const i = which === 'a' ? a : b;
    const step = Math.max(1, Math.round(n / 100));
    return {
      role: 'slider', tabIndex: 0, 'aria-label': `${label}: ${which === 'a' ? 'start' : 'end'}`,
      'aria-valuemin': 0, 'aria-valuemax': Math.max(0, n - 1), 'aria-valuenow': i, 'aria-valuetext': format(x[i]),
      onKeyDown: (e: React.KeyboardEvent) => {
        const d = e.key === 'ArrowLeft' || e.key === 'ArrowDown' ? -step : e.key === 'ArrowRight' || e.key === 'ArrowUp' ? step : 0;
        if (d === 0) return;
        e.preventDefault();
        onChange(...dragWindow(which, a, b, n, i + d));
      },
    } as const;
  };
  return (
    <div ref={ref} className="mmc-brush" style={{ width: '100%', height: height + 2 }}>
      {width > 0 && n > 1 ? (
        <svg width={width} height={height + 2}
          onPointerDown={(e) => {
            const p = at(e), pa = pxOf(a), pb = pxOf(b);
            const what = Math.abs(p - pa) <= TRAVELLER_PX ? 'a' : Math.abs(p - pb) <= TRAVELLER_PX ? 'b' : p > pa && p < pb ? 'window' : null;
            if (!what) return;
            drag.current = { what, from: brushIndex(n, left, w, p), a, b };
            e.currentTarget.setPointerCapture(e.pointerId);
          }}
          onPointerMove={(e) => {
            const g = drag.current;
            if (!g) return;
            const i = brushIndex(n, left, w, at(e));
            onChange(...dragWindow(g.what, g.a, g.b, n, i, i - g.from));
          }}
          onPointerUp={() => { drag.current = null; }}>
          <rect x={left} y={1} width={w} height={height} fill="#fafafa" stroke="#bbb" />
          <rect className="mmc-brush-window" x={pxOf(a)} y={1} width={Math.max(1, pxOf(b) - pxOf(a))} height={height} fill="#2457c5" fillOpacity={0.15} style={{ cursor: 'move' }} />
          <rect {...slider('a')} className="mmc-brush-start" x={pxOf(a) - 3} y={1} width={6} height={height} fill="#666" style={{ cursor: 'ew-resize' }} />
          <rect {...slider('b')} className="mmc-brush-end" x={pxOf(b) - 3} y={1} width={6} height={height} fill="#666" style={{ cursor: 'ew-resize' }} />
          <text x={pxOf(a) - 6} y={height - 3} textAnchor="end" {...TEXT}>{a > 0 ? format(x[a]) : ''}</text>
          <text x={pxOf(b) + 6} y={height - 3} textAnchor="start" {...TEXT}>{b < n - 1 ? format(x[b]) : ''}</text>
        </svg>
      ) : null}
    </div>
  );
}
