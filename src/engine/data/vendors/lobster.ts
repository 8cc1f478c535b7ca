import { ParamError } from '../../util/validate';
import { CsvError } from '../csv/csv-error';
import type { TicksInput } from '../csv/input';
import { scanDecimal, scanEnd } from '../csv/number';
import { daysFromCivil } from '../csv/time';
import type { CsvProblem, DetectedFormat, ParsedTicks, ProblemKind } from '../csv/types';
import { newYork } from '../csv/zones';
import { LineReader } from './lines';
import { LOBSTER_NAME } from './profiles';

export interface LobsterOptions {
  /** The message file's name, e.g. AAPL_2012-06-21_34200000_57600000_message_10.csv: gives the date. */
  fileName?: string;
  /** Trading date YYYY-MM-DD (overrides the one in fileName). */
  date?: string;
  /** 'skip' (default): drop bad rows and list them; 'stop': throw a CsvError at the first one. */
  badRows?: 'skip' | 'stop';
  /** How many problems of each kind are listed (default 100). */
  maxProblems?: number;
  /** Called after each chunk of the message file with its bytes consumed and the rows read. */
  onProgress?: (bytes: number, rows: number) => void;
  signal?: AbortSignal;
  /** Input chunk size in bytes for string and byte input (default 1 MiB). */
  chunkBytes?: number;
}

/** LOBSTER's price unit: USD × 10,000 (LOBSTER data structure: "Dollar price times 10000"). */
const PRICE_DIVISOR = 10_000;
/** LOBSTER fills empty book levels with these prices. */
const EMPTY_ASK = 9999999999;
const EMPTY_BID = -9999999999;

/** Which of two file names is the LOBSTER message file of a message/orderbook pair (same ticker, date, window and levels); undefined when they are not a pair. */
export function lobsterPair(nameA: string, nameB: string | undefined): { message: 0 | 1 } | undefined {
  if (nameB === undefined) return undefined;
  const a = LOBSTER_NAME.exec(nameA.split(/[\\/]/).pop() ?? ''), b = LOBSTER_NAME.exec(nameB.split(/[\\/]/).pop() ?? '');
  if (!a || !b || a[5] === b[5]) return undefined;
  if (a[1] !== b[1] || a[2] !== b[2] || a[3] !== b[3] || a[4] !== b[4] || a[6] !== b[6]) return undefined;
  return { message: a[5] === 'message' ? 0 : 1 };
}

/** Growable set of Float64Array columns. */
class Columns {
  cols: Float64Array[];
  n = 0;
  constructor(k: number) {
    this.cols = Array.from({ length: k }, () => new Float64Array(1 << 14));
  }
  /** Index of a new row (columns grown by doubling); the caller fills cols[k][i]. */
  add(): number {
    if (this.n === this.cols[0].length) {
      this.cols = this.cols.map((c) => {
        const d = new Float64Array(c.length * 2);
        d.set(c);
        return d;
      });
    }
    return this.n++;
  }
  take(k: number): Float64Array {
    return this.cols[k].slice(0, this.n);
  }
}

/** Problems of one output, counted per kind with the first few of each listed. */
class Problems {
  list: CsvProblem[] = [];
  counts: Partial<Record<ProblemKind, number>> = {};
  skipped = 0;
  constructor(
    private readonly stop: boolean,
    private readonly max: number,
  ) {}
  add(kind: ProblemKind, line: number, field: string, message: string): void {
    if (this.stop) throw new CsvError(line, field, message, 'row');
    this.skipped++;
    const c = (this.counts[kind] ?? 0) + 1;
    this.counts[kind] = c;
    if (c <= this.max) this.list.push({ line, field, message, kind });
  }
}

const MSG_FIELDS = ['time', 'type', 'order id', 'size', 'price', 'direction'];

/**
 * A LOBSTER message file and its orderbook file (read in step, line by line) → top-of-book
 * quotes (one per event: the book after it) and trades (executions, event types 4 visible and
 * 5 hidden). Times: the message file's seconds after midnight New York time on the file's date
 * → seconds since the Unix epoch, UTC. Prices × 1e−4 → dollars. A trade's side is −direction
 * (LOBSTER's direction is the resting limit order's side: executing a sell order is a buy).
 * Source: LOBSTER data structure, lobsterdata.com/info/DataStructure.php.
 */
export async function parseLobster(message: TicksInput, orderbook: TicksInput, options: LobsterOptions = {}): Promise<{ quotes: ParsedTicks; trades: ParsedTicks }> {
  const date = options.date ?? (options.fileName ? LOBSTER_NAME.exec(options.fileName.split(/[\\/]/).pop() ?? '')?.[2] : undefined);
  const dm = date ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date) : null;
  if (!dm) throw new ParamError('options.date', 'a date YYYY-MM-DD, or a fileName like AAPL_2012-06-21_34200000_57600000_message_10.csv', date ?? options.fileName);
  const midnight = daysFromCivil(Number(dm[1]), Number(dm[2]), Number(dm[3])) * 86400;
  const stop = options.badRows === 'stop';
  const max = options.maxProblems ?? 100;
  const chunk = options.chunkBytes ?? 2 ** 20;
  const { signal, onProgress } = options;
  signal?.throwIfAborted();

  const msg = new LineReader(message, chunk, 'message file');
  const book = new LineReader(orderbook, chunk, 'orderbook file');
  const q = new Columns(5), t = new Columns(4);
  const qp = new Problems(stop, max), tp = new Problems(stop, max);
  const vals = new Float64Array(6);
  const ob = new Float64Array(4);
  let rows = 0, trades = 0, lastTime = -Infinity, lastLine = 0, levels = 0;

  /** Fields of the current line of `r` as numbers into `out`; the field count (−1 at the first field that is not a number). */
  const readFields = (r: LineReader, out: Float64Array | null, want: number): number => {
    const b = r.buf;
    let p = r.start, k = 0;
    const e = r.end;
    for (;;) {
      const v = scanDecimal(b, p, e);
      const fe = scanEnd;
      if (v !== v || (fe < e && b[fe] !== 44)) return -1 - k;
      if (out && k < want) out[k] = v;
      k++;
      if (fe >= e) return k;
      p = fe + 1;
    }
  };

  try {
    for (;;) {
      // Next message line (awaiting input as needed).
      let have = msg.line();
      while (!have && (await msg.fill())) {
        signal?.throwIfAborted();
        onProgress?.(msg.consumed, rows);
        have = msg.line();
      }
      let haveBook = book.line();
      while (!haveBook && (await book.fill())) haveBook = book.line();
      if (!have && !haveBook) break;
      const line = have ? msg.lineNo : book.lineNo;
      if (have !== haveBook) {
        throw new CsvError(line, '', `the message and orderbook files differ in length: ${have ? 'the orderbook file ends' : 'the message file ends'} before line ${line}; they must match line by line`, 'row');
      }
      if (msg.end === msg.start && book.end === book.start) continue;
      rows++;
      const nm = readFields(msg, vals, 6);
      if (nm !== 6) {
        if (nm < 0) qp.add('number', line, MSG_FIELDS[-nm - 1] ?? `column ${-nm}`, `message file: not a number in ${MSG_FIELDS[-nm - 1] ?? `column ${-nm}`}`);
        else qp.add('fields', line, '', `message file: expected 6 fields, found ${nm}`);
        continue;
      }
      const secs = vals[0], type = vals[1], size = vals[3], price = vals[4], dir = vals[5];
      // Level 1 of the book: ask price, ask size, bid price, bid size.
      const nb = readFields(book, ob, 4);
      if (nb < 0) {
        qp.add('number', line, `orderbook column ${-nb}`, `orderbook file: not a number in column ${-nb}`);
        continue;
      }
      if (nb < 4 || nb % 4 !== 0) {
        qp.add('fields', line, '', `orderbook file: expected 4 fields per level, found ${nb}`);
        continue;
      }
      levels = nb / 4;
      if (!(secs >= 0 && secs < 86400 * 2)) {
        qp.add('time', line, 'time', `not seconds after midnight: ${secs}`);
        continue;
      }
      const time = newYork(midnight + secs);
      if (time < lastTime) {
        qp.add('backwards', line, 'time', `time goes backwards: ${secs} is before the time on line ${lastLine}`);
        continue;
      }
      lastTime = time;
      lastLine = line;
      const askPx = ob[0], askSz = ob[1], bidPx = ob[2], bidSz = ob[3];
      if (askPx === EMPTY_ASK || bidPx === EMPTY_BID || !(askPx > 0) || !(bidPx > 0)) {
        qp.add('price', line, askPx === EMPTY_ASK || !(askPx > 0) ? 'ask price 1' : 'bid price 1', `no ${askPx === EMPTY_ASK || !(askPx > 0) ? 'ask' : 'bid'} at level 1 (LOBSTER's empty-level price ${askPx === EMPTY_ASK || !(askPx > 0) ? askPx : bidPx})`);
      } else if (bidPx > askPx) {
        qp.add('crossed', line, 'bid price 1', `crossed quote: bid ${bidPx / PRICE_DIVISOR} is above ask ${askPx / PRICE_DIVISOR}`);
      } else {
        const i = q.add();
        q.cols[0][i] = time;
        q.cols[1][i] = bidPx / PRICE_DIVISOR;
        q.cols[2][i] = askPx / PRICE_DIVISOR;
        q.cols[3][i] = bidSz;
        q.cols[4][i] = askSz;
      }
      if (type === 4 || type === 5) {
        trades++;
        if (!(price > 0)) tp.add('price', line, 'price', `execution price must be greater than 0 (got ${price})`);
        else if (!(size >= 0)) tp.add('size', line, 'size', `execution size must not be negative (got ${size})`);
        else if (dir !== 1 && dir !== -1) tp.add('side', line, 'direction', `direction must be 1 or −1 (got ${dir})`);
        else {
          const i = t.add();
          t.cols[0][i] = time;
          t.cols[1][i] = price / PRICE_DIVISOR;
          t.cols[2][i] = size;
          t.cols[3][i] = -dir;
        }
      }
    }
  } finally {
    await msg.close().catch(() => undefined);
    await book.close().catch(() => undefined);
  }
  signal?.throwIfAborted();
  onProgress?.(msg.consumed, rows);
  if (rows === 0) throw new CsvError(1, '', 'the message file is empty', 'empty');
  if (q.n === 0) {
    const p = qp.list[0];
    throw new CsvError(p?.line ?? 1, p?.field ?? '', `no usable rows: all ${rows} book states were skipped${p ? `; the first, on line ${p.line}: ${p.message}` : ''}`, 'no-rows');
  }

  const base = {
    format: 'lobster',
    timeColumn: 'time (message file)',
    timeUnit: 's',
    timeZone: 'America/New_York',
    priceScale: 1 / PRICE_DIVISOR,
    otherTimeColumns: [],
  };
  const notes = [
    `date ${date} (from ${options.date ? 'options.date' : 'the file name'}); times are seconds after midnight New York time, converted to UTC`,
    'prices are USD × 10,000: scaled by 1e−4',
    `orderbook with ${levels} level${levels === 1 ? '' : 's'}: level 1 used`,
  ];
  const quotesDetected: DetectedFormat = { ...base, columnOrder: 'ask, askSize, bid, bidSize (orderbook file, level 1)', sideConvention: 'not applicable', notes: [...notes, 'one quote per event: the book after it'] };
  const tradesDetected: DetectedFormat = {
    ...base,
    columnOrder: 'time, type, order id, size, price, direction (message file)',
    sideConvention: 'side = −direction (direction is the resting limit order: executing a sell order is a buyer-initiated trade)',
    notes: [...notes, 'trades are executions: event types 4 (visible) and 5 (hidden)'],
  };
  const quotes: ParsedTicks = {
    kind: 'quotes',
    columns: { time: q.take(0), bid: q.take(1), ask: q.take(2), bidSize: q.take(3), askSize: q.take(4) },
    rowsRead: rows,
    rowsSkipped: rows - q.n,
    problems: qp.list,
    problemCounts: qp.counts,
    timeUnit: 's',
    mapping: { time: 'time', bid: 'bid price 1', ask: 'ask price 1', bidSize: 'bid size 1', askSize: 'ask size 1' },
    header: MSG_FIELDS,
    sorted: false,
    detected: quotesDetected,
  };
  const tradesOut: ParsedTicks = {
    kind: 'trades',
    columns: { time: t.take(0), price: t.take(1), size: t.take(2), side: t.take(3) },
    rowsRead: trades,
    rowsSkipped: trades - t.n,
    problems: tp.list,
    problemCounts: tp.counts,
    timeUnit: 's',
    mapping: { time: 'time', price: 'price', size: 'size', side: 'direction' },
    header: MSG_FIELDS,
    sorted: false,
    detected: tradesDetected,
  };
  return { quotes, trades: tradesOut };
}
