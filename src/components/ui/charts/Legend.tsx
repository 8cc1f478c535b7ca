import { TEXT } from './layout';

/** Approximate width of one legend character at 11 px, px (names are short; no text measurement). */
const CHAR_PX = 6.5;

/** Left edge of each legend item, px from `x`: swatch, gap, name, spacing. */
export function legendOffsets(names: readonly string[], x: number): number[] {
  const out: number[] = [];
  let at = x;
  for (const n of names) { out.push(at); at += 22 + n.length * CHAR_PX + 14; }
  return out;
}

/** A one-row legend inside the SVG (so the PNG export shows it): a colour swatch and the name per series. */
export function Legend({ items, x, y }: { items: ReadonlyArray<{ name: string; color: string }>; x: number; y: number }) {
  const at = legendOffsets(items.map((it) => it.name), x);
  return (
    <g className="mmc-legend">
      {items.map((it, k) => (
        <g key={it.name} className="mmc-legend-item">
          <line x1={at[k]} x2={at[k] + 16} y1={y} y2={y} stroke={it.color} strokeWidth={2} />
          <text x={at[k] + 22} y={y} dy={4} {...TEXT}>{it.name}</text>
        </g>
      ))}
    </g>
  );
}
