/** Tick times (s since epoch) as a short UTC clock label for chart axes and tooltips. */
export function fmtClock(t: number): string {
  if (!Number.isFinite(t)) return '';
  const d = new Date(t * 1000);
  return d.toISOString().slice(11, 19);
}

/** Number of points of `time` at or before the replay cursor (a share 0..1 of the span). */
export function replayCount(time: Float64Array, replay: number): number {
  if (replay >= 1 || time.length === 0) return time.length;
  const t0 = time[0], t1 = time[time.length - 1];
  const cut = t0 + replay * (t1 - t0);
  let lo = 0, hi = time.length;
  while (lo < hi) { const m = (lo + hi) >> 1; if (time[m] <= cut) lo = m + 1; else hi = m; }
  return lo;
}

/** How many rows (sorted by `t`) have t ≤ tMax. */
export function countUpTo(rows: ReadonlyArray<{ t?: number | null }>, tMax: number): number {
  let lo = 0, hi = rows.length;
  while (lo < hi) { const m = (lo + hi) >> 1; if ((rows[m].t ?? -Infinity) <= tMax) lo = m + 1; else hi = m; }
  return lo;
}
