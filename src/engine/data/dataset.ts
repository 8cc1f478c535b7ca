import type { MarketData } from '../backtest/types';
import type { CsvProblem, DetectedFormat, ProblemKind, TickColumn, TickKind } from './csv/types';
import type { DatasetSummary } from './summary';

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
