/** Tick times (s since epoch) as a short UTC clock label for chart axes and tooltips. */
export function fmtClock(t: number): string {
  if (!Number.isFinite(t)) return '';
  const d = new Date(t * 1000);
  return d.toISOString().slice(11, 19);
}

const DAY_SEC = 86_400;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function dayLabel(d: Date): string {
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}`;
}

/** Spans shorter than this, s, are labelled to the millisecond: their ticks are fractions of a second apart. */
const SUBSECOND_SPAN_SEC = 10;

/** The UTC clock to the millisecond, "23:54:15.250". */
function fmtClockMillis(t: number): string {
  return Number.isFinite(t) ? new Date(Math.round(t * 1000)).toISOString().slice(11, 23) : '';
}

/**
 * Tick labels for a time axis whose data span [t0, t1] (s since epoch, UTC): the clock to the
 * millisecond "23:54:15.250" under 10 s, the clock "23:54:15" within a day; "Aug 8 23:54" (a midnight
 * "Aug 9") when the data span more than a day; "2024-08-08" beyond 60 days.
 */
export function timeTickFormatter(t0: number, t1: number): (t: number) => string {
  const span = t1 - t0;
  if (span < SUBSECOND_SPAN_SEC) return fmtClockMillis;
  if (!(span > DAY_SEC)) return fmtClock;
  if (span > 60 * DAY_SEC) return (t) => (Number.isFinite(t) ? new Date(t * 1000).toISOString().slice(0, 10) : '');
  return (t) => {
    if (!Number.isFinite(t)) return '';
    const d = new Date(t * 1000);
    // A tick on a UTC midnight is the day itself: "Jan 11", not "Jan 11 00:00".
    const clock = d.toISOString().slice(11, 16);
    return clock === '00:00' ? dayLabel(d) : `${dayLabel(d)} ${clock}`;
  };
}

/** Most ticks on an axis labelled to the millisecond (a 12-character label each). */
const MILLIS_TICKS = 4;

/** Round steps for time ticks, s: milliseconds, seconds, minutes, hours, days. */
const TIME_STEPS = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 3 * 3600, 6 * 3600, 12 * 3600, DAY_SEC, 2 * DAY_SEC, 7 * DAY_SEC, 14 * DAY_SEC, 30 * DAY_SEC, 91 * DAY_SEC, 365 * DAY_SEC];

/**
 * About `count` ticks on round UTC times inside [t0, t1] (s since epoch): whole minutes, hours, UTC
 * midnights…, so a clock axis reads 23:55:00, 23:56:00 rather than the data's own odd instants.
 */
export function timeTicks(t0: number, t1: number, count = 6): number[] {
  if (!(t1 > t0) || !Number.isFinite(t0) || !Number.isFinite(t1)) return Number.isFinite(t0) ? [t0] : [];
  // Millisecond labels ("23:54:15.250") are half as long again as clock ones: at most MILLIS_TICKS of them,
  // on the smallest round step that keeps to that, so they do not run into each other on a panel-wide chart.
  const millis = t1 - t0 < SUBSECOND_SPAN_SEC;
  const raw = (t1 - t0) / Math.max(1, (millis ? Math.min(count, MILLIS_TICKS) : count) - 1);
  // The round step nearest the raw one (on a log scale); beyond a year, whole years.
  const step = raw > 365 * DAY_SEC ? Math.ceil(raw / (365 * DAY_SEC)) * 365 * DAY_SEC
    : millis ? (TIME_STEPS.find((s) => s >= raw) ?? raw)
    : TIME_STEPS.reduce((best, s) => (Math.abs(Math.log(s / raw)) < Math.abs(Math.log(best / raw)) ? s : best), TIME_STEPS[0]);
  // Whole multiples k·step (not a running sum): a millisecond step over epoch seconds would drift.
  const out: number[] = [];
  for (let k = Math.ceil(t0 / step - 1e-9); k * step <= t1 + 1e-9 * step; k++) out.push(k * step);
  return out;
}

/** Tooltip and readout times over [t0, t1]: the clock to the millisecond under 10 s, the clock within a day, else the date and the clock ("2024-08-08 23:54:15"). */
export function timeLabelFormatter(t0: number, t1: number): (t: number) => string {
  if (t1 - t0 < SUBSECOND_SPAN_SEC) return fmtClockMillis;
  if (!(t1 - t0 > DAY_SEC)) return fmtClock;
  return (t) => (Number.isFinite(t) ? new Date(t * 1000).toISOString().slice(0, 19).replace('T', ' ') : '');
}

/**
 * An axis in seconds from the data's start t0 (s since epoch) over `span` seconds: plain seconds within
 * a day ("time from start (s)"), dates and clock times beyond (the start is added back).
 */
export function elapsedAxis(t0: number, span: number): { tickFormatter: (s: number) => string; title: string; label: (s: number) => string; ticks?: number[] } {
  if (!(span > DAY_SEC)) {
    const sec = (s: number) => (Number.isFinite(s) ? String(Number(s.toPrecision(4))) : '');
    return { tickFormatter: sec, title: 'time from start (s)', label: (s) => `t = ${sec(s)} s` };
  }
  const tick = timeTickFormatter(t0, t0 + span), tip = timeLabelFormatter(t0, t0 + span);
  // Round UTC times (midnights, hours), as seconds from the start.
  return { tickFormatter: (s) => tick(t0 + s), title: 'time (UTC)', label: (s) => tip(t0 + s), ticks: timeTicks(t0, t0 + span).map((t) => t - t0) };
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

/**
 * A tick time (s since epoch) as a UTC clock to the microsecond, "23:54:22.460123" (the date first,
 * "2024-08-08 23:54:22.460123", when `withDate`): blotter rows, where fills share a millisecond.
 */
export function fmtClockMicros(t: number, withDate = false): string {
  if (!Number.isFinite(t)) return '—';
  const whole = Math.floor(t);
  const micros = Math.min(999_999, Math.round((t - whole) * 1e6));
  const iso = new Date(whole * 1000).toISOString();
  return `${withDate ? `${iso.slice(0, 10)} ` : ''}${iso.slice(11, 19)}.${String(micros).padStart(6, '0')}`;
}
