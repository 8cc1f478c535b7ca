import { ParamError, positive } from '../../util/validate';
import { CsvError } from './csv-error';
import { inputChunks, isBytes, isGzip, type TicksInput } from './input';
import { TickScanner } from './scanner';
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
  const chunks = inputChunks(input, options.chunkBytes ?? 2 ** 20, state);
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
      scanner.push(next.value.bytes);
      tee.push(scanner, next.value.bytes);
    } catch (e) {
      await chunks.return(undefined);
      throw e;
    }
    onProgress?.(next.value.consumed, scanner.rowsRead);
  }
  signal?.throwIfAborted();
  const result = scanner.finish();
  tee.finish(scanner, result);
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
