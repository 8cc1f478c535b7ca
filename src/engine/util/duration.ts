/** The minus sign of every figure the lab writes (U+2212), as lib/format's numbers. */
const MINUS = '\u2212';

/**
 * A duration in words, the one formatter of the engine's messages and the panels (lib/format
 * re-exports it as fmtDuration): "50 µs", "12.5 ms", "4.2 s", "5 min 44 s", "2 h 5 min", "1 day",
 * "29 days 7 h"; "—" when not finite, U+2212 before a negative one. Each unit is carried from the
 * rounded value of the next smaller one, so never "59 min 60 s"; below a minute three significant
 * digits, so a 12 ms sample is not "0 s".
 */
export function describeDuration(sec: number): string {
  if (!Number.isFinite(sec)) return '—';
  const sign = sec < 0 ? MINUS : '';
  const a = Math.abs(sec);
  if (a === 0) return '0 s';
  if (a < 1e-3) return `${sign}${Number((a * 1e6).toPrecision(3))} µs`;
  if (a < 1 && Number((a * 1e3).toPrecision(3)) < 1000) return `${sign}${Number((a * 1e3).toPrecision(3))} ms`;
  if (a < 60 && Number(a.toPrecision(3)) < 60) return `${sign}${Number(Math.max(1, a).toPrecision(3))} s`;
  const s = Math.round(a);
  if (s < 3600) { const m = Math.floor(s / 60), r = s % 60; return `${sign}${m} min${r > 0 ? ` ${r} s` : ''}`; }
  const min = Math.round(a / 60);
  if (min < 24 * 60) { const h = Math.floor(min / 60), r = min % 60; return `${sign}${h} h${r > 0 ? ` ${r} min` : ''}`; }
  const hours = Math.round(a / 3600);
  const d = Math.floor(hours / 24), r = hours % 24;
  return `${sign}${d} ${d === 1 ? 'day' : 'days'}${r > 0 ? ` ${r} h` : ''}`;
}
