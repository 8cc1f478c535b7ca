import { LEGEND_PX, TEXT } from './layout';

/** Approximate width of one legend character at 11 px, px (names are short; no text measurement). */
const CHAR_PX = 6.5;

/** Width of one legend item, px: swatch, gap, name, spacing. */
function itemWidth(name: string): number {
  return 22 + name.length * CHAR_PX + 14;
}

/** Left edge of each legend item, px from `x`, all on one row. */
export function legendOffsets(names: readonly string[], x: number): number[] {
  const out: number[] = [];
  let at = x;
  for (const n of names) { out.push(at); at += itemWidth(n); }
  return out;
}

/**
 * Where each legend item goes when the items wrap within `maxWidth` px from `x`: its left edge and its
 * row (0 first); an item wider than the whole row gets a row of its own. `rows` is the number of rows.
 */
export function legendLayout(names: readonly string[], x: number, maxWidth: number): { at: Array<{ x: number; row: number }>; rows: number } {
  const at: Array<{ x: number; row: number }> = [];
  let cx = x, row = 0;
  for (const n of names) {
    const w = itemWidth(n);
    if (cx > x && cx - x + w - 14 > maxWidth) { row++; cx = x; }
    at.push({ x: cx, row });
    cx += w;
  }
  return { at, rows: names.length > 0 ? row + 1 : 0 };
}

/** Height of a legend of `rows` rows above the plot, px. */
export function legendHeight(rows: number): number {
  return rows * LEGEND_PX;
}

/**
 * The legend inside the SVG (so the PNG export shows it): a colour swatch and the name per series,
 * wrapped onto more rows when they do not fit `maxWidth` px.
 */
export function Legend({ items, x, y, maxWidth = Infinity }: { items: ReadonlyArray<{ name: string; color: string }>; x: number; y: number; maxWidth?: number }) {
  const { at } = legendLayout(items.map((it) => it.name), x, maxWidth);
  return (
    <g className="mmc-legend">
      {items.map((it, k) => {
        const ly = y + at[k].row * LEGEND_PX;
        return (
          <g key={it.name} className="mmc-legend-item">
            <line x1={at[k].x} x2={at[k].x + 16} y1={ly} y2={ly} stroke={it.color} strokeWidth={2} />
            <text x={at[k].x + 22} y={ly} dy={4} {...TEXT}>{it.name}</text>
          </g>
        );
      })}
    </g>
  );
}
