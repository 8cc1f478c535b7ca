import { secondsFrom } from '../../../lib/format';
import { elapsedAxis } from '../../../lib/time-axis';
import { valueAxis } from '../../../lib/value-axis';

/** A time chart's x in seconds from its first point, and the axis over the whole of it. */
export interface ElapsedX {
  /** Seconds from the first point, one per point of `time`. */
  secs: Float64Array;
  axis: { domain: [number, number]; ticks: number[]; format: (s: number) => string; title: string };
  /** Tooltip and readout label of a point, s from start ("t = 12.5 s", or the UTC date and clock beyond a day). */
  tip: (s: number) => string;
}

/**
 * The x of a chart over `time` (s since epoch, ascending) in seconds from its start (lib/time-axis'
 * elapsedAxis): round seconds within a day, round UTC times beyond. The domain is the whole span, so a
 * replay cut draws less of it on the same axis.
 */
export function elapsedX(time: ArrayLike<number>): ElapsedX {
  const t0 = time.length > 0 ? time[0] : 0;
  const secs = secondsFrom(time, t0);
  const span = secs.length > 0 ? secs[secs.length - 1] : 0;
  const e = elapsedAxis(t0, span);
  return { secs, axis: { domain: [0, span], ticks: e.ticks ?? valueAxis([0, span]).ticks, format: e.tickFormatter, title: e.title }, tip: e.label };
}
