import { inputChunks, type InputChunk, type TicksInput } from '../csv/input';
import { CsvError } from '../csv/csv-error';
import { LF } from '../csv/text';

/** Longest line accepted (as in the CSV scanner). */
const MAX_LINE_BYTES = 1 << 20;

/**
 * Lines of a (possibly gzip) input, read chunk by chunk: `line()` gives the next complete line
 * as a byte range of `buf`, or false when more input must be awaited with `fill()`.
 */
export class LineReader {
  buf: Uint8Array = new Uint8Array(0);
  start = 0;
  end = 0;
  /** 1-based number of the line last returned. */
  lineNo = 0;
  consumed = 0;
  done = false;
  private pos = 0;
  private readonly chunks: AsyncGenerator<InputChunk>;
  private readonly state = { gzip: false };

  constructor(
    input: TicksInput,
    chunkBytes: number,
    private readonly name: string,
  ) {
    this.chunks = inputChunks(input, chunkBytes, this.state);
  }

  /** The next line into [start, end) (CR dropped); false when none is complete yet (or, once done, none is left). */
  line(): boolean {
    const b = this.buf;
    if (this.pos >= b.length) return false;
    let lf = b.indexOf(LF, this.pos);
    if (lf < 0) {
      if (!this.done) return false;
      lf = b.length;
    }
    if (lf - this.pos > MAX_LINE_BYTES) throw new CsvError(this.lineNo + 1, '', `${this.name}: line ${this.lineNo + 1} is longer than ${MAX_LINE_BYTES} bytes`, 'binary');
    this.start = this.pos;
    this.end = lf > this.pos && b[lf - 1] === 13 ? lf - 1 : lf;
    this.pos = lf + 1;
    this.lineNo++;
    return true;
  }

  /** Read the next chunk, keeping the unread tail; false at the end of input. */
  async fill(): Promise<boolean> {
    if (this.done) return false;
    let next: IteratorResult<InputChunk>;
    try {
      next = await this.chunks.next();
    } catch (e) {
      if (this.state.gzip) throw new CsvError(this.lineNo + 1, '', `${this.name}: the gzip data is corrupt or truncated (${(e as Error)?.message ?? String(e)})`, 'gzip');
      throw e;
    }
    const tail = this.buf.subarray(Math.min(this.pos, this.buf.length));
    if (next.done) {
      this.done = true;
      this.buf = tail;
      this.pos = 0;
      return tail.length > 0;
    }
    const c = next.value.bytes;
    this.consumed = next.value.consumed;
    if (tail.length === 0) this.buf = c;
    else {
      const b = new Uint8Array(tail.length + c.length);
      b.set(tail);
      b.set(c, tail.length);
      this.buf = b;
    }
    this.pos = 0;
    return true;
  }

  async close(): Promise<void> {
    await this.chunks.return(undefined);
  }
}
