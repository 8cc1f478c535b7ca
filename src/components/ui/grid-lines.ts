import type { CartesianGridProps } from 'recharts';

type VerticalGenerator = NonNullable<CartesianGridProps['verticalCoordinatesGenerator']>;
type HorizontalGenerator = NonNullable<CartesianGridProps['horizontalCoordinatesGenerator']>;
/** What a grid generator reads of the axis recharts hands it: its type, scale, explicit and nice ticks. */
export type GridAxis = Pick<NonNullable<Parameters<VerticalGenerator>[0]['xAxis']>, 'type' | 'scale' | 'ticks' | 'niceTicks'> | undefined;

/**
 * Pixel positions (px) of a number axis's ticks (its `ticks` prop, else recharts' nice ticks) strictly inside
 * (lo, hi), then lo and hi themselves (recharts' default grid also draws the plot's edges). Any other axis gets
 * the edges only: recharts' first render of a chart sees an implicit category axis over the row indices, and
 * the chart's real axes arrive in the same task, before anything is painted.
 */
export function gridLinesAtTicks(axis: GridAxis, lo: number, hi: number): number[] {
  const out: number[] = [];
  const ticks = axis?.type === 'number' ? axis.ticks ?? axis.niceTicks : undefined;
  if (axis?.scale && ticks) {
    for (const t of ticks) {
      const px = axis.scale.map(t);
      if (px !== undefined && Number.isFinite(px) && px > lo && px < hi) out.push(px);
    }
  }
  out.push(lo, hi);
  return out;
}

/**
 * Grid lines at a chart's explicit axis ticks, with no text measurement. recharts' default generators
 * size every tick label with a DOM span (one forced style and layout per new string) to skip the lines of
 * labels that would collide, and on a chart's first render the vertical one does so for the label of every
 * data row: 250 measurements for a 250-point series, a third of a 100–180 ms first drawing. The lab's time
 * and value axes pass few round ticks whose labels fit (lib/time-axis, lib/value-axis), so a line per tick
 * is what the default draws for them. For number axes only (a category axis keeps the default): spread
 * `verticalAtTicks` onto <CartesianGrid> when the x axis is one, `horizontalAtTicks` for the y axis, or
 * `gridAtTicks` for both.
 */
export const verticalAtTicks: { verticalCoordinatesGenerator: VerticalGenerator } = {
  verticalCoordinatesGenerator: ({ xAxis, offset }) => gridLinesAtTicks(xAxis, offset.left, offset.left + offset.width),
};
export const horizontalAtTicks: { horizontalCoordinatesGenerator: HorizontalGenerator } = {
  horizontalCoordinatesGenerator: ({ yAxis, offset }) => gridLinesAtTicks(yAxis, offset.top, offset.top + offset.height),
};
export const gridAtTicks = { ...verticalAtTicks, ...horizontalAtTicks };
