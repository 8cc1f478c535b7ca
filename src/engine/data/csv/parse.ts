import { ParamError, positive } from '../../util/validate';
import { CsvError } from './csv-error';
import { inputChunks, isBytes, isGzip, type TicksInput } from './input';
import { TickScanner } from './scanner';
import { detectDateTimeJoin, JOIN_HEAD_BYTES, LineCounter, type DateTimeJoin } from './date-time-join';
import { concat } from './text';
import { utf16AsUtf8 } from './utf16';
import type { ParsedTicks, ParseTicksOptions } from './types';

/**
 * Parse a tick CSV (quotes, trades, prices or OHLCV bars; plain or gzip) into columns of
 * Float64Array with `time` in seconds since the epoch. Streams: string and byte input are
 * read in `chunkBytes` pieces, so progress is reported and `signal` is honoured between them.
 * Unusable input rejects with a CsvError naming the line and field; cancellation rejects with
 * the signal's reason; bad options throw ParamError.
 */
export async function parseTicksCsv(input: TicksInput, options: ParseTicksOptions = {}): Promise<ParsedTicks> {
  checkOptions(options);
  const { signal, onProgress } = options;
  signal?.throwIfAborted();
  const sizeHint = options.sizeHint ?? (typeof input === 'string' ? input.length : isBytes(input) && !isGzip(input) ? input.length : undefined);
  const scanner = new TickScanner({ ...options, sizeHint });
  // A file carrying trades among its quotes (Databento MBP-1) is read a second time, from the same
  // chunks, by a trades scanner; chunks are held only until the header says whether it is one.
  const tee = new TradesTee(options);
  const state = { gzip: false };
  const chunks = utf16AsUtf8(inputChunks(input, options.chunkBytes ?? 2 ** 20, state));
  // Date and time in two columns are joined (date-time-join.ts): decided on the first two lines, so the
  // first chunks are held until they are in.
  let join: DateTimeJoin | null | undefined;
  let held: { bytes: Uint8Array; consumed: number }[] = [];
  let heldLength = 0;
  const lines = new LineCounter();
  const feed = (c: { bytes: Uint8Array; consumed: number }) => {
    const bytes = join ? join.apply(c.bytes) : c.bytes;
    scanner.push(bytes);
    tee.push(scanner, bytes);
    onProgress?.(c.consumed, scanner.rowsRead);
  };
  const heldBytes = (): Uint8Array => {
    if (held.length === 1) return held[0].bytes;
    let all: Uint8Array = new Uint8Array(0);
    for (const c of held) all = concat(all, c.bytes);
    return all;
  };
  const decide = () => {
    join = detectDateTimeJoin(heldBytes());
    for (const c of held) feed(c);
    held = [];
  };
  for (;;) {
    let next: IteratorResult<{ bytes: Uint8Array; consumed: number }>;
    try {
      next = await chunks.next();
    } catch (e) {
      signal?.throwIfAborted();
      if (state.gzip) throw new CsvError(scanner.line, '', `the gzip data is corrupt or truncated (${(e as Error)?.message ?? String(e)})`, 'gzip');
      throw e;
    }
    if (next.done) break;
    signal?.throwIfAborted();
    try {
      if (join !== undefined) feed(next.value);
      else {
        held.push(next.value);
        heldLength += next.value.bytes.length;
        if (lines.add(next.value.bytes) || heldLength >= JOIN_HEAD_BYTES) decide();
      }
    } catch (e) {
      await chunks.return(undefined);
      throw e;
    }
  }
  signal?.throwIfAborted();
  if (join === undefined) decide();
  const result = scanner.finish();
  tee.finish(scanner, result);
  if (join) result.detected.notes.push(join.note());
  return result;
}

/** The trades scanner of a file that carries trades, fed the main scanner's chunks. */
class TradesTee {
  private held: Uint8Array[] | null = [];
  private trades: TickScanner | null = null;

  constructor(private readonly options: ParseTicksOptions) {}

  push(main: TickScanner, bytes: Uint8Array): void {
    if (this.trades) return this.trades.push(bytes);
    if (!this.held) return;
    this.held.push(bytes);
    if (main.headerRead) this.start(main);
  }

  private start(main: TickScanner): void {
    const held = this.held!;
    this.held = null;
    if (!main.carriesTrades) return;
    this.trades = new TickScanner({ ...this.options, sizeHint: undefined }, 'trades');
    for (const b of held) this.trades.push(b);
  }

  /** Adds `result.trades` (or a note saying why there are none). */
  finish(main: TickScanner, result: ParsedTicks): void {
    if (this.held) this.start(main);
    if (!this.trades) return;
    try {
      result.trades = this.trades.finish();
    } catch (e) {
      // No trade rows at all, or none usable: the quotes stand; the report says why there are no trades.
      if (!(e instanceof CsvError) || e.code !== 'no-rows') throw e;
      result.detected.notes.push(this.trades.rowsRead === 0 ? 'no trade rows (action T) in the file' : `no trades read from the rows with action T: ${e.message}`);
    }
  }
}

function checkOptions(o: ParseTicksOptions): void {
  if (o.maxBytes !== undefined) positive('maxBytes', o.maxBytes);
  if (o.maxRows !== undefined) positive('maxRows', o.maxRows);
  if (o.chunkBytes !== undefined) positive('chunkBytes', o.chunkBytes);
  if (o.maxProblems !== undefined && !(o.maxProblems >= 0)) throw new ParamError('maxProblems', 'at least 0', o.maxProblems);
  if (o.badRows !== undefined && o.badRows !== 'skip' && o.badRows !== 'stop') throw new ParamError('badRows', "'skip' or 'stop'", o.badRows);
  if (o.order !== undefined && o.order !== 'sort' && o.order !== 'reject') throw new ParamError('order', "'sort' or 'reject'", o.order);
}
