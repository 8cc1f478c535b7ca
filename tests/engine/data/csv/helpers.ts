import { CsvError, parseTicksCsv, type ParseTicksOptions } from '../../../../src/engine';

/** The CsvError a parse rejects with (fails the test when it resolves or rejects otherwise). */
export async function csvError(input: string | Uint8Array, options?: ParseTicksOptions): Promise<CsvError> {
  try {
    await parseTicksCsv(input, options);
  } catch (e) {
    if (e instanceof CsvError) return e;
    throw new Error(`expected a CsvError, got ${String(e)}`, { cause: e });
  }
  throw new Error('expected a CsvError, the parse succeeded');
}

export function gzipText(text: string): Promise<Uint8Array> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Response(stream).arrayBuffer().then((b) => new Uint8Array(b));
}

/** A stream that delivers `bytes` in pieces of `size` bytes. */
export function chunkedStream(bytes: Uint8Array, size: number): ReadableStream<Uint8Array> {
  let p = 0;
  return new ReadableStream<Uint8Array>({
    pull(c) {
      if (p >= bytes.length) return c.close();
      c.enqueue(bytes.slice(p, p + size));
      p += size;
    },
  });
}
