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
    } catch (e) {
      await chunks.return(undefined);
      throw e;
    }
    onProgress?.(next.value.consumed, scanner.rowsRead);
  }
  signal?.throwIfAborted();
  return scanner.finish();
}

function checkOptions(o: ParseTicksOptions): void {
  if (o.maxBytes !== undefined) positive('maxBytes', o.maxBytes);
  if (o.maxRows !== undefined) positive('maxRows', o.maxRows);
  if (o.chunkBytes !== undefined) positive('chunkBytes', o.chunkBytes);
  if (o.maxProblems !== undefined && !(o.maxProblems >= 0)) throw new ParamError('maxProblems', 'at least 0', o.maxProblems);
  if (o.badRows !== undefined && o.badRows !== 'skip' && o.badRows !== 'stop') throw new ParamError('badRows', "'skip' or 'stop'", o.badRows);
  if (o.order !== undefined && o.order !== 'sort' && o.order !== 'reject') throw new ParamError('order', "'sort' or 'reject'", o.order);
}
