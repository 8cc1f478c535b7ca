/** What a tick file holds, decided from its header (or forced by `options.kind`). */
export type TickKind = 'quotes' | 'trades' | 'prices' | 'bars';

/**
 * Canonical output columns. `time` is seconds since the Unix epoch (UTC); prices in the
 * file's quote currency; sizes in its base currency; `side` is +1 for a buyer-initiated
 * trade, -1 for a seller-initiated one, NaN when unknown.
 */
export type TickColumn =
  | 'time'
  | 'bid'
  | 'ask'
  | 'bidSize'
  | 'askSize'
  | 'price'
  | 'size'
  | 'side'
  | 'open'
  | 'high'
  | 'low'
  | 'close'
  | 'volume';

/**
 * How the time column is written. 'auto' decides from the column name's unit suffix (_ms, _us,
 * _ns, _s) or else from the first data row (ISO text, or epoch by magnitude). 'compact' is
 * YYYYMMDD hh:mm:ss.fff or YYYYMMDD hhmmssfff (TrueFX, HistData).
 */
export type TimeUnit = 'auto' | 's' | 'ms' | 'us' | 'ns' | 'iso' | 'compact';

/** What the loader assumed about a file: shown after every load, each item overridable by an option. */
export interface DetectedFormat {
  /** Vendor format id (see FORMATS), or 'generic'. Override: options.format. */
  format: string;
  /** Header field the time was read from. Override: options.columns.time. */
  timeColumn: string;
  /** The time unit used. Override: options.timeUnit. */
  timeUnit: string;
  /** Zone of times written without an offset ('UTC', 'EST', 'America/New_York', '+hh:mm'). Override: options.timeZone. */
  timeZone: string;
  /** Prices as written × priceScale = prices used. Override: options.priceScale. */
  priceScale: number;
  /** The canonical columns in file order, e.g. "time, ask, bid, askSize, bidSize". Override: options.columns. */
  columnOrder: string;
  /** How the side column is read, or how sides were inferred. Override: options.sideMeaning / options.inferSide. */
  sideConvention: string;
  /** Other time columns the file offers (candidates for options.columns.time). */
  otherTimeColumns: string[];
  /** Other format ids (see FORMATS, 'generic' included) the file's first line also reads as: candidates for options.format. */
  otherFormats?: string[];
  /** Quotes: the options.columns that read bid and ask (and their sizes) the other way round (ask-before-bid vs bid-before-ask). */
  bidAskSwapped?: Partial<Record<TickColumn, string>>;
  /** Everything else assumed or inferred, one sentence each. */
  notes: string[];
}

/**
 * Why a row was rejected. Every kind is a real defect: rows sharing a timestamp are normal in
 * tick data and are kept ('duplicate' only arises when `allowDuplicateTimes: false` asks for it).
 */
export type ProblemKind =
  | 'fields' // wrong number of fields
  | 'empty' // a required value is empty
  | 'number' // not a number
  | 'time' // not a timestamp (or not finite)
  | 'side' // not a trade side
  | 'price' // price not above 0
  | 'size' // negative size
  | 'crossed' // bid above ask
  | 'bar' // open or close outside [low, high], or high below low
  | 'backwards' // time before the previous row's (order: 'reject')
  | 'duplicate' // same time as the previous row, only with allowDuplicateTimes: false
  | 'quote'; // unterminated quoted field

/** One rejected row (or one fact about the file), named by its 1-based line and header field. */
export interface CsvProblem {
  line: number;
  field: string;
  message: string;
  /** What is wrong with the row (set on every problem the parser reports). */
  kind?: ProblemKind;
}

export interface ParseTicksOptions {
  /** The file's name: recognises vendor exports (Databento schema, Coinbase, LOBSTER, Binance aggTrades) and dates. */
  fileName?: string;
  /** Force a vendor format by id (see FORMATS); 'generic' reads columns by name only. */
  format?: string;
  /** Zone of times written without an offset; default the vendor's (HistData EST) or UTC. */
  timeZone?: string;
  /** Multiply every price by this (e.g. 1e-9 for Databento raw prices); default the vendor's, else 1. */
  priceScale?: number;
  /** Fill a missing or unknown trade side by the tick rule (quote rule against an in-file book). Default true. */
  inferSide?: boolean;
  /** Force the kind instead of detecting it from the header. */
  kind?: TickKind;
  /** Column mapping: canonical column → header name (case-insensitive) or 0-based column index. Overrides detection for the columns it names. */
  columns?: Partial<Record<TickColumn, string | number>>;
  /**
   * What the side column says: 'side' (the taker: buy/sell, B/A, +1/−1), 'buyerIsMaker'
   * (true/1 = seller-initiated) or 'makerSide' (Coinbase: the resting order's side, so buy = a
   * seller-initiated trade). Detected from the vendor or the column name when absent.
   */
  sideMeaning?: 'side' | 'buyerIsMaker' | 'makerSide';
  /** How the time column is written; 'auto' (default) detects ISO-8601 or the epoch unit by magnitude. */
  timeUnit?: TimeUnit;
  /** Field delimiter; detected from the header row when absent (comma, semicolon or tab). */
  delimiter?: ',' | ';' | '\t';
  /** Whether the first row is a header; detected when absent (a first row of numbers is data). */
  hasHeader?: boolean;
  /** 'skip' (default): drop bad rows and list them in `problems`; 'stop': throw a CsvError at the first one. */
  badRows?: 'skip' | 'stop';
  /** 'reject' (default): a row whose time is before the previous row's is bad; 'sort': keep it and sort by time at the end. */
  order?: 'sort' | 'reject';
  /**
   * Keep rows whose time equals the previous row's, in file order (default true: several book
   * events share a nanosecond, FX feeds stamp to the millisecond; the last row at a time is the
   * current book). false makes a repeated time a 'duplicate' problem.
   */
  allowDuplicateTimes?: boolean;
  /** Largest decompressed input accepted, in bytes (default 1 GiB); beyond it the file is too large for memory. */
  maxBytes?: number;
  /** Largest number of data rows accepted (default 20 million). */
  maxRows?: number;
  /** How many problems of each kind are listed in full (default 100 per kind); `problemCounts` and `rowsSkipped` count them all. */
  maxProblems?: number;
  /** Called after each chunk with the input bytes consumed so far (compressed bytes for gzip) and the data rows read. */
  onProgress?: (bytes: number, rows: number) => void;
  /** Aborting rejects the parse with the signal's reason between chunks. */
  signal?: AbortSignal;
  /** Expected size of the text in bytes (set automatically for string and plain byte input): sizes the columns once instead of growing them. */
  sizeHint?: number;
  /** Input chunk size in bytes for string and Uint8Array input (default 1 MiB): the granularity of progress and cancel. */
  chunkBytes?: number;
}

export interface ParsedTicks {
  kind: TickKind;
  /** Columns of equal length (rowsRead − rowsSkipped), sorted by `time`. Only the columns the file provides. */
  columns: Record<string, Float64Array>;
  /** Data rows read (header and blank lines excluded), good or bad. */
  rowsRead: number;
  /** Rows dropped by the 'skip' policy. */
  rowsSkipped: number;
  /** The first `maxProblems` problems of each kind, in file order: a frequent kind never hides a rare one. */
  problems: CsvProblem[];
  /** Rows rejected per kind over the whole file (sums to `rowsSkipped`). */
  problemCounts: Partial<Record<ProblemKind, number>>;
  /** The time unit used (detected or given). */
  timeUnit: Exclude<TimeUnit, 'auto'>;
  /** Canonical column → the header field it was read from. */
  mapping: Partial<Record<TickColumn, string>>;
  /** The header fields as written (or "column 1"… for a headerless file). */
  header: string[];
  /** True when rows arrived out of order and were sorted (order: 'sort'). */
  sorted: boolean;
  /** What was detected or assumed (format, time column and unit, zone, price scale, column order, side convention, notes). */
  detected: DetectedFormat;
  /** Trades only: 1 where `side` was inferred rather than read (the aligner re-signs those against quotes). */
  inferredSide?: Uint8Array;
  /**
   * The trades a quotes file also carries, shaped like a trades result (kind 'trades', time, price,
   * size, side, its own rows, problems and detected): a Databento MBP-1 file's rows with action T.
   * Absent for every other file.
   */
  trades?: ParsedTicks;
}
