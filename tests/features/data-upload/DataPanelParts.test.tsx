// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { summarizeTicks } from '../../../src/engine';
import { datasetStore } from '../../../src/stores/dataset-store';
import { LoadStatus } from '../../../src/features/data-upload/LoadStatus';
import { ProblemList } from '../../../src/features/data-upload/ProblemList';
import { DatasetSummaryView } from '../../../src/features/data-upload/DatasetSummaryView';
import { ColumnMappingDialog } from '../../../src/features/data-upload/ColumnMappingDialog';
import type { LoadedDataset } from '../../../src/workers/csv-client';

afterEach(() => {
  cleanup();
  act(() => datasetStore.getState().clear());
});

function quotes(): LoadedDataset {
  const columns = { time: new Float64Array([1723161600, 1723161600.5, 1723161601]), bid: new Float64Array([100, 100, 100]), ask: new Float64Array([100.02, 100.02, 100.02]) };
  return {
    name: 'q.csv',
    source: 'file',
    kind: 'quotes',
    columns,
    summary: summarizeTicks('quotes', columns, 2),
    rowsRead: 5,
    rowsSkipped: 2,
    problems: [
      { file: 'q.csv', line: 3, field: 'bid', message: 'not a number: "x"' },
      { file: 'q.csv', line: 5, field: 'time', message: 'duplicate time 2: same as line 4' },
    ],
    timeUnit: 's',
    mapping: {},
  };
}

describe('Data panel parts', () => {
  it('shows progress with bytes and rows while loading', () => {
    act(() => {
      datasetStore.getState().startLoading('big.csv');
      datasetStore.getState().setProgress({ file: 'big.csv', bytes: 12_300_000, totalBytes: 45_000_000, rows: 250_000 });
    });
    render(<LoadStatus />);
    expect(screen.getByTestId('load-progress')).toHaveTextContent('Loading big.csv — big.csv: 12.3 MB of 45.0 MB, 250,000 rows');
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeInTheDocument();
  });

  it('shows a failure with file, line and field', () => {
    act(() => datasetStore.getState().setFailed({ file: 'b.csv', line: 4, field: 'bid', message: 'not a number: "abc"', code: 'row' }));
    render(<LoadStatus />);
    expect(screen.getByRole('alert')).toHaveTextContent('Could not load b.csv, line 4, field "bid": not a number: "abc"');
  });

  it('lists skipped rows with their lines and summarises the dataset', () => {
    act(() => datasetStore.getState().setLoaded(quotes()));
    render(
      <>
        <DatasetSummaryView />
        <ProblemList />
      </>,
    );
    expect(screen.getByTestId('problems')).toHaveTextContent('2 rows skipped');
    expect(screen.getByTestId('problems')).toHaveTextContent('q.csv, line 3, bid: not a number: "x"');
    expect(screen.getByTestId('summary-rows')).toHaveTextContent('3');
    expect(screen.getByTestId('summary-skipped')).toHaveTextContent('2');
    // spread 0.02 on a mid of 100.01 → 2.00 bps; ticks every 0.5 s
    expect(screen.getByTestId('dataset-summary')).toHaveTextContent('2.00 bps');
    expect(screen.getByTestId('dataset-summary')).toHaveTextContent('500 ms');
  });

  it('names the interval and the return of bars as bars, not ticks', () => {
    const columns = { time: Float64Array.of(60, 120, 180), close: Float64Array.of(1.1, 1.1001, 1.1), high: Float64Array.of(1.1002, 1.1003, 1.1002), low: Float64Array.of(1.0999, 1.1, 1.0998) };
    act(() => datasetStore.getState().setLoaded({ ...quotes(), name: 'm1.csv', kind: 'bars', columns, summary: summarizeTicks('bars', columns, 0), rowsSkipped: 0, problems: [] }));
    render(<DatasetSummaryView />);
    expect(screen.getByTestId('dataset-summary')).toHaveTextContent('Median bar interval1 min');
    expect(screen.getByTestId('dataset-summary')).toHaveTextContent('per bar, log returns of the close');
    expect(screen.getByTestId('dataset-summary')).not.toHaveTextContent('per tick');
  });

  it('offers the mapping dialog for an unreadable header, needing every required column', () => {
    act(() => datasetStore.getState().setFailed({ file: 'u.csv', line: 1, field: '', message: 'no usable columns', code: 'columns', header: ['a', 'b', 'c'] }));
    render(<ColumnMappingDialog />);
    const button = screen.getByRole('button', { name: 'Read the file with this mapping' });
    expect(button).toBeDisabled();
    expect(screen.getByTestId('column-mapping')).toHaveTextContent('Still needed: time, bid, ask.');
    fireEvent.change(screen.getByLabelText('column for time'), { target: { value: '0' } });
    fireEvent.change(screen.getByLabelText('column for bid'), { target: { value: '1' } });
    fireEvent.change(screen.getByLabelText('column for ask'), { target: { value: '2' } });
    expect(button).toBeEnabled();
  });

  it('shows no mapping dialog for a row error', () => {
    act(() => datasetStore.getState().setFailed({ file: 'b.csv', line: 4, field: 'bid', message: 'x', code: 'row' }));
    render(<ColumnMappingDialog />);
    expect(screen.queryByTestId('column-mapping')).toBeNull();
  });
});
