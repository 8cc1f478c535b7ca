import { createReadStream, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import { generateSyntheticMarket, lobsterPair, parseLobster, parseTicksCsv, type MarketData, type ParsedTicks, type ParseTicksOptions } from '../engine';
import { assembleDataset, syntheticDataset, toMarketData, type LoadedDataset } from '../engine/data/dataset';
import { DEFAULT_POLICIES } from '../stores/dataset-store';
import { FILE_SAMPLES, SYNTHETIC_TICKS, syntheticSeed } from '../stores/samples';
import type { DatasetFiles, DatasetRef } from './args';

/**
 * Datasets for the headless lab, read as the page reads them: files streamed through the engine's
 * CSV parser with the Data panel's default policies and the file name (vendor detection), a LOBSTER
 * message/orderbook pair through parseLobster, a quotes + trades pair assembled by the dataset
 * worker's own assembleDataset (src/engine/data/dataset.ts), samples named by the link's `sample`
 * key, the synthetic market regenerated from its seed as the lab worker does (truth included).
 * tests/cli/lab-vs-page.test.ts runs the real dataset worker and lab API on the same inputs and
 * requires identical metrics.
 */

export interface NodeDataset {
  /** What the page's lab worker runs on (the dataset's columns, or the synthetic market with its truth). */
  data: MarketData;
  /** The loaded dataset as the page's dataset store holds it. */
  dataset: LoadedDataset;
}

export type LoadProgressFn = (p: { file: string; bytes: number; totalBytes: number; rows: number }) => void;

/** The parse options the page's loaders use with the Data panel's default policies. */
export function pageParseOptions(): Pick<ParseTicksOptions, 'badRows' | 'order'> {
  return { badRows: DEFAULT_POLICIES.badRows, order: DEFAULT_POLICIES.order };
}

function open(path: string): { stream: ReadableStream<Uint8Array>; totalBytes: number } {
  let totalBytes: number;
  try {
    totalBytes = statSync(path).size;
  } catch (e) {
    throw new Error(`cannot read ${path}: ${(e as Error).message}`, { cause: e });
  }
  return { stream: Readable.toWeb(createReadStream(path)) as unknown as ReadableStream<Uint8Array>, totalBytes };
}

function progressOf(file: string, totalBytes: number, onProgress?: LoadProgressFn) {
  return onProgress ? (bytes: number, rows: number) => onProgress({ file, bytes, totalBytes, rows }) : undefined;
}

async function parseFile(path: string, onProgress?: LoadProgressFn): Promise<ParsedTicks> {
  const { stream, totalBytes } = open(path);
  const file = basename(path);
  return parseTicksCsv(stream, { fileName: file, ...pageParseOptions(), onProgress: progressOf(file, totalBytes, onProgress) });
}

/** Files streamed from disk, as the page loads an upload (or, with source 'sample', a built-in sample). */
export async function loadDatasetFiles(files: DatasetFiles, onProgress?: LoadProgressFn, source: LoadedDataset['source'] = 'file'): Promise<NodeDataset> {
  const name = basename(files.quotes);
  let dataset: LoadedDataset;
  if (files.trades === undefined) dataset = assembleDataset(name, source, await parseFile(files.quotes, onProgress));
  else {
    const tradesName = basename(files.trades);
    const pair = lobsterPair(name, tradesName);
    let quotes: ParsedTicks, trades: ParsedTicks;
    if (pair) {
      const [msgPath, bookPath] = pair.message === 0 ? [files.quotes, files.trades] : [files.trades, files.quotes];
      const m = open(msgPath), b = open(bookPath);
      ({ quotes, trades } = await parseLobster(m.stream, b.stream, { fileName: basename(msgPath), badRows: DEFAULT_POLICIES.badRows, onProgress: progressOf(basename(msgPath), m.totalBytes, onProgress) }));
    } else {
      quotes = await parseFile(files.quotes, onProgress);
      trades = await parseFile(files.trades, onProgress);
    }
    dataset = assembleDataset(name, source, quotes, { name: tradesName, parsed: trades });
  }
  return { dataset, data: toMarketData(dataset) };
}

/**
 * The synthetic market as the page has it: the dataset worker's syntheticDataset, and the lab worker's
 * run data regenerated from the seed with the generator's truth (src/workers/lab-api.ts setSynthetic).
 */
export function syntheticData(seed: number, nTicks: number): NodeDataset {
  const dataset = syntheticDataset(seed, nTicks);
  const m = generateSyntheticMarket({ seed, nTicks });
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
