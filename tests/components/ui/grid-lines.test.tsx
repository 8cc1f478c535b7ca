// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CartesianGrid, Line, LineChart, XAxis, YAxis } from 'recharts';
import { gridAtTicks, gridLinesAtTicks, type GridAxis } from '../../../src/components/ui/grid-lines';

afterEach(() => { cleanup(); vi.restoreAllMocks(); });

const ROWS = Array.from({ length: 250 }, (_, i) => ({ t: 1000 + i * 4, v: Math.sin(i / 9) * 3 }));
const X_TICKS = [1200, 1400, 1600, 1800];
const Y_TICKS = [-3, -1.5, 0, 1.5, 3];

function Chart({ grid }: { grid: object }) {
  return (
    <LineChart width={500} height={240} data={ROWS} margin={{ top: 10, right: 20, bottom: 10, left: 10 }}>
      <CartesianGrid {...grid} />
      <XAxis dataKey="t" type="number" domain={[1000, 1996]} allowDataOverflow ticks={X_TICKS} />
      <YAxis domain={[-3, 3]} ticks={Y_TICKS} width={40} />
      <Line dataKey="v" dot={false} isAnimationActive={false} />
    </LineChart>
  );
}

const coords = (c: HTMLElement, sel: string, attr: 'x1' | 'y1') => [...c.querySelectorAll(sel)].map((l) => Number(l.getAttribute(attr))).sort((a, b) => a - b);

describe('grid lines at the axes ticks', () => {
  it('draws a vertical line under every x tick mark and a horizontal one beside every y tick mark, plus the plot edges', () => {
    const { container } = render(<Chart grid={gridAtTicks} />);
    const tickX = coords(container, '.recharts-xAxis .recharts-cartesian-axis-tick-line', 'x1');
    const tickY = coords(container, '.recharts-yAxis .recharts-cartesian-axis-tick-line', 'y1');
    expect(tickX).toHaveLength(X_TICKS.length);
    expect(tickY).toHaveLength(Y_TICKS.length);
    const vx = coords(container, '.recharts-cartesian-grid-vertical line', 'x1');
    const hy = coords(container, '.recharts-cartesian-grid-horizontal line', 'y1');
    // recharts' own tick marks (independent of the generator) sit where the grid lines are.
    for (const x of tickX) expect(vx.some((g) => Math.abs(g - x) < 1e-6)).toBe(true);
    for (const y of tickY) expect(hy.some((g) => Math.abs(g - y) < 1e-6)).toBe(true);
    // Plot area: 10 + 40 (y axis) to 500 − 20 horizontally, and its edges are lines too.
    expect(vx[0]).toBeCloseTo(50, 6);
    expect(vx[vx.length - 1]).toBeCloseTo(480, 6);
    expect(vx).toHaveLength(X_TICKS.length + 2);
  });

  it('measures no label text for the grid, where the default grid measures one per data row on the first render', () => {
    const measured = (grid: object) => {
      const texts: string[] = [];
      const orig = Element.prototype.getBoundingClientRect;
      const spy = vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
        if (this.id === 'recharts_measurement_span') texts.push(this.textContent ?? '');
        return orig.call(this);
      });
      const { unmount } = render(<Chart grid={grid} />);
      unmount();
      spy.mockRestore();
      return texts;
    };
    const rowIndex = (s: string) => /^\d+$/.test(s) && Number(s) < ROWS.length;
    // Ours first: recharts caches every string it has measured, page-wide.
    expect(measured(gridAtTicks).filter(rowIndex)).toEqual([]);
    expect(measured({}).filter(rowIndex).length).toBeGreaterThan(50);
  });

  it('keeps only the plot edges for an axis that is not a number axis or has no scale yet', () => {
    const scale = { map: (v: unknown) => Number(v) * 2 } as unknown as NonNullable<GridAxis>['scale'];
    expect(gridLinesAtTicks(undefined, 0, 100)).toEqual([0, 100]);
    expect(gridLinesAtTicks({ type: 'category', scale, ticks: [10, 20] }, 0, 100)).toEqual([0, 100]);
    expect(gridLinesAtTicks({ type: 'number', scale: undefined, ticks: [10, 20] }, 0, 100)).toEqual([0, 100]);
    // Ticks off the plot (or on its edges) are not doubled.
    expect(gridLinesAtTicks({ type: 'number', scale, ticks: [0, 10, 20, 60] }, 0, 100)).toEqual([20, 40, 0, 100]);
    expect(gridLinesAtTicks({ type: 'number', scale, niceTicks: [5, 25] }, 0, 100)).toEqual([10, 50, 0, 100]);
  });
});
