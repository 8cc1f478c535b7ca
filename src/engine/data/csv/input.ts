import { concat } from './text';

/** One piece of decompressed input and how many input bytes (compressed, for gzip) were consumed so far. */
export interface InputChunk {
  bytes: Uint8Array;
  consumed: number;
}

export type TicksInput = string | Uint8Array | ReadableStream<Uint8Array>;

/** True when the bytes start with the gzip magic number 1f 8b (RFC 1952 §2.3.1). */
export function isGzip(b: Uint8Array): boolean {
  return b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;
}

/**
 * The input as a sequence of UTF-8 byte chunks of about `chunkBytes`, gunzipped with
 * DecompressionStream when it starts with the gzip magic. `gzipFailed` is set when the
 * decompressor (not the source) throws, so the caller can name the cause.
 */
/** Byte input (a Uint8Array from any realm: a worker's, jsdom's or Node's), not a stream or a string. */
export function isBytes(input: unknown): input is Uint8Array {
  return ArrayBuffer.isView(input) && (input as Uint8Array).BYTES_PER_ELEMENT === 1 && typeof (input as { getReader?: unknown }).getReader !== 'function';
}

export async function* inputChunks(input: TicksInput, chunkBytes: number, state: { gzip: boolean }): AsyncGenerator<InputChunk> {
  if (typeof input === 'string') input = new TextEncoder().encode(input);
  if (isBytes(input)) {
    if (isGzip(input)) {
      state.gzip = true;
      yield* gunzip(oneChunkStream(input), () => input.length);
      return;
    }
    for (let p = 0; p < input.length; p += chunkBytes) {
      const end = Math.min(input.length, p + chunkBytes);
      yield { bytes: input.subarray(p, end), consumed: end };
    }
    return;
  }
  const reader = (input as ReadableStream<Uint8Array>).getReader();
  let head: Uint8Array = new Uint8Array(0);
  let consumed = 0;
  // Read until two bytes are known, to decide whether this is gzip.
  for (;;) {
    if (head.length >= 2) break;
    const r = await reader.read();
    if (r.done) break;
    consumed += r.value.length;
    head = concat(head, r.value);
  }
  if (isGzip(head)) {
    state.gzip = true;
    const counted = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(head);
      },
      async pull(c) {
        const r = await reader.read();
        if (r.done) c.close();
        else {
          consumed += r.value.length;
          c.enqueue(r.value);
        }
      },
      cancel(reason) {
        return reader.cancel(reason);
      },
    });
    yield* gunzip(counted, () => consumed);
    return;
  }
  if (head.length) yield { bytes: head, consumed };
  for (;;) {
    const r = await reader.read();
    if (r.done) return;
    consumed += r.value.length;
    yield { bytes: r.value, consumed };
  }
}

async function* gunzip(src: ReadableStream<Uint8Array>, consumed: () => number): AsyncGenerator<InputChunk> {
  const reader = src.pipeThrough(new DecompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>).getReader();
  try {
    for (;;) {
      const r = await reader.read();
      if (r.done) return;
      yield { bytes: r.value, consumed: consumed() };
    }
  } finally {
    reader.cancel().catch(() => undefined);
  }
}

function oneChunkStream(b: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(c) {
      c.enqueue(b);
      c.close();
    },
  });
}
