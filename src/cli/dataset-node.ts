import { createReadStream, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import {
  alignQuotesTrades,
  CsvError,
  generateSyntheticMarket,
  parseTicksCsv,
  summarizeTicks,
  type MarketData,
  type ParsedTicks,
  type ParseTicksOptions,
} from '../engine';
import { toMarketData, type DatasetProblem, type LoadedDataset } from '../engine/data/dataset';
import { DEFAULT_POLICIES } from '../stores/dataset-store';
import { FILE_SAMPLES, SYNTHETIC_TICKS, syntheticSeed } from '../stores/samples';
import type { DatasetFiles, DatasetRef } from './args';

/**
 * Datasets for the headless lab, read as the page reads them: files streamed through the engine's
 * CSV parser with the Data panel's default policies, a quotes + trades pair aligned, samples named
 * by the link's `sample` key, the synthetic market regenerated from its seed.
 *
 * TEMPORARY COPY (H-perf, until the dataset worker exports a pure assembly function, see
 * /tmp/team/NOTES.md): `assemble` mirrors loadFiles in src/workers/csv.worker.ts and `syntheticData`
 * mirrors labApi.setSynthetic (src/workers/lab-api.ts). tests/cli/lab-vs-page.test.ts loads the same
 * inputs through the real csv worker and lab API and requires identical metrics, so drift fails there.
 */

export interface NodeDataset {
  /** What the page's lab worker runs on (toLabSource: columns, or the synthetic market with its truth). */
  data: MarketData;
  /** The loaded dataset as the page's dataset store holds it. */
  dataset: LoadedDataset;
}

export type LoadProgressFn = (p: { file: string; bytes: number; totalBytes: number; rows: number }) => void;

/** The parse options the page's loaders use with the Data panel's default policies. */
export function pageParseOptions(): Pick<ParseTicksOptions, 'badRows' | 'order'> {
  return { badRows: DEFAULT_POLICIES.badRows, order: DEFAULT_POLICIES.order };
}

async function parseFile(path: string, onProgress?: LoadProgressFn): Promise<ParsedTicks> {
  let totalBytes: number;
  try {
    totalBytes = statSync(path).size;
  } catch (e) {
    throw new Error(`cannot read ${path}: ${(e as Error).message}`, { cause: e });
  }
  const stream = Readable.toWeb(createReadStream(path)) as unknown as ReadableStream<Uint8Array>;
  const file = basename(path);
  return parseTicksCsv(stream, {
    ...pageParseOptions(),
    onProgress: onProgress ? (bytes, rows) => onProgress({ file, bytes, totalBytes, rows }) : undefined,
  });
}

function withFile(problems: ParsedTicks['problems'], file: string): DatasetProblem[] {
  return problems.map((p) => ({ ...p, file }));
}

/** Mirrors csv.worker.ts loadFiles: one file, or a quotes file and a trades file aligned on the quotes' clock. */
export function assemble(name: string, source: LoadedDataset['source'], first: ParsedTicks, trades?: { name: string; parsed: ParsedTicks }): LoadedDataset {
  const problems = withFile(first.problems, name);
  let columns: Record<string, Float64Array> = { ...first.columns };
  let rowsRead = first.rowsRead, rowsSkipped = first.rowsSkipped;
  if (trades) {
    const t = trades.parsed;
    if (first.kind !== 'quotes' || t.kind !== 'trades') {
      const which = first.kind !== 'quotes' ? name : trades.name;
      const is = first.kind !== 'quotes' ? first.kind : t.kind;
      throw new CsvError(1, '', `${which} holds ${is}; a pair needs a quotes file and a trades file`, 'columns');
    }
    const a = alignQuotesTrades(first, t);
    columns = { ...columns, tradeTime: a.tradeTime, tradePrice: a.tradePrice, tradeSize: a.tradeSize, tradeSide: a.tradeSide };
    problems.push(...withFile(t.problems, trades.name), ...withFile(a.problems, trades.name));
    if (a.tradesDropped > 0) problems.push({ file: trades.name, line: 0, field: t.mapping.time ?? 'time', message: `${a.tradesDropped} trades before the first quote were left out` });
    rowsRead += t.rowsRead;
    rowsSkipped += t.rowsSkipped;
  }
  return {
    name: trades ? `${name} + ${trades.name}` : name,
    source,
    kind: first.kind,
    columns,
    summary: summarizeTicks(first.kind, first.columns, rowsSkipped),
    rowsRead,
    rowsSkipped,
    problems,
    timeUnit: first.timeUnit,
    mapping: first.mapping,
  };
}

/** Files streamed from disk, as the page loads an upload (or, with source 'sample', a built-in sample). */
export async function loadDatasetFiles(files: DatasetFiles, onProgress?: LoadProgressFn, source: LoadedDataset['source'] = 'file'): Promise<NodeDataset> {
  const first = await parseFile(files.quotes, onProgress);
  const trades = files.trades !== undefined ? { name: basename(files.trades), parsed: await parseFile(files.trades, onProgress) } : undefined;
  const dataset = assemble(basename(files.quotes), source, first, trades);
  return { dataset, data: toMarketData(dataset) };
}

/** Mirrors labApi.setSynthetic: the lab worker regenerates the synthetic market from its seed, truth included. */
export function syntheticData(seed: number, nTicks: number): NodeDataset {
  const m = generateSyntheticMarket({ seed, nTicks });
  const columns = { time: m.time, bid: m.bid, ask: m.ask, tradeTime: m.tradeTime, tradePrice: m.tradePrice, tradeSize: m.tradeSize, tradeSide: m.tradeSide, regime: m.regime };
  const dataset: LoadedDataset = {
    name: `synthetic regime-switching market (seed ${seed})`,
    source: 'synthetic',
    kind: 'quotes',
    columns,
    summary: summarizeTicks('quotes', columns, 0),
    rowsRead: nTicks,
    rowsSkipped: 0,
    problems: [],
    timeUnit: 's',
    mapping: {},
    seed,
    nTicks,
  };
  const data: MarketData = { time: m.time, bid: m.bid, ask: m.ask, tradeTime: m.tradeTime, tradePrice: m.tradePrice, tradeSize: m.tradeSize, tradeSide: m.tradeSide, truth: m.truth };
  return { dataset, data };
}

/** A built-in sample by the id a link's `sample` key carries ("usdm-btcusdt", "synthetic-42"), read from `publicDir`. */
export async function loadSampleNode(id: string, publicDir: string, onProgress?: LoadProgressFn): Promise<NodeDataset> {
  const seed = syntheticSeed(id);
  if (seed !== undefined) return syntheticData(seed, SYNTHETIC_TICKS);
  const s = FILE_SAMPLES.find((x) => x.id === id);
  if (!s) throw new Error(`sample: expected one of ${FILE_SAMPLES.map((x) => x.id).join(', ')} or synthetic-<seed>, got ${JSON.stringify(id)}`);
  return loadDatasetFiles({ quotes: join(publicDir, s.quotes), trades: join(publicDir, s.trades) }, onProgress, 'sample');
}

/** Files or a sample, as `DatasetRef` names them. */
export function loadDataset(ref: DatasetRef, publicDir: string, onProgress?: LoadProgressFn): Promise<NodeDataset> {
  return 'sample' in ref ? loadSampleNode(ref.sample, publicDir, onProgress) : loadDatasetFiles(ref, onProgress);
}
