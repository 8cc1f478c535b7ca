/// <reference lib="webworker" />
import { expose, transfer, type Endpoint } from 'comlink';
import { createStore, get, set } from 'idb-keyval';
import {
  CsvError,
  lobsterPair,
  parseLobster,
  parseTicksCsv,
  tooLargeMessage,
  type CsvErrorCode,
  type ParsedTicks,
  type ParseTicksOptions,
} from '../engine';
import { assembleDataset, referenceMid, syntheticDataset, toMarketData, type LoadedDataset } from '../engine/data/dataset';
import type { MarketData } from '../engine';

/**
 * The CSV worker: reads files (streamed in chunks), built-in sample URLs and the synthetic
 * generator into columns, off the main thread. Results come back as transferred buffers;
 * failures come back as values (comlink would drop a CsvError's line and field).
 */

/** A file or blob (streamed), bytes, text, or a URL fetched by the worker (built-in samples). */
export type CsvSource = Blob | Uint8Array | string | { url: string };

export type CsvParseOptions = Omit<ParseTicksOptions, 'onProgress' | 'signal'>;

/** Where the worker keeps a parsed dataset in IndexedDB (so the main thread never clones big columns). */
export interface SaveTarget {
  db: string;
  store: string;
  key: string;
}

export type LoadRequest =
  | { type: 'files'; name: string; quotes: CsvSource; trades?: CsvSource; tradesName?: string; options?: CsvParseOptions; tradesOptions?: CsvParseOptions; saveTo?: SaveTarget }
  | { type: 'synthetic'; seed: number; nTicks: number };

export interface LoadProgress {
  /** Which input is being read: the quotes (first) file or the trades file. */
  file: string;
  bytes: number;
  /** Input size when known (File size, Content-Length), else NaN. */
  totalBytes: number;
  rows: number;
}

export type { DatasetProblem, LoadedDataset } from '../engine/data/dataset';

export interface LoadFailure {
  file: string;
  line: number;
  field: string;
  message: string;
  code: CsvErrorCode | 'read';
  header?: string[];
}

export type LoadResult = { ok: true; dataset: LoadedDataset } | { ok: false; cancelled: true } | { ok: false; cancelled: false; error: LoadFailure };

export type ProgressCallback = (p: LoadProgress) => void;

/** Progress messages are throttled: one per this many ms at most (plus the last). */
const PROGRESS_EVERY_MS = 50;

/** The parser's progress (bytes, rows) as LoadProgress for `file`, at most once per PROGRESS_EVERY_MS. */
function throttled(file: string, totalBytes: number, onProgress?: ProgressCallback): ((bytes: number, rows: number) => void) | undefined {
  if (!onProgress) return undefined;
  let last = 0;
  return (bytes, rows) => {
    const now = Date.now();
    if (now - last < PROGRESS_EVERY_MS) return;
    last = now;
    onProgress({ file, bytes, totalBytes, rows });
  };
}
/** The parser's default maxBytes (1 GiB of text). */
const DEFAULT_MAX_BYTES = 2 ** 30;

const running = new Map<number, AbortController>();

/**
 * The dataset this worker parsed last, kept here so runs, comparisons and grids are fed from it
 * over MessagePorts (serve) without the columns passing through the page again. The page gets its
 * own copy (transferred) for display; this one is what the other workers receive copies of.
 */
let held: MarketData | null = null;
/** Bytes of column data sent to other workers through served ports (for BENCHMARKS.md). */
let bytesServed = 0;

/** What a port handed out by `serve` answers: the held dataset's backtester columns, as copies moved to the caller. */
export const servedDatasetApi = {
  /** Ticks in the held dataset (0 when none): the caller can prepare for them while marketData copies. */
  size(): number {
    return held?.time.length ?? 0;
  },
  marketData(): MarketData {
    if (!held) throw new Error('No dataset is loaded: load a sample or a file first.');
    const copy: MarketData = { ...held };
    const moved: ArrayBuffer[] = [];
    for (const [k, v] of Object.entries(held)) {
      if (v instanceof Float64Array) {
        const c = v.slice();
        (copy as unknown as Record<string, Float64Array>)[k] = c;
        moved.push(c.buffer);
        bytesServed += c.byteLength;
      }
    }
    return transfer(copy, moved);
  },
};
export type ServedDatasetApi = typeof servedDatasetApi;

/** Keeps a copy of a loaded dataset's backtester columns (the page's copy is transferred away). */
function hold(d: LoadedDataset): void {
  const m = toMarketData(d);
  const copy: MarketData = { ...m };
  for (const [k, v] of Object.entries(m)) if (v instanceof Float64Array) (copy as unknown as Record<string, Float64Array>)[k] = v.slice();
  held = copy;
}
/** Which input a CsvError came from (quotes or trades file). */
const errorFile = new WeakMap<object, string>();

async function openSource(src: CsvSource, signal: AbortSignal, maxBytes: number): Promise<{ input: string | Uint8Array | ReadableStream<Uint8Array>; total: number; sizeHint?: number }> {
  if (typeof src === 'string') return { input: src, total: src.length };
  if (src instanceof Uint8Array) return { input: src, total: src.length };
  if (typeof Blob !== 'undefined' && src instanceof Blob) {
    // A plain (not gzip) file larger than the limit is refused before any of it is read.
    const head = new Uint8Array(await src.slice(0, 2).arrayBuffer());
    const gzip = head[0] === 0x1f && head[1] === 0x8b;
    if (!gzip && src.size > maxBytes) throw new CsvError(1, '', tooLargeMessage(maxBytes), 'too-large');
    return { input: src.stream() as ReadableStream<Uint8Array>, total: src.size, sizeHint: gzip ? undefined : src.size };
  }
  const res = await fetch((src as { url: string }).url, { signal });
  if (!res.ok || !res.body) throw new Error(`could not fetch ${(src as { url: string }).url}: HTTP ${res.status}`);
  const len = Number(res.headers.get('content-length'));
  return { input: res.body, total: Number.isFinite(len) && len > 0 ? len : NaN };
}

async function parseOne(file: string, src: CsvSource, options: CsvParseOptions | undefined, signal: AbortSignal, onProgress?: ProgressCallback): Promise<ParsedTicks> {
  try {
    const { input, total, sizeHint } = await openSource(src, signal, options?.maxBytes ?? DEFAULT_MAX_BYTES);
    return await parseTicksCsv(input, {
      sizeHint,
      fileName: file,
      ...options,
      signal,
      onProgress: throttled(file, total, onProgress),
    });
  } catch (e) {
    if (e instanceof CsvError) errorFile.set(e, file);
    throw e;
  }
}

/** A LOBSTER message + orderbook pair (either order) → quotes and trades, read in step (H-data, issue 12). */
async function parseLobsterPair(req: Extract<LoadRequest, { type: 'files' }>, message: 0 | 1, signal: AbortSignal, onProgress?: ProgressCallback): Promise<{ quotes: ParsedTicks; trades: ParsedTicks }> {
  const tradesName = req.tradesName ?? 'trades';
  const [msgName, msgSrc, bookSrc] = message === 0 ? [req.name, req.quotes, req.trades!] : [tradesName, req.trades!, req.quotes];
  try {
    const m = await openSource(msgSrc, signal, DEFAULT_MAX_BYTES);
    const b = await openSource(bookSrc, signal, DEFAULT_MAX_BYTES);
    return await parseLobster(m.input, b.input, {
      fileName: msgName,
      badRows: req.options?.badRows,
      signal,
      onProgress: throttled(msgName, m.total, onProgress),
    });
  } catch (e) {
    if (e instanceof CsvError) errorFile.set(e, msgName);
    throw e;
  }
}

async function loadFiles(req: Extract<LoadRequest, { type: 'files' }>, signal: AbortSignal, onProgress?: ProgressCallback): Promise<LoadedDataset> {
  const source = typeof req.quotes === 'object' && 'url' in req.quotes ? 'sample' : 'file';
  const pair = req.trades !== undefined ? lobsterPair(req.name, req.tradesName) : undefined;
  const lobster = pair ? await parseLobsterPair(req, pair.message, signal, onProgress) : undefined;
  const first = lobster ? lobster.quotes : await parseOne(req.name, req.quotes, req.options, signal, onProgress);
  if (req.trades === undefined) return assembleDataset(req.name, source, first);
  const tradesName = req.tradesName ?? 'trades';
  const trades = lobster ? lobster.trades : await parseOne(tradesName, req.trades, req.tradesOptions, signal, onProgress);
  return assembleDataset(req.name, source, first, { name: tradesName, parsed: trades });
}

async function save(dataset: LoadedDataset, target: SaveTarget): Promise<void> {
  try {
    await set(target.key, { v: 1, dataset, savedAt: Date.now() }, createStore(target.db, target.store));
    dataset.saved = true;
  } catch (e) {
    dataset.saved = false;
    dataset.saveError = e instanceof Error ? e.message : String(e);
  }
}

/** A stored record is trusted only if its columns are Float64Arrays, the quote-side ones as long as `time`. */
function isDataset(d: unknown): d is LoadedDataset {
  if (typeof d !== 'object' || d === null) return false;
  const { columns, summary, kind } = d as LoadedDataset;
  if (typeof columns !== 'object' || columns === null || !(columns.time instanceof Float64Array)) return false;
  if (typeof summary !== 'object' || summary === null || !['quotes', 'trades', 'prices', 'bars'].includes(kind)) return false;
  const n = columns.time.length;
  return Object.entries(columns).every(([k, c]) => c instanceof Float64Array && (k.startsWith('trade') || c.length === n));
}

function buffersOf(columns: Record<string, Float64Array>): ArrayBuffer[] {
  return [...new Set(Object.values(columns).map((c) => c.buffer as ArrayBuffer))];
}

export const csvApi = {
  /** Load a dataset; `id` names the job for `cancel`. Never rejects for bad data: see LoadResult. */
  async load(id: number, req: LoadRequest, onProgress?: ProgressCallback): Promise<LoadResult> {
    const controller = new AbortController();
    running.set(id, controller);
    try {
      const t0 = performance.now();
      const dataset = req.type === 'synthetic' ? syntheticDataset(req.seed, req.nTicks) : await loadFiles(req, controller.signal, onProgress);
      dataset.loadMs = performance.now() - t0;
      if (req.type === 'files' && req.saveTo) await save(dataset, req.saveTo);
      hold(dataset);
      dataset.refMid = referenceMid(held!);
      const result: LoadResult = { ok: true, dataset };
      return transfer(result, buffersOf(dataset.columns));
    } catch (e) {
      if (controller.signal.aborted) return { ok: false, cancelled: true };
      const file = req.type === 'files' ? req.name : 'synthetic';
      if (e instanceof CsvError) {
        return { ok: false, cancelled: false, error: { file: errorFile.get(e) ?? file, line: e.line, field: e.field, message: e.message, code: e.code, header: e.header } };
      }
      return { ok: false, cancelled: false, error: { file, line: 0, field: '', message: e instanceof Error ? e.message : String(e), code: 'read' } };
    } finally {
      running.delete(id);
    }
  },
  /** The dataset saved at `target`, transferred; null when there is none or it does not read as one. */
  async restore(target: SaveTarget): Promise<LoadedDataset | null> {
    const v = (await get(target.key, createStore(target.db, target.store))) as { v?: number; dataset?: LoadedDataset } | undefined;
    const d = v?.v === 1 ? v.dataset : undefined;
    if (!d || !isDataset(d)) return null;
    hold(d);
    d.refMid = referenceMid(held!);
    return transfer(d, buffersOf(d.columns));
  },
  /** Answers servedDatasetApi on `port` (the other end goes to a lab or grid worker). */
  serve(port: MessagePort): void {
    expose(servedDatasetApi, port as unknown as Endpoint);
  },
  /** Whether a dataset is held for serving, and the bytes served so far. */
  heldInfo(): { held: boolean; rows: number; bytesServed: number } {
    return { held: held !== null, rows: held?.time.length ?? 0, bytesServed };
  },
  /** Ask job `id` to stop at its next chunk. */
  cancel(id: number): void {
    running.get(id)?.abort();
  },
};

export type CsvApi = typeof csvApi;

// Exposing on `self` explicitly works in browsers and under @vitest/web-worker alike.
expose(csvApi, self as unknown as Endpoint);
