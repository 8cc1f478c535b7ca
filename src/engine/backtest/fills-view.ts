import { markoutCurve, markoutHorizonsFor, type MarkoutPoint } from '../analytics/markout';
import type { BacktestResult, FillsTable } from './types';

/** The fills panel's data: which fill model ran and why, the run's notes, the markout curve and a page of the blotter. */
export interface FillsView {
  fillModel: string;
  fillModelReason: string;
  /** result.notes: defaults and calibration facts worth reading. */
  notes: string[];
  markouts: MarkoutPoint[];
  /** Fills in the run. */
  total: number;
  /** First row of `page` (0-based). */
  offset: number;
  /** Rows [offset, offset + page length) of result.fills, copied (safe to post to the main thread). */
  page: FillsTable;
  /** Fill models that apply to the run's data (applicableFillModels), when the caller knows the data. */
  applicable?: string[];
}

/** Columns of the blotter, in CSV order, with their header names and units. */
export const BLOTTER_COLUMNS: readonly { key: keyof FillsTable; header: string }[] = [
  { key: 'time', header: 'time_s' },
  { key: 'side', header: 'side(+1 buy)' },
  { key: 'price', header: 'price' },
  { key: 'size', header: 'size_asset' },
  { key: 'midAtFill', header: 'mid_at_fill' },
  { key: 'fee', header: 'fee_quote' },
  { key: 'liquidity', header: 'liquidity(+1 maker)' },
  { key: 'queueAhead', header: 'queue_ahead_asset' },
  { key: 'source', header: 'source(1 trade,2 quote,3 poisson,4 flatten)' },
  { key: 'sourceIndex', header: 'source_row' },
  { key: 'index', header: 'tick' },
];

/** The fills view of a finished run: rows [offset, offset + pageSize) of the blotter and the markouts at `horizonsSec` (default: markoutHorizonsFor the run's ticks). */
export function buildFillsView(r: BacktestResult, offset = 0, pageSize = 200, horizonsSec: readonly number[] = markoutHorizonsFor(r.time)): FillsView {
  const total = r.fills.time.length;
  const from = Math.max(0, Math.min(Math.floor(offset), total));
  const to = Math.min(total, from + Math.max(0, Math.floor(pageSize)));
  const f = r.fills;
  const page = {
    time: f.time.slice(from, to), side: f.side.slice(from, to), price: f.price.slice(from, to), size: f.size.slice(from, to),
    midAtFill: f.midAtFill.slice(from, to), midAfter: f.midAfter.slice(from, to), fee: f.fee.slice(from, to), liquidity: f.liquidity.slice(from, to),
    index: f.index.slice(from, to), queueAhead: f.queueAhead.slice(from, to), source: f.source.slice(from, to), sourceIndex: f.sourceIndex.slice(from, to),
  };
  return {
    fillModel: r.resolved.fillModel, fillModelReason: r.resolved.fillModelReason, notes: r.notes.slice(),
    markouts: markoutCurve(r, horizonsSec), total, offset: from, page,
  };
}

/** The whole blotter as CSV text (header row, then one line per fill; an unknown queue is an empty field). */
export function blotterCsv(fills: FillsTable): string {
  const lines = [BLOTTER_COLUMNS.map((c) => c.header).join(',')];
  const n = fills.time.length;
  for (let k = 0; k < n; k++) lines.push(BLOTTER_COLUMNS.map((c) => { const v = fills[c.key][k]; return Number.isFinite(v) ? String(v) : ''; }).join(','));
  return `${lines.join('\n')}\n`;
}
