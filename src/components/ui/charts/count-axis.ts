import { valueAxis, type ValueAxis } from '../../../lib/value-axis';

/**
 * A y axis for counts from 0 to `max`: whole-number ticks only (valueAxis' round steps, the fractional
 * ones dropped for small counts), written as integers.
 */
export function countAxis(max: number): ValueAxis {
  const a = valueAxis([0, Math.max(1, Number.isFinite(max) ? max : 1)], { title: true });
  const ticks = a.ticks.filter((t) => Number.isInteger(t));
  const fmt = (v: number) => (Number.isFinite(v) ? String(Math.round(v)) : '');
  return { ...a, ticks, tickFormatter: fmt };
}
