/** The plot area inside a chart's SVG, px: where the data is drawn, the axes around it. */
export interface PlotBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Room around the plot, px. */
export interface Margins {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The plot box of an SVG `width` × `height` px with `m` around it (never negative). */
export function plotBox(width: number, height: number, m: Margins): PlotBox {
  return { left: m.left, top: m.top, width: Math.max(0, width - m.left - m.right), height: Math.max(0, height - m.top - m.bottom) };
}

/** Space kept right of the plot so the last x tick label is not cut, px. */
export const RIGHT_PX = 16;
/** Height of the legend row above the plot, px. */
export const LEGEND_PX = 20;
/** Tick labels below the plot, px (one line), and the axis title under them. */
export const X_TICKS_PX = 18;
export const X_TITLE_PX = 16;
/** Text styles as SVG presentation attributes, so a PNG export (the SVG serialised alone) keeps them. */
export const TEXT = { fontSize: 11, fill: '#555', fontFamily: 'system-ui, sans-serif' } as const;
export const GRID = { stroke: '#ddd', strokeDasharray: '3 3' } as const;
