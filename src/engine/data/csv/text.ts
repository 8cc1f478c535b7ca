import { parseIsoSeconds, strictNumber } from './time';

/** Byte and text helpers of the CSV scanner (the slow paths and the header). */
export const LF = 10;
export const CR = 13;
export const QUOTE = 34;
export const utf8 = new TextDecoder('utf-8');

/** Index of the LF ending the row that starts at `pos` (LFs inside quotes do not count), −1 when none before `limit`. */
export function findRowEnd(buf: Uint8Array, pos: number, limit = buf.length): number {
  let inQuote = false;
  const end = Math.min(limit, buf.length);
  for (let i = pos; i < end; i++) {
    const c = buf[i];
    if (c === QUOTE) inQuote = !inQuote;
    else if (c === LF && !inQuote) return i;
  }
  return -1;
}

export function countLf(buf: Uint8Array, from: number, to: number): number {
  let k = 0;
  for (let i = from; i < to; i++) if (buf[i] === LF) k++;
  return k;
}

/** A header never holds only numbers, dates and booleans; a first data row does (e.g. Binance's headerless exports). */
export function looksLikeData(field: string): boolean {
  return field !== '' && (Number.isFinite(strictNumber(field)) || Number.isFinite(parseIsoSeconds(field)) || /^(true|false)$/i.test(field));
}

/** Split one record's text on `delim` with RFC 4180 quoting ("" is a literal quote). */
export function splitQuoted(text: string, delim: number): string[] {
  const out: string[] = [];
  let cur = '', inQuote = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inQuote) {
      if (c === QUOTE) {
        if (text.charCodeAt(i + 1) === QUOTE) {
          cur += '"';
          i++;
        } else inQuote = false;
      } else cur += text[i];
    } else if (c === QUOTE) inQuote = true;
    else if (c === delim) {
      out.push(cur);
      cur = '';
    } else cur += text[i];
  }
  out.push(cur);
  return out;
}

/** The delimiter that occurs most in the header (outside quotes): comma, semicolon or tab. */
export function detectDelimiter(header: string): number {
  const counts = new Map<number, number>([[44, 0], [59, 0], [9, 0]]);
  let inQuote = false;
  for (let i = 0; i < header.length; i++) {
    const c = header.charCodeAt(i);
    if (c === QUOTE) inQuote = !inQuote;
    else if (!inQuote && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best = 44, most = 0;
  for (const [c, k] of counts) if (k > most) [best, most] = [c, k];
  return best;
}

/** Replacement characters (invalid UTF-8) or control codes other than tab/CR/LF/FF/VT: not text. */
export function hasUnreadable(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd || c < 8 || (c > 13 && c < 32)) return true;
  }
  return false;
}

/** Field text; ASCII (every number and date) without going through TextDecoder. */
export function asciiText(buf: Uint8Array, p: number, e: number): string {
  let s = '';
  for (let i = p; i < e; i++) {
    const c = buf[i];
    if (c > 127) return utf8.decode(buf.subarray(p, e));
    s += String.fromCharCode(c);
  }
  return s;
}

/** The message for input beyond `maxBytes` (shared with the worker's early size check). */
export function tooLargeMessage(maxBytes: number): string {
  return `file too large for memory: more than ${formatBytes(maxBytes)} of text (the maxBytes limit)`;
}

function formatBytes(n: number): string {
  return n >= 2 ** 20 ? `${+(n / 2 ** 20).toFixed(1)} MiB` : `${n} bytes`;
}

/** a followed by b (b itself when a is empty: no copy on the common path). */
export function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
