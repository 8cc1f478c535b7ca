// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { parseLobster, parseTicksCsv, summarizeTicks, type DetectedFormat } from '../../../src/engine';
import { datasetStore, type LoadedDataset } from '../../../src/stores/dataset-store';
import { DetectionReport, reportRows } from '../../../src/features/data-upload/DetectionReport';
import { ProblemList } from '../../../src/features/data-upload/ProblemList';

afterEach(() => {
  cleanup();
  act(() => datasetStore.getState().clear());
});

const TARDIS = 'exchange,symbol,timestamp,local_timestamp,ask_amount,ask_price,bid_price,bid_amount\nbinance-futures,BTCUSDT,1723075200003000,1723075200005123,0.53,61800.2,61800.1,1.204\n';

function dataset(name: string, kind: 'quotes' | 'trades', columns: Record<string, Float64Array>, detected: DetectedFormat, tradesDetected?: DetectedFormat): LoadedDataset {
  return { name, source: 'file', kind, columns, summary: summarizeTicks(kind, columns, 0), rowsRead: 1, rowsSkipped: 0, problems: [], timeUnit: detected.timeUnit, mapping: {}, ...{ detected, tradesDetected } } as LoadedDataset;
}

describe('DetectionReport', () => {
  it('shows format, time column and unit, zone, price scale, column order and notes of a real parse, with overrides', async () => {
    const r = await parseTicksCsv(TARDIS, { fileName: 'binance-futures_quotes_2024-08-08_BTCUSDT.csv' });
    act(() => datasetStore.getState().setLoaded(dataset('q.csv', 'quotes', r.columns, r.detected)));
    render(<DetectionReport />);
    const report = screen.getByTestId('detection-report');
    expect(within(report).getByTestId('detected-format')).toHaveTextContent('Tardis.dev quotes / book_ticker');
    expect(within(report).getByTestId('detected-time')).toHaveTextContent('local_timestamp (us)');
    expect(within(report).getByTestId('detected-scale')).toHaveTextContent('× 1 (as written)');
    expect(within(report).getByTestId('detected-order')).toHaveTextContent('time, askSize, ask, bid, bidSize');
    expect(within(report).getByTestId('detected-notes')).toHaveTextContent('ask columns come before bid columns');
    // One click each: the exchange time, generic reading, another unit.
    expect(within(report).getByRole('button', { name: 'use timestamp' })).toBeInTheDocument();
    expect(within(report).getByRole('button', { name: 'read as generic CSV' })).toBeInTheDocument();
    expect(within(report).getByRole('button', { name: 'ms' })).toBeInTheDocument();
    expect(within(report).queryByTestId('detected-side')).toBeNull();
  });

  it('shows nothing before a dataset with a report is loaded', () => {
    const { container } = render(<DetectionReport />);
    expect(container).toBeEmptyDOMElement();
  });

  it('reports a LOBSTER pair (both files) without overrides', async () => {
    const msg = '34200.004241176,1,16113575,18,5853300,1\n34200.1,4,16113575,10,5853300,1\n';
    const book = '5859400,200,5853300,18\n5859400,200,5853300,8\n';
    const { quotes, trades } = await parseLobster(msg, book, { fileName: 'AAPL_2012-06-21_34200000_57600000_message_1.csv' });
    act(() => datasetStore.getState().setLoaded(dataset('m.csv + o.csv', 'quotes', quotes.columns, quotes.detected, trades.detected)));
    render(<DetectionReport />);
    const report = screen.getByTestId('detection-report');
    expect(report).toHaveTextContent('LOBSTER message + orderbook pair');
    expect(report).toHaveTextContent('America/New_York');
    expect(report).toHaveTextContent('side = −direction');
    expect(within(report).queryAllByRole('button')).toEqual([]);
  });

  it('offers side conventions for trades and zones only for wall-clock times', async () => {
    const t = await parseTicksCsv('timestamp,price,volume\n1723161600,10,1\n1723161601,11,1\n');
    const rows = reportRows(t.detected, 'trades');
    const side = rows.find((r) => r.key === 'side')!;
    expect(side.value).toMatch(/inferred/);
    expect(side.choices.map((c) => c.options)).toContainEqual({ inferSide: false });
    expect(rows.find((r) => r.key === 'zone')!.choices).toEqual([]);
    const h = await parseTicksCsv('20240102 170000123,1.104010,1.104120,0\n', { fileName: 'DAT_ASCII_EURUSD_T_202401.csv' });
    const zone = reportRows(h.detected, 'quotes').find((r) => r.key === 'zone')!;
    expect(zone.value).toBe('EST');
    expect(zone.choices.map((c) => c.options.timeZone)).toEqual(['UTC', 'America/New_York']);
  });
});

describe('DetectionReport overrides', () => {
  // jsdom gives import.meta.url an http scheme: the fixture is read relative to the repository root (vitest's cwd).
  const MBP1 = readFileSync('tests/fixtures/vendors/xnys-pillar-20240105.mbp-1.csv', 'utf8');

  it('offers every format the file also reads as, and the bid/ask swap for quotes', async () => {
    const r = await parseTicksCsv(MBP1, { fileName: 'xnys-pillar-20240105.mbp-1.csv' });
    const rows = reportRows(r.detected, 'quotes');
    expect(rows.find((x) => x.key === 'format')!.choices).toEqual([
      { label: 'read as generic CSV', options: { format: 'generic' } },
      { label: 'read as Databento TBBO', options: { format: 'databento-tbbo' } },
    ]);
    expect(rows.find((x) => x.key === 'order')!.choices).toEqual([
      { label: 'swap bid and ask (read ask_px_00 as the bid)', options: { columns: { bid: 'ask_px_00', ask: 'bid_px_00', bidSize: 'ask_sz_00', askSize: 'bid_sz_00' } } },
    ]);
  });

  it('shows the trades read from an MBP-1 file as a second report with its own overrides', async () => {
    const r = await parseTicksCsv(MBP1, { fileName: 'x.mbp-1.csv' });
    act(() => datasetStore.getState().setLoaded(dataset('x.mbp-1.csv', 'quotes', r.columns, r.detected, r.trades!.detected)));
    render(<DetectionReport />);
    const report = screen.getByTestId('detection-report');
    expect(report).toHaveTextContent('x.mbp-1.csv (quotes)');
    expect(report).toHaveTextContent('x.mbp-1.csv (trades, action T)');
    const sides = within(report).getAllByTestId('detected-side');
    expect(sides).toHaveLength(1);
    expect(sides[0]).toHaveTextContent('1 unknown inferred');
    expect(within(sides[0]).getByRole('button', { name: 'buyer is maker' })).toBeInTheDocument();
    // A pair's trades file gets overrides too (they were offered for the first file only).
    act(() => datasetStore.getState().setLoaded(dataset('q.csv + t.csv', 'quotes', r.columns, r.detected, r.trades!.detected)));
    expect(within(screen.getByTestId('detection-report')).getAllByRole('button', { name: 'read as generic CSV' })).toHaveLength(2);
  });
});

describe('problem counts per kind (Data panel)', () => {
  it('a frequent kind and a rare one are both counted over the whole file, next to the first lines of each', async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `${i + 1},10,${i + 2 === 1501 ? '9' : '11'},${i < 300 ? 'n/a' : '1'}`);
    const r = await parseTicksCsv('time,bid,ask,bid_size\n' + rows.join('\n'));
    const d = { ...dataset('broken.csv', 'quotes', r.columns, r.detected), rowsSkipped: r.rowsSkipped, problemCounts: r.problemCounts, problems: r.problems.map((p) => ({ ...p, file: 'broken.csv' })) };
    act(() => datasetStore.getState().setLoaded(d));
    render(<ProblemList />);
    expect(screen.getByTestId('problem-counts')).toHaveTextContent('By kind over the whole file: number 300, crossed 1');
    expect(screen.getByTestId('problems')).toHaveTextContent('broken.csv, line 1501, bid: crossed quote: bid 10 is above ask 9');
  });
});
