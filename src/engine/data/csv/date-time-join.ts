import { normalizeHeader } from './schema';
import { CR, detectDelimiter, LF, QUOTE, splitQuoted, utf8 } from './text';

/** A date as the ISO time parser reads it: YYYY-MM-DD, YYYY.MM.DD, YYYY/MM/DD or day-first DD.MM.YYYY. */
const DATE = /^(\d{4}[-./]\d{2}[-./]\d{2}|\d{2}\.\d{2}\.\d{4})$/;
/** A time of day with a two-digit hour: hh:mm[:ss[.fraction]]. */
const TIME_OF_DAY = /^\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/**
 * Files with the date and the time of day in two adjacent columns (MetaTrader 5 exports
 * `<DATE>\t<TIME>`, many broker exports `Date,Time,…`): the delimiter between the two is read as a
 * space, so the scanner sees one date-time column ("2024.08.01 00:00:00.123", header "<DATE> <TIME>").
 * A byte substitution of the same length, on a copy of each chunk (never the caller's bytes), with its
 * state (delimiters seen on the current line, inside a quoted field or not) carried across chunks.
 */
export class DateTimeJoin {
  private count = 0;
  private inQuote = false;

  /** `delim` the field delimiter; `nth` the ordinal on a line (1-based) of the delimiter after the date. */
  constructor(readonly delim: number, readonly nth: number, readonly dateField: string, readonly timeField: string) {}

  apply(bytes: Uint8Array): Uint8Array {
    const out = bytes.slice();
    const delim = this.delim, nth = this.nth;
    let count = this.count, inQuote = this.inQuote;
    for (let i = 0; i < out.length; i++) {
      const c = out[i];
      if (c === LF) {
        count = 0;
        inQuote = false;
      } else if (c === QUOTE) inQuote = !inQuote;
      else if (c === delim && !inQuote && ++count === nth) out[i] = 32;
    }
    this.count = count;
    this.inQuote = inQuote;
    return out;
  }

  /** The detection report's line. */
  note(): string {
    return `date and time read from two columns (${this.dateField} and ${this.timeField}) as one`;
  }
}

/**
 * The join for a file whose first bytes are `head` (at least its header line and first data line, when
 * it has them), or null: a header field named date and the next one named time (any case, `<>` or
 * spaces around), and the first data row holding a date and a time of day in them. A file whose time
 * column already holds whole timestamps, or whose date and time are not next to each other, is read
 * as before.
 */
export function detectDateTimeJoin(head: Uint8Array): DateTimeJoin | null {
  const lines: string[] = [];
  let start = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (lines.length < 2) {
    let lf = head.indexOf(LF, start);
    if (lf < 0) lf = head.length;
    const end = lf > start && head[lf - 1] === CR ? lf - 1 : lf;
    const text = utf8.decode(head.subarray(start, end));
    if (text.trim() !== '') lines.push(text);
    if (lf >= head.length) break;
    start = lf + 1;
  }
  if (lines.length < 2) return null;
  const delim = detectDelimiter(lines[0]);
  const header = splitQuoted(lines[0], delim).map((f) => f.trim());
  const norm = header.map(normalizeHeader);
  const k = norm.indexOf('date');
  if (k < 0 || norm[k + 1] !== 'time') return null;
  const row = splitQuoted(lines[1], delim).map((f) => f.trim());
  if (!DATE.test(row[k] ?? '') || !TIME_OF_DAY.test(row[k + 1] ?? '')) return null;
  return new DateTimeJoin(delim, k + 1, header[k], header[k + 1]);
}

/** Bytes held at most before deciding without a second line (a first line this long has no date and time to join). */
export const JOIN_HEAD_BYTES = 1 << 16;

/**
 * Counts the non-blank lines of chunks seen one after another (state carried across chunks), so the
 * caller knows when the header and the first data line are in without re-reading what it holds.
 */
export class LineCounter {
  lines = 0;
  private content = false;

  /** Adds a chunk; true once two non-blank lines have ended. */
  add(b: Uint8Array): boolean {
    for (let i = 0; i < b.length && this.lines < 2; i++) {
      const c = b[i];
      if (c === LF) {
        if (this.content) this.lines++;
        this.content = false;
      } else if (c !== CR && c !== 32 && c !== 9) this.content = true;
    }
    return this.lines >= 2;
  }
}
