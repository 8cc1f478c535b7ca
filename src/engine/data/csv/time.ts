import type { TimeUnit } from './types';

/** Decimal digits after the seconds point for each epoch unit. */
export const UNIT_DIGITS: Record<'s' | 'ms' | 'us' | 'ns', number> = { s: 0, ms: 3, us: 6, ns: 9 };

/**
 * The epoch unit of a number by its magnitude: below 1e11 it is seconds (up to year 5138),
 * below 1e14 milliseconds, below 1e17 microseconds, else nanoseconds. Values from 1973 on
 * fall unambiguously in one band whatever their unit.
 */
export function epochUnitOf(value: number): 's' | 'ms' | 'us' | 'ns' {
  const a = Math.abs(value);
  if (a < 1e11) return 's';
  if (a < 1e14) return 'ms';
  if (a < 1e17) return 'us';
  return 'ns';
}

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms", days_from_civil). */
export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function digitsAt(b: Uint8Array, i: number, n: number, end: number): number {
  if (i + n > end) return -1;
  let v = 0;
  for (let k = 0; k < n; k++) {
    const c = b[i + k] - 48;
    if (!(c >= 0 && c <= 9)) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** The date part (10 bytes) of the last ISO time read, and its seconds since the epoch (NaN: none yet). */
const lastDate = new Uint8Array(10);
let lastDateSec = NaN;

/** Whether the last scanIsoSeconds call read an explicit offset (Z or ±hh:mm): a time zone applies only to times without one. */
export let isoHadOffset = false;

/**
 * ISO-8601 date or date-time in bytes [p, end) → seconds since the epoch, NaN when malformed:
 * YYYY-MM-DD, then optionally 'T' or ' ' hh:mm[:ss[.fraction]] and Z or ±hh[:mm]. A time
 * without an offset is read as UTC (tick files are UTC by convention). Works on the bytes so
 * the scanner needs no string per field. Also read: YYYY.MM.DD and YYYY/MM/DD (JForex), the
 * day-first dotted DD.MM.YYYY of Dukascopy's web exports (dotted dates are day-first wherever they
 * are written day-first; a slashed DD/MM vs MM/DD is ambiguous and not read), and the offset those
 * exports write after a space as " GMT+hhmm" (their "Local time" column; " GMT" alone is UTC).
 */
export function scanIsoSeconds(b: Uint8Array, p: number, end: number): number {
  const len = end - p;
  isoHadOffset = false;
  // YYYY-MM-DD; YYYY.MM.DD (Dukascopy exports) and YYYY/MM/DD read the same; DD.MM.YYYY day-first.
  const ds = b[p + 4];
  const dayFirst = len >= 10 && b[p + 2] === 46 && b[p + 5] === 46;
  if (len < 10 || (!dayFirst && ((ds !== 45 && ds !== 46 && ds !== 47) || b[p + 7] !== ds))) return NaN;
  let t: number;
  // Tick files repeat the date on every row: the last valid date's bytes and seconds are kept.
  let same = lastDateSec === lastDateSec;
  for (let k = 0; same && k < 10; k++) same = b[p + k] === lastDate[k];
  if (same) t = lastDateSec;
  else {
    const y = digitsAt(b, dayFirst ? p + 6 : p, 4, end), mo = digitsAt(b, p + (dayFirst ? 3 : 5), 2, end), d = digitsAt(b, dayFirst ? p : p + 8, 2, end);
    if (y < 0 || mo < 1 || mo > 12 || d < 1) return NaN;
    const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
    if (d > DAYS_IN_MONTH[mo - 1] + (mo === 2 && leap ? 1 : 0)) return NaN;
    t = daysFromCivil(y, mo, d) * 86400;
    for (let k = 0; k < 10; k++) lastDate[k] = b[p + k];
    lastDateSec = t;
  }
  if (len === 10) return t;
  const sep = b[p + 10];
  if ((sep !== 84 && sep !== 116 && sep !== 32) || len < 16 || b[p + 13] !== 58) return NaN;
  const hh = digitsAt(b, p + 11, 2, end), mm = digitsAt(b, p + 14, 2, end);
  if (hh < 0 || hh > 23 || mm < 0 || mm > 59) return NaN;
  t += hh * 3600 + mm * 60;
  let i = p + 16;
  if (i < end && b[i] === 58) {
    const ss = digitsAt(b, i + 1, 2, end);
    if (ss < 0 || ss > 60) return NaN;
    t += ss;
    i += 3;
    if (i < end && (b[i] === 46 || b[i] === 44)) {
      let frac = 0, scale = 1;
      i++;
      const start = i;
      while (i < end) {
        const c = b[i] - 48;
        if (!(c >= 0 && c <= 9)) break;
        if (scale < 1e15) {
          frac = frac * 10 + c;
          scale *= 10;
        }
        i++;
      }
      if (i === start) return NaN;
      t += frac / scale;
    }
  }
  if (i === end) return t;
  // " GMT", " GMT+hhmm" (Dukascopy's local-time exports): the offset as after an ISO time.
  if (b[i] === 32 && end - i >= 4 && (b[i + 1] | 32) === 103 && (b[i + 2] | 32) === 109 && (b[i + 3] | 32) === 116) {
    i += 4;
    if (i === end) {
      isoHadOffset = true;
      return t;
    }
  }
  const z = b[i];
  if ((z === 90 || z === 122) && i + 1 === end) {
    isoHadOffset = true;
    return t;
  }
  if (z !== 43 && z !== 45) return NaN;
  const oh = digitsAt(b, i + 1, 2, end);
  let om = 0;
  const rest = end - (i + 3);
  if (rest === 3 && b[i + 3] === 58) om = digitsAt(b, i + 4, 2, end);
  else if (rest === 2) om = digitsAt(b, i + 3, 2, end);
  else if (rest !== 0) return NaN;
  if (oh < 0 || oh > 23 || om < 0 || om > 59) return NaN;
  const off = oh * 3600 + om * 60;
  isoHadOffset = true;
  return z === 43 ? t - off : t + off;
}

/**
 * Compact date-time in bytes [p, end) → naive seconds (wall clock read as UTC), NaN when
 * malformed: YYYYMMDD, a space (or T), then hh:mm:ss[.fff] (TrueFX) or hhmmss[fff] (HistData
 * ticks: "20240102 170000123"; bars: "20240102 170000").
 */
export function scanCompactSeconds(b: Uint8Array, p: number, end: number): number {
  const y = digitsAt(b, p, 4, end), mo = digitsAt(b, p + 4, 2, end), d = digitsAt(b, p + 6, 2, end);
  if (y < 0 || mo < 1 || mo > 12 || d < 1) return NaN;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (d > DAYS_IN_MONTH[mo - 1] + (mo === 2 && leap ? 1 : 0)) return NaN;
  let t = daysFromCivil(y, mo, d) * 86400;
  if (end - p === 8) return t;
  const sep = b[p + 8];
  if (sep !== 32 && sep !== 84) return NaN;
  let i = p + 9;
  const colon = b[i + 2] === 58;
  const hh = digitsAt(b, i, 2, end);
  const mm = digitsAt(b, i + (colon ? 3 : 2), 2, end);
  const ss = digitsAt(b, i + (colon ? 6 : 4), 2, end);
  if (hh < 0 || hh > 23 || mm < 0 || mm > 59 || ss < 0 || ss > 60 || (colon && b[i + 5] !== 58)) return NaN;
  t += hh * 3600 + mm * 60 + ss;
  i += colon ? 8 : 6;
  if (i < end && b[i] === 46 && colon) i++;
  else if (colon && i < end) return NaN;
  let frac = 0, scale = 1;
  const start = i;
  for (; i < end; i++) {
    const c = b[i] - 48;
    if (!(c >= 0 && c <= 9)) return NaN;
    if (scale < 1e15) {
      frac = frac * 10 + c;
      scale *= 10;
    }
  }
  if (colon && i === start && b[i - 1] === 46) return NaN;
  return t + frac / scale;
}

/** Compact date-time text → naive seconds (see scanCompactSeconds); NaN when malformed. */
export function parseCompactSeconds(s: string): number {
  if (s.length > scratch.length) scratch = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 127) return NaN;
    scratch[i] = c;
  }
  return scanCompactSeconds(scratch, 0, s.length);
}

let scratch = new Uint8Array(64);


/** ISO-8601 text → seconds since the epoch (see scanIsoSeconds); NaN when malformed or not ASCII. */
export function parseIsoSeconds(s: string): number {
  if (s.length > scratch.length) scratch = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 127) return NaN;
    scratch[i] = c;
  }
  return scanIsoSeconds(scratch, 0, s.length);
}

/**
 * True when `s` is a plain decimal: [+-] digits [. digits] or [+-] . digits, then an optional
 * exponent [eE][+-]digits. One pass over the text (a backtracking regular expression was
 * quadratic in the field length: a 65 kB field of digits took seconds).
 */
export function isPlainNumber(s: string): boolean {
  const n = s.length;
  let i = 0;
  let c = s.charCodeAt(0);
  if (c === 43 || c === 45) i++;
  let digits = 0;
  while (i < n && (c = s.charCodeAt(i)) >= 48 && c <= 57) {
    i++;
    digits++;
  }
  if (i < n && s.charCodeAt(i) === 46) {
    i++;
    while (i < n && (c = s.charCodeAt(i)) >= 48 && c <= 57) {
      i++;
      digits++;
    }
  }
  if (digits === 0) return false;
  if (i < n && (s.charCodeAt(i) | 32) === 101) {
    i++;
    c = s.charCodeAt(i);
    if (c === 43 || c === 45) i++;
    const start = i;
    while (i < n && (c = s.charCodeAt(i)) >= 48 && c <= 57) i++;
    if (i === start) return false;
  }
  return i === n;
}

/** Strict decimal number (no hex, no "Infinity", no empty string, finite), or NaN. Linear in the text length. */
export function strictNumber(s: string): number {
  if (!isPlainNumber(s)) return NaN;
  const v = Number(s);
  return Number.isFinite(v) ? v : NaN;
}

/**
 * Epoch text in `unit` → seconds. Long integers are split into whole seconds and the
 * sub-second digits so a 19-digit nanosecond stamp is converted with one rounding.
 */
export function epochTextToSeconds(s: string, unit: 's' | 'ms' | 'us' | 'ns'): number {
  const u = UNIT_DIGITS[unit];
  let v: number;
  if (u > 0 && s.length > u && isDigits(s)) v = Number(s.slice(0, s.length - u)) + Number(s.slice(s.length - u)) / 10 ** u;
  else {
    v = strictNumber(s);
    if (u > 0) v /= 10 ** u;
  }
  // A 400-digit stamp reads as Infinity: not a time.
  return Number.isFinite(v) ? v : NaN;
}

function isDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Decide the unit from the first time text: ISO when it reads as a date, else the epoch unit by magnitude; undefined when neither. */
export function detectTimeUnit(s: string): Exclude<TimeUnit, 'auto'> | undefined {
  const v = strictNumber(s);
  if (Number.isFinite(v)) return epochUnitOf(v);
  if (Number.isFinite(parseIsoSeconds(s))) return 'iso';
  return undefined;
}
