import { useDeferredValue, useMemo } from 'react';
import { useLab } from './lab-store';
import { countUpTo } from '../lib/time-axis';

/**
 * The replay cursor as panels draw it: a share 0..1 of the run's time span (1 = everything, no
 * cursor). Deferred, like the data the panels draw, so a playing replay re-renders charts in
 * interruptible background renders.
 */
export function useReplayCursor(): number {
  return useDeferredValue(useLab((s) => s.replay));
}

/** Seconds from the first point to the cursor, for charts whose x axis is time from start (s). */
export function cursorSeconds(time: ArrayLike<number>, replay: number): number {
  if (time.length === 0) return 0;
  const span = time[time.length - 1] - time[0];
  return replay >= 1 ? span : replay * span;
}

/**
 * Chart rows up to the cursor (t in seconds from start, sorted). The same array while the cut
 * does not move past a row, so a chart redraws only when a point appears or disappears.
 */
export function useRowsUpTo<R extends { t?: number | null }>(rows: R[], tMax: number): R[] {
  const n = countUpTo(rows, tMax);
  return useMemo(() => (n >= rows.length ? rows : rows.slice(0, n)), [rows, n]);
}
