import type { InputChunk } from './input';
import { concat } from './text';

/**
 * UTF-16 text (MetaTrader's and spreadsheets' "Unicode" exports), told by its byte-order mark (FF FE
 * little-endian, FE FF big-endian), re-encoded as UTF-8 chunk by chunk (a character split between
 * chunks is carried by the streaming decoder); any other input passes through untouched.
 */
export async function* utf16AsUtf8(chunks: AsyncGenerator<InputChunk>): AsyncGenerator<InputChunk> {
  let decoder: TextDecoder | null | undefined;
  let head: Uint8Array = new Uint8Array(0); // the first bytes, until the two of a byte-order mark are in
  let consumed = 0;
  const encoder = new TextEncoder();
  for await (const c of chunks) {
    consumed = c.consumed;
    let bytes = c.bytes;
    if (decoder === undefined) {
      head = concat(head, bytes);
      if (head.length < 2) continue;
      decoder = head[0] === 0xff && head[1] === 0xfe ? new TextDecoder('utf-16le') : head[0] === 0xfe && head[1] === 0xff ? new TextDecoder('utf-16be') : null;
      bytes = head;
    }
    if (decoder === null) yield { bytes, consumed };
    else yield { bytes: encoder.encode(decoder.decode(bytes, { stream: true })), consumed };
  }
  if (decoder === undefined && head.length > 0) yield { bytes: head, consumed };
  if (decoder) {
    const tail = decoder.decode();
    if (tail !== '') yield { bytes: encoder.encode(tail), consumed };
  }
}
