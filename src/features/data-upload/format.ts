import { fmtDuration } from '../../lib/format';
/** Display formatting for the Data panel. */

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

export function formatBytes(n: number): string {
  if (!Number.isFinite(n)) return '?';
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)} MB`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(1)} kB`;
  return `${n} B`;
}

/** Seconds as a short duration: "850 µs", "12.5 ms", "4.20 s", "6 min 5 s", "3 h 2 min", "2 d 4 h". */
export function formatDuration(sec: number): string {
  return fmtDuration(sec); // the one duration formatter (lib/format): carries, so never "59 min 60 s"
}

/** Epoch seconds as UTC "2024-08-08 23:54:15.088". */
export function formatTime(sec: number): string {
  if (!Number.isFinite(sec)) return '—';
  const d = new Date(sec * 1000);
  return Number.isNaN(d.getTime()) ? String(sec) : d.toISOString().replace('T', ' ').replace('Z', ' UTC');
}

export function formatNumber(x: number, digits = 3): string {
  return Number.isFinite(x) ? x.toPrecision(digits) : '—';
}
