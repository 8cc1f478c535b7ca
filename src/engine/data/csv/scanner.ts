import { CsvError } from './csv-error';
import { scanDecimal, scanEnd, scanEpochInteger, scanEpochSeconds } from './number';
import { normalizeHeader, resolveSchema, SLOT_NUMBER, SLOT_SIDE, SLOT_SIDE_INVERTED, SLOT_SIDE_MAKER, SLOT_TIME, timeLikeColumns, unitFromName, type Schema } from './schema';
import { describeInference, inferSides } from './side';
import { detectTimeUnit, epochTextToSeconds, isoHadOffset, parseCompactSeconds, parseIsoSeconds, scanCompactSeconds, scanIsoSeconds, strictNumber, UNIT_DIGITS } from './time';
import { zoneFor, type NaiveToUtc } from './zones';
import { detectProfile, FORMATS, mbp1TradesProfile, type FormatProfile } from '../vendors/profiles';
import { asciiText, concat, countLf, CR, detectDelimiter, findRowEnd, hasUnreadable, LF, looksLikeData, QUOTE, splitQuoted, tooLargeMessage, utf8 } from './text';
import type { CsvProblem, DetectedFormat, ParsedTicks, ParseTicksOptions, ProblemKind, TickColumn, TimeUnit } from './types';

/** A time of day without a date (hh:mm[:ss[.fff]]): a file with its date and time in separate columns. */
const TIME_OF_DAY = /^\d{1,2}:\d{2}(:\d{2}([.,]\d+)?)?$/;
const TIME_OF_DAY_HINT = ' (a time of day without its date: a date column is joined to it only when it comes just before it, as in Date,Time; else join them into one column, e.g. 2024-08-01 00:00:00.123)';

const MAX_HEADER_BYTES = 65536;
/**
 * NUL bytes are looked for in the first this many bytes of input. Rows are read only once
 * they are all in (or the input ended), so the verdict never depends on how input is chunked.
 */
const BINARY_SNIFF_BYTES = 1 << 20;
/** A quoted field may span lines, but not beyond this: then the quote is taken as unterminated. */
const MAX_QUOTED_ROW_BYTES = 65536;
/**
 * A physical line longer than this is not a tick row (and waiting for its end would rescan ever
 * more bytes). Checked on every line, whether it arrived whole or in pieces.
 */
const MAX_LINE_BYTES = 1 << 20;
/** Rule a row breaks (rowDefect). */
const DEFECT_PRICE = 0, DEFECT_SIZE = 1, DEFECT_CROSSED = 2, DEFECT_HIGH_LOW = 3, DEFECT_OPEN = 4, DEFECT_CLOSE = 5, DEFECT_BACKWARDS = 6, DEFECT_DUPLICATE = 7;
/** Side value of a row whose file says the side is unknown (kept, then inferred). */
const UNKNOWN_SIDE = 0;
const PRICE_COLUMNS = new Set<TickColumn>(['bid', 'ask', 'price', 'open', 'high', 'low', 'close']);
const SIZE_COLUMNS = new Set<TickColumn>(['bidSize', 'askSize', 'size', 'volume']);

/** Resolved options with defaults. */
interface Settings {
  badRows: 'skip' | 'stop';
  order: 'sort' | 'reject';
  allowDuplicateTimes: boolean | undefined;
  maxBytes: number;
  maxRows: number;
  maxProblems: number;
}

/**
 * Incremental tick-CSV scanner: `push` byte chunks (UTF-8, already decompressed), then
 * `finish`. Rows go straight from bytes into growable Float64Array columns; no row objects
 * and no per-field strings on the fast path (unquoted plain decimals and integer epochs).
 * Anything else (quotes, ISO times, words, padding) takes a slower string path per row or
 * per field, with the same validation.
 */
export class TickScanner {
  private readonly opts: ParseTicksOptions;
  private readonly set: Settings;
  private pending: Uint8Array = new Uint8Array(0);
  private started = false;
  /** 1-based line number of the next row to read. */
  line = 1;
  rowsRead = 0;
  rowsSkipped = 0;
  private bytesIn = 0;
  private readonly problems: CsvProblem[] = [];
  private readonly problemCounts: Partial<Record<ProblemKind, number>> = {};
  private firstProblem: CsvProblem | undefined;

  private header: string[] = [];
  private schema!: Schema;
  private delim = 44;
  private nFields = 0;
  private nSlots = 0;
  private timeSlot = 0;
  private unit: Exclude<TimeUnit, 'auto'> | undefined;
  private unitDigits = -1;
  private allowDup = false;
  private priceSlots: number[] = [];
  /** A trades file's book columns (scaled like prices, not validated). */
  private bookSlots: number[] = [];
  private sizeSlots: number[] = [];
  private bidSlot = -1;
  private askSlot = -1;
  private highSlot = -1;
  private lowSlot = -1;
  private openSlot = -1;
  private closeSlot = -1;

  private cols: Float64Array[] = [];
  private lines = new Int32Array(0);
  private cap = 0;
  private n = 0;
  private readonly vals: Float64Array = new Float64Array(16);
  private lastTime = -Infinity;
  private lastLine = 0;
  private unsorted = false;

  /** The row being validated: bytes [rowStart, rowEnd) of rowBuf, or its split fields on the quoted path. */
  private rowBuf: Uint8Array = new Uint8Array(0);
  private rowStart = 0;
  private rowEnd = 0;
  private rowFields: string[] | null = null;

  /**
   * 'main' reads the file as detected; 'trades' reads the trade rows a quotes file also carries
   * (Databento MBP-1, see carriesTrades), fed the same bytes by a second scanner.
   */
  private readonly part: 'main' | 'trades';

  constructor(options: ParseTicksOptions = {}, part: 'main' | 'trades' = 'main') {
    this.opts = options;
    this.part = part;
    this.set = {
      badRows: options.badRows ?? 'skip',
      order: options.order ?? 'reject',
      allowDuplicateTimes: options.allowDuplicateTimes,
      maxBytes: options.maxBytes ?? 2 ** 30,
      maxRows: options.maxRows ?? 20_000_000,
      maxProblems: options.maxProblems ?? 100,
    };
    this.sortRows = this.set.order === 'sort';
  }

  /** Chunks held until the first BINARY_SNIFF_BYTES are in; null once rows are being read. */
  private sniff: Uint8Array[] | null = [];

  /** Feed the next chunk of decompressed bytes. */
  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    this.bytesIn += chunk.length;
    if (this.bytesIn > this.set.maxBytes) {
      throw new CsvError(this.line, '', tooLargeMessage(this.set.maxBytes), 'too-large', this.header);
    }
    if (this.sniff) {
      this.sniff.push(chunk);
      if (this.bytesIn < BINARY_SNIFF_BYTES) return;
      chunk = this.endSniff();
    }
    this.feed(chunk);
  }

  /** The held chunks as one buffer, after checking them for NUL bytes (binary files show them early; later ones fail their rows as non-numeric). */
  private endSniff(): Uint8Array {
    const parts = this.sniff!;
    this.sniff = null;
    let buf = parts.length === 1 ? parts[0] : new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    if (parts.length > 1) {
      let o = 0;
      for (const p of parts) {
        buf.set(p, o);
        o += p.length;
      }
    }
    const nul = buf.subarray(0, BINARY_SNIFF_BYTES).indexOf(0);
    if (nul >= 0) {
      const line = 1 + countLf(buf, 0, nul);
      throw new CsvError(line, '', `binary data, not CSV text: a NUL byte on line ${line}`, 'binary');
    }
    if (parts.length === 1) buf = buf.slice(); // the caller may reuse its buffer
    return buf;
  }

  private feed(chunk: Uint8Array): void {
    if (!this.started) {
      const buf = concat(this.pending, chunk);
      const pos = this.readHeader(buf, false);
      if (pos < 0) {
        this.pending = buf;
        return;
      }
      this.keep(buf, this.readRows(buf, pos, false));
      return;
    }
    let start = 0;
    if (this.pending.length) {
      // Finish the row left over from the last chunk with this chunk's first line, without
      // copying the whole chunk (a multi-line quoted row falls back to one concatenation).
      const lf = chunk.indexOf(LF);
      if (lf < 0) {
        this.appendPending(chunk);
        // A quoted row held open past its limit is settled now (as it would be had it come whole).
        if (this.pendingMultiline && this.pending.length > MAX_QUOTED_ROW_BYTES) this.keep(this.pending, this.readRows(this.pending, 0, false));
        else if (this.pending.length > MAX_LINE_BYTES) this.lineTooLong();
        return;
      }
      const head = concat(this.pending, chunk.subarray(0, lf + 1));
      const used = this.readRows(head, 0, false);
      if (used < head.length) {
        const buf = concat(head.subarray(used), chunk.subarray(lf + 1));
        this.keep(buf, this.readRows(buf, 0, false));
        return;
      }
      start = lf + 1;
    }
    this.keep(chunk, this.readRows(chunk, start, false));
  }

  /** Whether `pending` spans a line break (a quoted row waiting for its end). */
  private pendingMultiline = false;

  /** pending += chunk, in a buffer grown by doubling (a long line in tiny pieces must not copy quadratically). */
  private appendPending(chunk: Uint8Array): void {
    const n = this.pending.length, need = n + chunk.length;
    let store = this.pendStore;
    // Only a buffer this scanner allocated is written into (pending may be a view of the caller's input).
    if (this.pending.buffer !== store.buffer || this.pending.byteOffset !== 0 || store.length < need) {
      store = new Uint8Array(Math.max(need, 2 * n, 256));
      store.set(this.pending);
      this.pendStore = store;
    }
    store.set(chunk, n);
    this.pending = store.subarray(0, need);
  }

  private pendStore = new Uint8Array(0);

  /** Keep the unread tail of `buf` (an incomplete row) for the next chunk. */
  private keep(buf: Uint8Array, used: number): void {
    this.pending = buf.slice(used);
    this.pendingMultiline = this.pending.indexOf(LF) >= 0;
    // What is held is one incomplete physical line (or a quoted row of at most MAX_QUOTED_ROW_BYTES).
    if (this.pending.length > MAX_LINE_BYTES) this.lineTooLong();
  }

  private lineTooLong(): never {
    throw new CsvError(this.line, '', `line ${this.line} is longer than ${MAX_LINE_BYTES} bytes: not a tick CSV row`, 'binary', this.header);
  }

  /** End of input: read the last row, sort if allowed, and return trimmed columns. */
  finish(): ParsedTicks {
    if (this.sniff) {
      const held = this.endSniff();
      if (held.length) this.feed(held);
    }
    const buf = this.pending;
    this.pending = new Uint8Array(0);
    let pos = 0;
    if (!this.started) {
      pos = this.readHeader(buf, true);
      if (pos < 0) throw new CsvError(1, '', 'the file is empty', 'empty');
    }
    this.readRows(buf, pos, true);
    if (this.rowsRead === 0) throw new CsvError(this.line, '', 'no data rows after the header', 'no-rows', this.header);
    if (this.unsorted) this.sortByTime();
    if (this.n === 0) {
      const p = this.firstProblem!;
      throw new CsvError(p.line, p.field, `no usable rows: all ${this.rowsRead} data rows were skipped; the first, on line ${p.line}: ${p.message}`, 'no-rows', this.header);
    }
    const columns: Record<string, Float64Array> = {};
    this.schema.slots.forEach((col, s) => {
      // A little slack stays in the buffer (a view, no copy); more than 1/8 is copied away.
      const c = this.cols[s];
      columns[col] = c.length === this.n ? c : (c.length - this.n) * 8 <= this.n ? c.subarray(0, this.n) : c.slice(0, this.n);
    });
    const sideNote = this.schema.kind === 'trades' ? this.signTrades(columns) : undefined;
    const result: ParsedTicks = {
      kind: this.schema.kind,
      columns,
      rowsRead: this.rowsRead,
      rowsSkipped: this.rowsSkipped,
      problems: this.problems,
      problemCounts: this.problemCounts,
      timeUnit: this.unit ?? 's',
      mapping: this.schema.mapping,
      header: this.header,
      sorted: this.unsorted,
      detected: this.detected(sideNote?.convention),
    };
    if (sideNote?.inferred) result.inferredSide = sideNote.inferred;
    return result;
  }

  /** Trades: unknown sides (0 or NaN) filled by inference unless `inferSide: false`; returns how sides were read. */
  private signTrades(columns: Record<string, Float64Array>): { convention: string; inferred?: Uint8Array } {
    const sideSlot = this.schema.slots.indexOf('side');
    const type = sideSlot >= 0 ? this.schema.slotType[sideSlot] : -1;
    const read =
      type === SLOT_SIDE_INVERTED ? `${this.schema.mapping.side}: buyer is maker (true → seller-initiated −1)`
        : type === SLOT_SIDE_MAKER ? `${this.schema.mapping.side}: the maker's side (buy → seller-initiated −1)`
          : type === SLOT_SIDE ? `${this.schema.mapping.side}: the taker's side (buy → +1)` : '';
    const n = this.n;
    let side = columns.side;
    if (!side) side = new Float64Array(n).fill(NaN);
    else for (let i = 0; i < n; i++) if (side[i] === UNKNOWN_SIDE) side[i] = NaN;
    if (this.opts.inferSide === false) {
      if (columns.side) columns.side = side;
      return { convention: read || 'no side column; not inferred (inferSide: false)' };
    }
    let unknown = 0;
    for (let i = 0; i < n; i++) if (side[i] !== side[i]) unknown++;
    if (unknown === 0) return { convention: read };
    const inferred = new Uint8Array(n);
    const r = inferSides(columns.price, side, inferred, columns.bid, columns.ask);
    columns.side = side;
    this.notes.push(describeInference(r, n));
    return { convention: read ? `${read}; ${unknown} unknown inferred` : 'no side column: inferred (tick rule; quote rule when quotes are loaded)', inferred };
  }

  /** The detection report. */
  private detected(sideConvention = ''): DetectedFormat {
    const m = this.schema.mapping;
    const order = this.schema.slots
      .map((c) => ({ c, i: this.header.indexOf(m[c] ?? '') }))
      .sort((a, b) => a.i - b.i)
      .map((x) => x.c)
      .join(', ');
    const notes = [...(this.profile?.notes ?? [])];
    if (this.unitNote) notes.push(this.unitNote);
    else if (this.unit && this.opts.timeUnit === undefined) notes.push(this.unit === 'iso' ? 'times are date-time text (ISO 8601, or a dotted date: YYYY.MM.DD or day-first DD.MM.YYYY)' : this.unit === 'compact' ? 'times are compact date-times' : `time unit ${this.unit} by the magnitude of the first time`);
    if (this.headerless && !this.profile) notes.push('no header row');
    notes.push(...this.notes);
    const scale = this.priceDiv !== 1 ? 1 / this.priceDiv : this.priceMul;
    return {
      format: this.profile?.format ?? 'generic',
      timeColumn: m.time ?? '',
      timeUnit: this.unit ?? 's',
      timeZone: this.unit === 'iso' || this.unit === 'compact' ? this.zoneName : 'UTC (epoch times)',
      priceScale: scale,
      columnOrder: order,
      sideConvention: this.schema.kind === 'trades' ? sideConvention : 'not applicable',
      otherTimeColumns: this.profile
        ? (this.profile.otherTimeColumns ?? []).filter((c) => c !== m.time).concat(m.time !== this.profile.columns.time && this.profile.columns.time ? [this.profile.columns.time] : [])
        : this.headerless ? [] : timeLikeColumns(this.header).filter((c) => c !== m.time),
      otherFormats: this.otherFormats(),
      bidAskSwapped: this.schema.kind === 'quotes' && m.bid && m.ask ? swapBidAsk(m) : undefined,
      notes,
    };
  }

  /** The vendor formats (and 'generic') this file's first line also reads as, other than the one used: the format overrides. */
  private otherFormats(): string[] {
    const used = this.profile?.format ?? 'generic';
    const o = this.opts, fields = this.firstFields;
    const out = used === 'generic' ? [] : ['generic'];
    for (const id of Object.keys(FORMATS)) {
      if (id === used || id === 'generic' || id === 'lobster') continue;
      const p = (o.hasHeader !== false ? detectProfile(fields, false, o.fileName, id) : undefined) ?? (o.hasHeader !== true ? detectProfile(fields, true, o.fileName, id) : undefined);
      if (p?.format === id) out.push(id);
    }
    return out;
  }

  /** The first line's fields (header, or a headerless file's first row), for otherFormats. */
  private firstFields: string[] = [];

  // ---- header ---------------------------------------------------------------------------

  /** Reads the header row (skipping a BOM and blank lines); returns where data starts, or −1 for more input. */
  private readHeader(buf: Uint8Array, final: boolean): number {
    this.line = 1;
    let pos = 0;
    if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) pos = 3;
    for (;;) {
      const end = findRowEnd(buf, pos);
      const lf = end < 0 ? buf.length : end;
      if (lf - pos > MAX_HEADER_BYTES) throw new CsvError(this.line, '', `no line break in the first ${MAX_HEADER_BYTES} bytes: not a tick CSV file`, 'binary');
      if (end < 0 && !final) return -1;
      const text = utf8.decode(buf.subarray(pos, lf)).replace(/\r$/, '');
      if (text.trim() === '') {
        if (lf >= buf.length) return -1;
        this.line += countLf(buf, pos, lf + 1);
        pos = lf + 1;
        continue;
      }
      if (hasUnreadable(text)) {
        throw new CsvError(this.line, '', `binary data, not CSV text: unreadable characters on line ${this.line}`, 'binary');
      }
      this.started = true;
      this.setupFromHeader(text);
      const dataStart = this.headerless ? pos : Math.min(lf + 1, buf.length);
      this.reserve(buf, dataStart);
      if (this.headerless) return pos;
      this.line += countLf(buf, pos, Math.min(lf + 1, buf.length));
      return Math.min(lf + 1, buf.length);
    }
  }

  private headerless = false;
  private profile: FormatProfile | undefined;
  /** Naive → UTC for times written without an offset; null for UTC. */
  private zone: NaiveToUtc | null = null;
  private zoneName = 'UTC';
  /** Prices are divided by this (exact for integer prices × 10^−k), or multiplied by priceMul. */
  private priceDiv = 1;
  private priceMul = 1;
  /** Databento: raw (integer × 1e−9) or pretty prices, decided from the first data row. */
  private priceScaleUndecided = false;
  /** Databento: i64::MAX marks an empty side of the book. */
  private undefPrice = false;
  /** FormatProfile.carryEmptyQuotes: an empty bid or ask reads as the last row's. */
  private carryEmptyQuotes = false;
  /** Whether rows need any of the vendor price handling above (one test per row on the common file). */
  private priceWork = false;
  /** options.order === 'sort' (a boolean per row instead of a string compare). */
  private readonly sortRows: boolean;
  private unitNote = '';
  private readonly notes: string[] = [];

  private setupFromHeader(text: string): void {
    const o = this.opts;
    this.delim = o.delimiter ? o.delimiter.charCodeAt(0) : detectDelimiter(text);
    const fields = splitQuoted(text, this.delim).map((f) => f.trim());
    this.firstFields = fields;
    const looksHeaderless = o.hasHeader === undefined ? fields.every(looksLikeData) : !o.hasHeader;
    // A vendor's layout first: by header, then (when the first row may be data) by the shape of that row.
    let profile = o.hasHeader !== false ? detectProfile(fields, false, o.fileName, o.format) : undefined;
    if (!profile && o.hasHeader !== true) profile = detectProfile(fields, true, o.fileName, o.format);
    if (profile?.format === 'lobster') {
      throw new CsvError(1, '', 'a LOBSTER file: load the message file and the orderbook file together (both are needed for quotes and trades)', 'columns', fields);
    }
    if (this.part === 'trades') profile = mbp1TradesProfile();
    this.profile = profile;
    this.undefPrice = profile?.undefPrice === true;
    this.carryEmptyQuotes = profile?.carryEmptyQuotes === true;
    this.headerless = profile?.header ? true : looksHeaderless;
    this.header = profile?.header ?? (this.headerless ? fields.map((_, i) => `column ${i + 1}`) : fields);
    const mapping = profile ? { ...profile.columns, ...o.columns } : o.columns;
    const schema = resolveSchema(this.header, this.headerless && !profile, this.part === 'trades' ? 'trades' : o.kind ?? profile?.kind, mapping, o.sideMeaning ?? profile?.sideMeaning);
    if (profile?.rowFilter) {
      const want = normalizeHeader(profile.rowFilter.column);
      this.filterField = this.header.findIndex((h) => normalizeHeader(h) === want);
      this.filterValue = new TextEncoder().encode(profile.rowFilter.value);
    }
    this.schema = schema;
    this.nFields = this.header.length;
    this.nSlots = schema.slots.length;
    this.timeSlot = schema.slots.indexOf('time');
    schema.slots.forEach((c, s) => {
      if (PRICE_COLUMNS.has(c)) this.priceSlots.push(s);
      if (SIZE_COLUMNS.has(c)) this.sizeSlots.push(s);
    });
    // A trades file's bid/ask (the book before each trade) only signs trades: not validated as quotes.
    const quoteBook = schema.kind === 'quotes';
    if (!quoteBook) {
      this.bookSlots = this.priceSlots.filter((s) => schema.slots[s] === 'bid' || schema.slots[s] === 'ask');
      this.priceSlots = this.priceSlots.filter((s) => schema.slots[s] !== 'bid' && schema.slots[s] !== 'ask');
    }
    this.bidSlot = quoteBook ? schema.slots.indexOf('bid') : -1;
    this.askSlot = quoteBook ? schema.slots.indexOf('ask') : -1;
    this.highSlot = schema.slots.indexOf('high');
    this.lowSlot = schema.slots.indexOf('low');
    this.openSlot = schema.slots.indexOf('open');
    this.closeSlot = schema.slots.indexOf('close');
    this.allowDup = this.set.allowDuplicateTimes ?? true;
    const timeName = schema.mapping.time ?? '';
    if (o.timeUnit && o.timeUnit !== 'auto') this.setUnit(o.timeUnit);
    else if (profile?.timeUnit && (o.columns?.time === undefined || profile.otherTimeColumns?.includes(timeName))) {
      this.setUnit(profile.timeUnit);
      this.unitNote = `time unit ${profile.timeUnit} (the vendor's)`;
    } else {
      const u = unitFromName(timeName);
      if (u) {
        this.setUnit(u);
        this.unitNote = `time unit ${u} from the column name ${timeName}`;
      }
    }
    const zoneName = o.timeZone ?? profile?.timeZone ?? 'UTC';
    const zone = zoneFor(zoneName);
    if (zone === undefined) throw new CsvError(1, '', `unknown timeZone ${JSON.stringify(zoneName)}: expected UTC, EST, America/New_York or ±hh:mm`, 'options', this.header);
    this.zone = zone;
    this.zoneName = zoneName;
    const scale = o.priceScale ?? profile?.priceScale;
    if (scale !== undefined) this.setPriceScale(scale);
    else if (profile?.format.startsWith('databento')) this.priceScaleUndecided = true;
    this.priceWork = this.priceScaleUndecided || this.undefPrice || this.priceDiv !== 1 || this.priceMul !== 1;
  }

  private setPriceScale(scale: number): void {
    this.priceMul = 1;
    this.priceDiv = 1;
    const inv = 1 / scale;
    // 1e−9 as a division by 1e9: integer prices then round once, exactly like the decimal text.
    if (Number.isInteger(Math.round(inv)) && Math.abs(Math.round(inv) - inv) < 1e-6 * inv && inv >= 1) this.priceDiv = Math.round(inv);
    else this.priceMul = scale;
  }

  /** Databento prices: raw when the first price is an integer of at least 1e6 (1e6 × 1e−9 = 0.001), pretty (decimal) otherwise. */
  private decidePriceScale(): void {
    this.priceScaleUndecided = false;
    const s = this.priceSlots[0];
    const text = s === undefined ? '' : this.slotText(s);
    const raw = /^-?\d+$/.test(text) && Math.abs(Number(text)) >= 1e6;
    if (raw) this.setPriceScale(1e-9);
    this.notes.push(raw ? 'prices are raw Databento integers (1 unit = 1e−9): scaled by 1e−9' : 'prices are decimal (Databento pretty_px)');
  }

  /** Size the columns once from the expected input size and the first row's length, when both are known. */
  private reserve(buf: Uint8Array, dataStart: number): void {
    const hint = this.opts.sizeHint;
    const next = buf.indexOf(LF, dataStart);
    let cap = 1 << 14;
    if (hint !== undefined && hint > 0 && next > dataStart) {
      const estimate = Math.ceil(((hint - dataStart) / (next + 1 - dataStart)) * 1.05) + 16;
      cap = Math.max(cap, Math.min(estimate, this.set.maxRows));
    }
    this.grow(cap);
  }

  private setUnit(u: Exclude<TimeUnit, 'auto'>): void {
    this.unit = u;
    this.unitDigits = u === 'iso' ? -2 : u === 'compact' ? -3 : UNIT_DIGITS[u];
  }

  private grow(cap: number): void {
    const cols: Float64Array[] = [];
    for (let s = 0; s < this.nSlots; s++) {
      const a = new Float64Array(cap);
      if (this.cols[s]) a.set(this.cols[s].subarray(0, this.n));
      cols.push(a);
    }
    // Line numbers are kept only when rows may be sorted (to name both lines of a duplicate).
    if (this.sortRows) {
      const lines = new Int32Array(cap);
      lines.set(this.lines.subarray(0, this.n));
      this.lines = lines;
    }
    this.cols = cols;
    this.cap = cap;
  }

  // ---- rows -----------------------------------------------------------------------------

  /** Whether this file also carries trades for a second scanner (part 'trades'): a Databento MBP-1 file read as quotes. Known once the header is read. */
  get carriesTrades(): boolean {
    return this.started && this.part === 'main' && this.profile?.format === 'databento-mbp-1' && this.schema.kind === 'quotes' && this.header.some((h) => normalizeHeader(h) === 'action');
  }

  /** Whether the header (or a headerless file's first row) has been read. */
  get headerRead(): boolean {
    return this.started;
  }

  /** Field index of the profile's row filter (−1: every row is read) and the bytes it must hold exactly. */
  private filterField = -1;
  private filterValue = new Uint8Array(0);

  /**
   * Row filter: the index after the line at `pos` when it is left out (blank, or its filter field
   * is not the value), −1 when it is to be read, −2 when the line is not complete yet. Lines are
   * taken as rows (a quoted field spanning lines is not expected in the vendor files filtered).
   */
  private filteredOut(buf: Uint8Array, pos: number, end: number, final: boolean): number {
    let lf = buf.indexOf(LF, pos);
    if (lf < 0) {
      if (!final) return -2;
      lf = end;
    }
    if (lf - pos > MAX_LINE_BYTES) this.lineTooLong();
    let le = lf;
    if (le > pos && buf[le - 1] === CR) le--;
    let p = pos;
    for (let k = 0; k < this.filterField && p <= le; k++) {
      while (p < le && buf[p] !== this.delim) p++;
      p++;
    }
    let fe = p;
    while (fe < le && buf[fe] !== this.delim) fe++;
    const want = this.filterValue;
    let keep = le > pos && p <= le && fe - p === want.length;
    for (let i = 0; keep && i < want.length; i++) keep = buf[p + i] === want[i];
    if (keep) return -1;
    this.line++;
    return lf + 1;
  }

  /** Reads complete rows from `pos`; returns the first byte not consumed. */
  private readRows(buf: Uint8Array, pos: number, final: boolean): number {
    const end = buf.length;
    let nextQuote = -1;
    while (pos < end) {
      if (this.filterField >= 0) {
        const skip = this.filteredOut(buf, pos, end, final);
        if (skip === -2) break;
        if (skip >= 0) {
          pos = skip;
          continue;
        }
      }
      // Most rows are read in one pass that also finds their end; the rest take the general path below.
      const next = this.lineRow(buf, pos, end);
      if (next >= 0) {
        pos = next;
        continue;
      }
      let lf = buf.indexOf(LF, pos);
      if (lf < 0) {
        if (!final) break;
        lf = end;
      }
      if (lf - pos > MAX_LINE_BYTES) this.lineTooLong();
      if (nextQuote < pos && nextQuote !== Infinity) {
        nextQuote = buf.indexOf(QUOTE, pos);
        if (nextQuote < 0) nextQuote = Infinity;
      }
      if (nextQuote < lf) {
        const next = this.quotedRow(buf, pos, final);
        if (next < 0) break;
        pos = next;
        continue;
      }
      let le = lf;
      if (le > pos && buf[le - 1] === CR) le--;
      if (le > pos) this.fastRow(buf, pos, le);
      this.line++;
      pos = lf + 1;
    }
    return pos > end ? end : pos;
  }

  /**
   * One plain row starting at `p`, read in a single pass that finds its line end as it goes (no
   * separate search for the LF or for quotes): every field must read on the fast scanners and
   * end at the delimiter or the line end, and the line must end (LF or CR LF) before `end`.
   * Returns the index after the LF, the row committed; or −1 with nothing read or counted, for the
   * general path (fastRow / quotedRow) to take the row from the start, so both give the same result.
   */
  private lineRow(buf: Uint8Array, p: number, end: number): number {
    const row = p;
    if (p >= end || buf[p] === LF || buf[p] === CR) return -1;
    const delim = this.delim, nf = this.nFields, fieldSlot = this.schema.fieldSlot, slotType = this.schema.slotType;
    const vals = this.vals, ud = this.unitDigits;
    let j = 0, fe: number, c: number;
    for (;;) {
      const slot = fieldSlot[j];
      if (slot < 0) {
        fe = p;
        while (fe < end && (c = buf[fe]) !== delim && c !== LF && c !== CR && c !== QUOTE) fe++;
      } else {
        const type = slotType[slot];
        let v: number;
        if (type === SLOT_NUMBER) {
          v = scanDecimal(buf, p, end);
          fe = scanEnd;
        } else if (type === SLOT_TIME && ud > 0) {
          v = scanEpochInteger(buf, p, end, ud);
          fe = scanEnd;
        } else if (type === SLOT_TIME && ud === 0) {
          v = scanEpochSeconds(buf, p, end);
          fe = scanEnd;
        } else if (type === SLOT_TIME && ud < -1) {
          fe = p;
          while (fe < end && (c = buf[fe]) !== delim && c !== LF && c !== CR && c !== QUOTE) fe++;
          v = this.textTime(buf, p, fe, ud);
        } else if (type === SLOT_SIDE_INVERTED && (buf[p] === 48 || buf[p] === 49)) {
          v = buf[p] === 49 ? -1 : 1; // buyer_is_maker 1: the seller took liquidity
          fe = p + 1;
        } else return -1;
        if (v !== v) return -1;
        vals[slot] = v;
      }
      if (fe >= end) return -1;
      c = buf[fe];
      j++;
      if (c === delim) {
        if (j >= nf) return -1;
        p = fe + 1;
        continue;
      }
      if (j !== nf) return -1;
      if (c === LF) break;
      if (c === CR && fe + 1 < end && buf[fe + 1] === LF) break;
      return -1;
    }
    const lf = c === LF ? fe : fe + 1;
    if (lf - row > MAX_LINE_BYTES) return -1;
    this.rowsRead++;
    this.rowBuf = buf;
    this.rowStart = row;
    this.rowEnd = fe;
    this.rowFields = null;
    this.commit(nf, -1);
    this.line++;
    return lf + 1;
  }

  /** One unquoted row in bytes [p, le): fields parsed in place into `vals`. */
  private fastRow(buf: Uint8Array, p: number, le: number): void {
    this.rowsRead++;
    this.rowBuf = buf;
    this.rowStart = p;
    this.rowEnd = le;
    this.rowFields = null;
    const delim = this.delim, nf = this.nFields, fieldSlot = this.schema.fieldSlot, slotType = this.schema.slotType;
    // The unit is fixed once the first time has been read (a unit detected lazily is set before any later field).
    const vals = this.vals, ud = this.unitDigits;
    let j = 0, bad = -1;
    for (;;) {
      const slot = j < nf ? fieldSlot[j] : -1;
      let fe: number;
      if (slot < 0) {
        fe = p;
        while (fe < le && buf[fe] !== delim) fe++;
      } else {
        const type = slotType[slot];
        let v: number;
        if (type === SLOT_NUMBER) {
          v = scanDecimal(buf, p, le);
          fe = scanEnd;
        } else if (type === SLOT_TIME && ud === 0) {
          v = scanEpochSeconds(buf, p, le);
          fe = scanEnd;
        } else if (type === SLOT_TIME && ud > 0) {
          v = scanEpochInteger(buf, p, le, ud);
          fe = scanEnd;
        } else if (type === SLOT_TIME && ud < -1) {
          fe = p;
          while (fe < le && buf[fe] !== delim) fe++;
          v = this.textTime(buf, p, fe, ud);
        } else if (type === SLOT_SIDE_INVERTED && p < le && (buf[p] === 48 || buf[p] === 49) && (p + 1 === le || buf[p + 1] === delim)) {
          v = buf[p] === 49 ? -1 : 1; // buyer_is_maker 1: the seller took liquidity
          fe = p + 1;
        } else {
          v = NaN;
          fe = p;
        }
        if (v !== v || (fe < le && buf[fe] !== delim)) {
          fe = p;
          while (fe < le && buf[fe] !== delim) fe++;
          v = this.fieldValue(slot, asciiText(buf, p, fe));
        }
        vals[slot] = v;
        if (v !== v && bad < 0 && (this.schema.slotRequired[slot] === 1 || fe > p)) bad = j;
      }
      j++;
      if (fe >= le) break;
      p = fe + 1;
    }
    this.commit(j, bad);
  }

  /** A row containing a quote: split with RFC 4180 rules (may span lines); −1 when it continues past the buffer. */
  private quotedRow(buf: Uint8Array, pos: number, final: boolean): number {
    // Bounded search: a row whose quote stays open beyond MAX_QUOTED_ROW_BYTES is unterminated
    // whether its closing quote came in the same chunk or never.
    const end = findRowEnd(buf, pos, pos + MAX_QUOTED_ROW_BYTES + 1);
    if (end < 0 && !final && buf.length - pos <= MAX_QUOTED_ROW_BYTES) return -1;
    if (end < 0) {
      // A quote left open past MAX_QUOTED_ROW_BYTES or the end of input: report it on its own
      // line and resume at the next physical line, so one stray quote costs one row, not the file.
      let lf = buf.indexOf(LF, pos);
      if (lf < 0) {
        if (!final) return -1;
        lf = buf.length;
      }
      if (lf - pos > MAX_LINE_BYTES) this.lineTooLong();
      this.rowsRead++;
      let text = utf8.decode(buf.subarray(pos, lf));
      if (text.endsWith('\r')) text = text.slice(0, -1);
      const fields = splitQuoted(text, this.delim);
      this.rowFields = fields;
      this.reject('quote', this.header[Math.min(fields.length, this.nFields) - 1] ?? '', 'unterminated quoted field');
      this.line++;
      return lf + 1;
    }
    let text = utf8.decode(buf.subarray(pos, end));
    if (text.endsWith('\r')) text = text.slice(0, -1);
    const spanned = countLf(buf, pos, end);
    if (text !== '') {
      this.rowsRead++;
      const fields = splitQuoted(text, this.delim);
      this.rowFields = fields;
      let bad = -1;
      for (let j = 0; j < fields.length && j < this.nFields; j++) {
        const slot = this.schema.fieldSlot[j];
        if (slot < 0) continue;
        const v = this.fieldValue(slot, fields[j]);
        this.vals[slot] = v;
        if (v !== v && bad < 0 && (this.schema.slotRequired[slot] === 1 || fields[j].trim() !== '')) bad = j;
      }
      this.commit(fields.length, bad);
    }
    this.line += spanned + 1;
    return end + 1;
  }

  /** A text time in bytes [p, fe) on the fast paths: ISO (unitDigits −2) or compact (−3), in UTC seconds. */
  private textTime(buf: Uint8Array, p: number, fe: number, ud: number): number {
    return ud === -2 ? this.toUtc(scanIsoSeconds(buf, p, fe), !isoHadOffset) : this.toUtc(scanCompactSeconds(buf, p, fe), true);
  }

  /**
   * The one zone rule: a wall-clock time (an ISO time without an offset, any compact time) is read in
   * the file's zone when one is set; a time that carried its own offset is UTC already.
   */
  private toUtc(seconds: number, wallClock: boolean): number {
    return wallClock && this.zone !== null ? this.zone(seconds) : seconds;
  }

  /**
   * A number written with a decimal comma ("100,5"), as spreadsheets in many locales export with ';'
   * between fields: read when the delimiter is not a comma and the text has one comma and no point
   * (a point as well may be a thousands separator, "61.800,5": left unread rather than guessed). Said
   * once in the detection notes. NaN otherwise.
   */
  private decimalComma(s: string): number {
    const k = s.indexOf(',');
    if (k < 0 || s.indexOf(',', k + 1) >= 0 || s.indexOf('.') >= 0) return NaN;
    const v = strictNumber(`${s.slice(0, k)}.${s.slice(k + 1)}`);
    if (v === v && !this.sawDecimalComma) {
      this.sawDecimalComma = true;
      this.notes.push(`numbers with a decimal comma ("${s}") read as decimals`);
    }
    return v;
  }

  private sawDecimalComma = false;

  /** The general (slow) reading of one field's text for a slot; NaN when it does not read. */
  private fieldValue(slot: number, raw: string): number {
    const s = raw.trim();
    if (s === '') return this.carryEmptyQuotes && this.n > 0 && (slot === this.bidSlot || slot === this.askSlot) ? this.cols[slot][this.n - 1] : NaN;
    const type = this.schema.slotType[slot];
    if (type === SLOT_NUMBER) {
      const v = strictNumber(s);
      return v === v || this.delim === 44 ? v : this.decimalComma(s);
    }
    if (type === SLOT_TIME) {
      if (this.unit === undefined) {
        const u = detectTimeUnit(s);
        if (u === undefined) return NaN;
        this.setUnit(u);
      }
      if (this.unit === 'iso') return this.toUtc(parseIsoSeconds(s), !isoHadOffset);
      if (this.unit === 'compact') return this.toUtc(parseCompactSeconds(s), true);
      return epochTextToSeconds(s, this.unit as 's' | 'ms' | 'us' | 'ns');
    }
    const w = s.toLowerCase();
    // Unknown side (Tardis 'unknown', Databento 'N'): a valid row whose side is inferred.
    if (w === 'unknown' || w === 'n' || w === 'none' || w === '?') return type === SLOT_SIDE_INVERTED ? NaN : UNKNOWN_SIDE;
    let sign: number;
    if (w === 'buy' || w === 'b' || w === 'bid' || w === '+1' || w === '1' || w === 'true' || w === 't') sign = 1;
    else if (w === 'sell' || w === 's' || w === 'a' || w === 'ask' || w === 'offer' || w === '-1' || w === 'false' || w === 'f' || w === '0') sign = -1;
    else return NaN;
    const boolish = w === '0' || w === 'false' || w === 'f' || w === 'true' || w === 't';
    if (type === SLOT_SIDE) return boolish ? NaN : sign;
    if (type === SLOT_SIDE_MAKER) return boolish ? NaN : -sign;
    // buyer_is_maker: true/1 → the seller was the taker → −1; false/0 → +1.
    if (w === '1' || w === 'true' || w === 't') return -1;
    if (w === '0' || w === 'false' || w === 'f') return 1;
    return NaN;
  }

  /** Validate the row in `vals` and keep it, or record the problem. */
  private commit(fieldsSeen: number, bad: number): void {
    // The hot path is kept small (so it inlines): every message is built out of line, in rowDefect.
    if (fieldsSeen !== this.nFields || bad >= 0) return this.fieldDefect(fieldsSeen, bad);
    const vals = this.vals;
    // Vendor price handling only when a profile or an option asks for it (the common file skips it).
    if (this.priceWork) {
      if (this.priceScaleUndecided) this.decidePriceScale();
      if ((this.priceDiv !== 1 || this.priceMul !== 1 || this.undefPrice) && !this.transformPrices()) return;
    }
    const ps = this.priceSlots, ss = this.sizeSlots;
    for (let k = 0; k < ps.length; k++) if (!(vals[ps[k]] > 0)) return this.rowDefect(DEFECT_PRICE, ps[k]);
    for (let k = 0; k < ss.length; k++) if (vals[ss[k]] < 0) return this.rowDefect(DEFECT_SIZE, ss[k]);
    if (this.bidSlot >= 0 && vals[this.bidSlot] > vals[this.askSlot]) return this.rowDefect(DEFECT_CROSSED, this.bidSlot);
    if (this.highSlot >= 0) {
      const hi = vals[this.highSlot], lo = vals[this.lowSlot], o = vals[this.openSlot], c = vals[this.closeSlot];
      if (hi < lo) return this.rowDefect(DEFECT_HIGH_LOW, this.highSlot);
      if (o < lo || o > hi) return this.rowDefect(DEFECT_OPEN, this.openSlot);
      if (c < lo || c > hi) return this.rowDefect(DEFECT_CLOSE, this.closeSlot);
    }
    const t = vals[this.timeSlot];
    if (t < this.lastTime) {
      if (!this.sortRows) return this.rowDefect(DEFECT_BACKWARDS, this.timeSlot);
      this.unsorted = true;
    } else if (t === this.lastTime && !this.allowDup && !this.unsorted) return this.rowDefect(DEFECT_DUPLICATE, this.timeSlot);
    const n = this.n;
    if (n >= this.set.maxRows) this.tooManyRows();
    if (n === this.cap) this.grow(this.cap * 2);
    const cols = this.cols;
    for (let s = 0; s < this.nSlots; s++) cols[s][n] = vals[s];
    if (this.sortRows) this.lines[n] = this.line;
    this.n = n + 1;
    if (t >= this.lastTime) {
      this.lastTime = t;
      this.lastLine = this.line;
    }
  }

  private tooManyRows(): never {
    throw new CsvError(this.line, '', `file too large for memory: more than ${this.set.maxRows} rows (the maxRows limit)`, 'too-large', this.header);
  }

  /** A row with the wrong field count or a field that does not read. */
  private fieldDefect(fieldsSeen: number, bad: number): void {
    if (fieldsSeen !== this.nFields) {
      const field = fieldsSeen < this.nFields ? this.header[fieldsSeen] : `column ${this.nFields + 1}`;
      this.reject('fields', field, `expected ${this.nFields} fields, found ${fieldsSeen}`);
      return;
    }
    const slot = this.schema.fieldSlot[bad];
    const text = this.text(bad);
    const type = this.schema.slotType[slot];
    const what = type === SLOT_TIME ? 'a timestamp' : type === SLOT_NUMBER ? 'a number' : 'a side (buy/sell or 1/0)';
    const kind: ProblemKind = text === '' ? 'empty' : type === SLOT_TIME ? 'time' : type === SLOT_NUMBER ? 'number' : 'side';
    const hint = type === SLOT_TIME && TIME_OF_DAY.test(text.trim()) ? TIME_OF_DAY_HINT : '';
    this.reject(kind, this.header[bad], text === '' ? 'empty value' : `not ${what}: ${JSON.stringify(text.length > 40 ? text.slice(0, 40) + '…' : text)}${hint}`);
  }

  /** A row whose values read but break a rule: the problem, named by its field, with the values quoted. */
  private rowDefect(defect: number, slot: number): void {
    const field = this.header[this.schema.slotField[slot]];
    const v = (s: number) => this.slotText(s);
    switch (defect) {
      case DEFECT_PRICE:
        return this.reject('price', field, `must be greater than 0 (got ${v(slot)})`);
      case DEFECT_SIZE:
        return this.reject('size', field, `must not be negative (got ${v(slot)})`);
      case DEFECT_CROSSED:
        return this.reject('crossed', field, `crossed quote: bid ${v(this.bidSlot)} is above ask ${v(this.askSlot)}`);
      case DEFECT_HIGH_LOW:
        return this.reject('bar', field, `high ${v(this.highSlot)} is below low ${v(this.lowSlot)}`);
      case DEFECT_OPEN:
        return this.rejectBar(slot, 'open');
      case DEFECT_CLOSE:
        return this.rejectBar(slot, 'close');
      case DEFECT_BACKWARDS:
        return this.reject('backwards', this.timeField(), `time goes backwards: ${v(this.timeSlot)} is before the time on line ${this.lastLine}`);
      default:
        return this.reject('duplicate', this.timeField(), `duplicate time ${v(this.timeSlot)}: same as line ${this.lastLine}`);
    }
  }

  /** Scale the row's prices (and a trades file's book) and catch Databento's empty-book marker; false when the row was rejected. */
  private transformPrices(): boolean {
    const vals = this.vals;
    if (this.undefPrice) {
      // i64::MAX ≈ 9.22e18 (Databento UNDEF_PRICE): that side of the book is empty, not a price.
      for (const s of this.priceSlots) {
        if (vals[s] >= 9e18) {
          this.reject('price', this.header[this.schema.slotField[s]], `no ${this.schema.slots[s]} price: Databento's UNDEF_PRICE (that side of the book is empty)`);
          return false;
        }
      }
      for (const s of this.bookSlots) if (vals[s] >= 9e18) vals[s] = NaN;
    }
    const div = this.priceDiv, mul = this.priceMul;
    if (div !== 1) {
      for (const s of this.priceSlots) vals[s] /= div;
      for (const s of this.bookSlots) vals[s] /= div;
    } else if (mul !== 1) {
      for (const s of this.priceSlots) vals[s] *= mul;
      for (const s of this.bookSlots) vals[s] *= mul;
    }
    return true;
  }

  private rejectBar(slot: number, name: string): void {
    this.reject('bar', this.header[this.schema.slotField[slot]], `${name} ${this.slotText(slot)} is outside [low ${this.slotText(this.lowSlot)}, high ${this.slotText(this.highSlot)}]`);
  }

  private timeField(): string {
    return this.header[this.schema.slotField[this.timeSlot]];
  }

  /** Record a bad row: throw under 'stop', else count it under its kind and list the first `maxProblems` of that kind. */
  private reject(kind: ProblemKind, field: string, message: string, line = this.line): void {
    if (this.set.badRows === 'stop') throw new CsvError(line, field, message, 'row', this.header);
    this.rowsSkipped++;
    const p: CsvProblem = { line, field, message, kind };
    if (!this.firstProblem) this.firstProblem = p;
    const count = (this.problemCounts[kind] ?? 0) + 1;
    this.problemCounts[kind] = count;
    if (count <= this.set.maxProblems) this.problems.push(p);
  }

  /** Raw text of field j of the current row (messages only). */
  private text(j: number): string {
    if (this.rowFields) return (this.rowFields[j] ?? '').trim();
    const buf = this.rowBuf, le = this.rowEnd, d = this.delim;
    let p = this.rowStart;
    for (let k = 0; k < j; k++) {
      while (p < le && buf[p] !== d) p++;
      p++;
    }
    let e = p;
    while (e < le && buf[e] !== d) e++;
    return utf8.decode(buf.subarray(p, e)).trim();
  }

  private slotText(slot: number): string {
    return this.text(this.schema.slotField[slot]);
  }

  /** order: 'sort' — stable sort of all columns by time, then drop duplicates unless allowed. */
  private sortByTime(): void {
    const n = this.n, time = this.cols[this.timeSlot];
    const idx = new Uint32Array(n);
    for (let i = 0; i < n; i++) idx[i] = i;
    idx.sort((a, b) => time[a] - time[b] || a - b);
    const keep = new Uint32Array(n);
    let m = 0;
    for (let i = 0; i < n; i++) {
      const k = idx[i];
      if (m > 0 && !this.allowDup && time[k] === time[keep[m - 1]]) {
        this.reject('duplicate', this.timeField(), `duplicate time ${time[k]} s since the epoch: same as line ${this.lines[keep[m - 1]]}`, this.lines[k]);
        continue;
      }
      keep[m++] = k;
    }
    for (let s = 0; s < this.nSlots; s++) {
      const src = this.cols[s], dst = new Float64Array(m);
      for (let i = 0; i < m; i++) dst[i] = src[keep[i]];
      this.cols[s] = dst;
    }
    const lines = new Int32Array(m);
    for (let i = 0; i < m; i++) lines[i] = this.lines[keep[i]];
    this.lines = lines;
    this.n = m;
    this.cap = m;
    this.problems.sort((a, b) => a.line - b.line);
  }
}

/** The columns option that reads a quotes file's bid and ask (and their sizes) the other way round: the column-order override. */
function swapBidAsk(m: Partial<Record<TickColumn, string>>): Partial<Record<TickColumn, string>> {
  const out: Partial<Record<TickColumn, string>> = { bid: m.ask, ask: m.bid };
  if (m.bidSize && m.askSize) {
    out.bidSize = m.askSize;
    out.askSize = m.bidSize;
  }
  return out;
}
