import { describe, expect, it } from 'vitest';
import { summarizeTicks } from '../../src/engine';
import { createDatasetStore, DEFAULT_POLICIES } from '../../src/stores/dataset-store';
import type { LoadedDataset } from '../../src/workers/csv-client';

function dataset(name: string): LoadedDataset {
  const columns = { time: new Float64Array([1, 2]), bid: new Float64Array([9, 9]), ask: new Float64Array([10, 10]) };
  return { name, source: 'file', kind: 'quotes', columns, summary: summarizeTicks('quotes', columns), rowsRead: 2, rowsSkipped: 0, problems: [], timeUnit: 's', mapping: {} };
}

describe('dataset store', () => {
  it('goes loading → progress → ready and holds columns, not rows', () => {
    const s = createDatasetStore();
    s.getState().startLoading('a.csv');
    expect([s.getState().status, s.getState().loadingLabel]).toEqual(['loading', 'a.csv']);
    s.getState().setProgress({ file: 'a.csv', bytes: 10, totalBytes: 20, rows: 1 });
    expect(s.getState().progress?.bytes).toBe(10);
    s.getState().setLoaded(dataset('a.csv'));
    expect(s.getState().status).toBe('ready');
    expect(s.getState().progress).toBeNull();
    expect(s.getState().dataset?.columns.bid).toBeInstanceOf(Float64Array);
    expect(s.getState().origin).toBe('loaded');
  });

  it('ignores late progress after the load ended', () => {
    const s = createDatasetStore();
    s.getState().setLoaded(dataset('a'));
    s.getState().setProgress({ file: 'a', bytes: 1, totalBytes: 2, rows: 1 });
    expect(s.getState().progress).toBeNull();
  });

  it('keeps the previous dataset when a load is cancelled, and says cancelled when there was none', () => {
    const s = createDatasetStore();
    s.getState().startLoading('x');
    s.getState().setCancelled();
    expect(s.getState().status).toBe('cancelled');
    s.getState().setLoaded(dataset('first'));
    s.getState().startLoading('second');
    s.getState().setCancelled();
    expect([s.getState().status, s.getState().dataset?.name]).toEqual(['ready', 'first']);
  });

  it('records a failure with its line and field, and clears', () => {
    const s = createDatasetStore();
    s.getState().startLoading('b.csv');
    s.getState().setFailed({ file: 'b.csv', line: 4, field: 'bid', message: 'not a number: "x"', code: 'row' });
    expect(s.getState().status).toBe('error');
    expect(s.getState().error?.line).toBe(4);
    s.getState().clear();
    expect([s.getState().status, s.getState().dataset, s.getState().error]).toEqual(['idle', null, null]);
  });

  it('changes one policy at a time', () => {
    const s = createDatasetStore();
    expect(s.getState().policies).toEqual(DEFAULT_POLICIES);
    s.getState().setPolicies({ badRows: 'stop' });
    expect(s.getState().policies).toEqual({ ...DEFAULT_POLICIES, badRows: 'stop' });
  });
});
