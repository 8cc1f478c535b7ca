import { daysFromCivil } from './time';

/**
 * Time zones for files that write local wall-clock times without an offset (HistData: EST all
 * year; LOBSTER: New York time). A zone maps naive seconds (the wall clock read as if UTC) to
 * seconds since the epoch, UTC.
 */
export type NaiveToUtc = (naiveSec: number) => number;

/** The names accepted by `timeZone`: 'UTC', 'EST' (UTC−5 all year, no DST), 'America/New_York' (US DST rules) or a fixed '+hh:mm' / '-hh:mm'. */
export function zoneFor(name: string): NaiveToUtc | null | undefined {
  const n = name.trim();
  if (/^(utc|gmt|z)$/i.test(n)) return null;
  if (/^est$/i.test(n) || /^etc\/gmt\+5$/i.test(n)) return fixed(-5 * 3600);
  if (/^(america\/new_york|us\/eastern|new york)$/i.test(n)) return newYork;
  const m = /^(?:utc|gmt)?([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(n);
  if (m) {
    const h = Number(m[2]), mi = Number(m[3] ?? 0);
    if (h <= 14 && mi < 60) return fixed((m[1] === '-' ? -1 : 1) * (h * 3600 + mi * 60));
  }
  return undefined;
}

function fixed(offsetSec: number): NaiveToUtc {
  return (t) => t - offsetSec;
}

/** Day (days since 1970-01-01) of the nth Sunday of a month (n = −1: the last). */
function nthSunday(y: number, m: number, n: number): number {
  if (n > 0) {
    const first = daysFromCivil(y, m, 1);
    const dow = (((first + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
    return first + ((7 - dow) % 7) + 7 * (n - 1);
  }
  const last = daysFromCivil(y, m + 1, 1) - 1;
  const dow = (((last + 4) % 7) + 7) % 7;
  return last - dow;
}

/** The cached year: its first day, the first day of the next, and its DST span in naive seconds. */
let yearLo = 1, yearHi = 0, dstStart = 0, dstEnd = 0;

/**
 * New York wall clock → UTC. US rules (15 U.S.C. §260a): from 2007 DST runs from the second
 * Sunday of March to the first Sunday of November, 1987–2006 from the first Sunday of April to
 * the last Sunday of October, switching at 02:00 local time. EST = UTC−5, EDT = UTC−4.
 */
export function newYork(naiveSec: number): number {
  const day = Math.floor(naiveSec / 86400);
  if (day < yearLo || day >= yearHi) {
    const y = new Date(day * 86400000).getUTCFullYear();
    yearLo = daysFromCivil(y, 1, 1);
    yearHi = daysFromCivil(y + 1, 1, 1);
    if (y >= 2007) {
      dstStart = nthSunday(y, 3, 2) * 86400 + 7200;
      dstEnd = nthSunday(y, 11, 1) * 86400 + 7200;
    } else {
      dstStart = nthSunday(y, 4, 1) * 86400 + 7200;
      dstEnd = nthSunday(y, 10, -1) * 86400 + 7200;
    }
  }
  // In the repeated hour of November the first (daylight) reading is taken.
  const dst = naiveSec >= dstStart && naiveSec < dstEnd;
  return naiveSec + (dst ? 4 : 5) * 3600;
}
