import type { MarketData } from '../backtest/types';
import { alignQuotesTrades } from './csv/align';
import { CsvError } from './csv/csv-error';
import type { CsvProblem, DetectedFormat, ParsedTicks, ProblemKind, TickColumn, TickKind } from './csv/types';
import { summarizeTicks, type DatasetSummary } from './summary';
import { generateSyntheticMarket } from './synthetic';

/** A CsvProblem and the file it was found in. */
export interface DatasetProblem extends CsvProblem {
  file: string;
}

/**
 * A loaded dataset as columns (what the dataset worker parses and keeps). With a trades file (or
 * the synthetic market) the trade columns `tradeTime`, `tradePrice`, `tradeSize`, `tradeSide` sit
 * next to the quote columns, on the quotes' clock.
 */
export interface LoadedDataset {
  name: string;
  source: 'file' | 'sample' | 'synthetic';
  kind: TickKind;
  columns: Record<string, Float64Array>;
  summary: DatasetSummary;
  rowsRead: number;
  rowsSkipped: number;
  problems: DatasetProblem[];
  timeUnit: string;
  mapping: Partial<Record<TickColumn, string>>;
  /** Synthetic only: the generator's seed and size, which reproduce it. */
  seed?: number;
  nTicks?: number;
  /** Worker wall time to read, parse, align and summarise, ms (not counting the IndexedDB save). */
  loadMs?: number;
  /** The first tick's mid (referenceMid), at which σ converts to and from %/yr; set by the dataset worker. */
  refMid?: number;
  /** Set when a save to IndexedDB was asked: whether the columns were stored, and why not. */
  saved?: boolean;
  saveError?: string;
  /** How the (first) file was read: format, time column and unit, zone, price scale, column order, side convention, notes. */
  detected?: DetectedFormat;
  /** The same for the trades file of a pair. */
  tradesDetected?: DetectedFormat;
  /** Rows rejected per kind over the whole file(s) (`problems` lists only the first of each kind). */
  problemCounts?: Partial<Record<ProblemKind, number>>;
}

/**
 * The backtester's columns for a dataset: quotes as bid/ask (with displayed sizes when the file has
 * them), bars as close with high/low (so the engine knows they are bars), prices and trades files
 * as a mid; trades ride along when present. The columns are shared, not copied.
 */
export function toMarketData(d: Pick<LoadedDataset, 'kind' | 'columns'>): MarketData {
  const c = d.columns;
  const out: MarketData = { time: c.time };
  if (c.bid && c.ask) {
    out.bid = c.bid; out.ask = c.ask;
    if (c.bidSize && c.askSize) Object.assign(out, { bidSize: c.bidSize, askSize: c.askSize });
  } else if (c.mid) out.mid = c.mid;
  else if (c.close) {
    out.mid = c.close;
    if (c.high && c.low) Object.assign(out, { close: c.close, high: c.high, low: c.low });
  } else if (c.price) out.mid = c.price;
  if (c.tradeTime && c.tradePrice) {
    out.tradeTime = c.tradeTime; out.tradePrice = c.tradePrice; out.tradeSize = c.tradeSize; out.tradeSide = c.tradeSide;
  } else if (d.kind === 'trades' && c.price) {
    out.tradeTime = c.time; out.tradePrice = c.price; out.tradeSize = c.size; out.tradeSide = c.side;
  }
  return out;
}

/**
 * The price a run's annualised σ is converted at, in both directions (σ %/yr ↔ price units per √s):
 * the first tick's mid ((bid + ask)/2, else mid). One definition, so "Use in backtest" and "Load from
 * run" agree. NaN for empty data.
 */
export function referenceMid(d: Pick<MarketData, 'bid' | 'ask' | 'mid'>): number {
  if (d.bid && d.ask && d.bid.length > 0) return (d.bid[0] + d.ask[0]) / 2;
  if (d.mid && d.mid.length > 0) return d.mid[0];
  return Number.NaN;
}

function withFile(problems: CsvProblem[], file: string): DatasetProblem[] {
  return problems.map((p) => ({ ...p, file }));
}

/**
 * A dataset from its parsed file(s): one file, or a quotes file and a trades file with the trades
 * aligned on the quotes' clock (problems of both files, rows counted over both). Pure: the dataset
 * worker (src/workers/csv.worker.ts) and the headless lab (src/cli) both assemble datasets with it.
 */
export function assembleDataset(name: string, source: LoadedDataset['source'], first: ParsedTicks, trades?: { name: string; parsed: ParsedTicks }): LoadedDataset {
  // Trades carried in the quotes file itself (Databento MBP-1) join like a trades file of the same
  // name, but their rows are already counted among the file's rows.
  const inFile = trades === undefined && first.trades !== undefined && first.kind === 'quotes';
  if (inFile) trades = { name, parsed: first.trades! };
  const problemCounts: LoadedDataset['problemCounts'] = { ...first.problemCounts };
  const problems = withFile(first.problems, name);
  let columns: Record<string, Float64Array> = { ...first.columns };
  let rowsRead = first.rowsRead, rowsSkipped = first.rowsSkipped;
  let tradesDetected: ParsedTicks['detected'] | undefined;
  if (trades !== undefined) {
    const t = trades.parsed;
    tradesDetected = t.detected;
    if (first.kind !== 'quotes' || t.kind !== 'trades') {
      const which = first.kind !== 'quotes' ? name : trades.name;
      const is = first.kind !== 'quotes' ? first.kind : t.kind;
      throw new CsvError(1, '', `${which} holds ${is}; a pair needs a quotes file and a trades file`, 'columns');
    }
    const a = alignQuotesTrades(first, t);
    columns = { ...columns, tradeTime: a.tradeTime, tradePrice: a.tradePrice, tradeSize: a.tradeSize, tradeSide: a.tradeSide };
    problems.push(...withFile(t.problems, trades.name), ...withFile(a.problems, trades.name));
    if (a.tradesDropped > 0) problems.push({ file: trades.name, line: 0, field: t.mapping.time ?? 'time', message: `${a.tradesDropped} trades before the first quote were left out` });
    if (!inFile) {
      rowsRead += t.rowsRead;
      rowsSkipped += t.rowsSkipped;
    }
    for (const [k, n] of Object.entries(t.problemCounts) as [ProblemKind, number][]) problemCounts[k] = (problemCounts[k] ?? 0) + n;
  }
  return {
    name: trades !== undefined && !inFile ? `${name} + ${trades.name}` : name,
    source,
    kind: first.kind,
    columns,
    summary: summarizeTicks(first.kind, first.columns, rowsSkipped),
    rowsRead,
    rowsSkipped,
    problems,
    timeUnit: first.timeUnit,
    mapping: first.mapping,
    detected: first.detected,
    tradesDetected,
    problemCounts,
  };
}

/** The synthetic regime-switching market as a dataset (the generator's defaults otherwise: time from 0 s, 0.1 s ticks). */
export function syntheticDataset(seed: number, nTicks: number): LoadedDataset {
  const m = generateSyntheticMarket({ seed, nTicks });
  const columns = { time: m.time, bid: m.bid, ask: m.ask, tradeTime: m.tradeTime, tradePrice: m.tradePrice, tradeSize: m.tradeSize, tradeSide: m.tradeSide, regime: m.regime };
  return {
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
}
