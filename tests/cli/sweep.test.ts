import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellQuery, gridCells, sliceOf, sweepJobs } from '../../src/cli/sweep';

describe('sweep jobs and slices', () => {
  it('makes every combination of the grid, first axis slowest, each cell a link with its keys set', () => {
    expect(gridCells([])).toEqual([{}]);
    expect(gridCells([{ key: 'bg', values: ['1', '2'] }, { key: 'bk', values: ['a', 'b', 'c'] }])).toEqual([
      { bg: '1', bk: 'a' }, { bg: '1', bk: 'b' }, { bg: '1', bk: 'c' }, { bg: '2', bk: 'a' }, { bg: '2', bk: 'b' }, { bg: '2', bk: 'c' },
    ]);
    expect(cellQuery('v=2&st=as&bg=5', { bg: '0.1', bk: '2' })).toBe('v=2&st=as&bg=0.1&bk=2');
    const jobs = sweepJobs([{ quotes: 'a.csv' }, { sample: 'synthetic-3' }], [{ key: 'bg', values: ['1', '2'] }], 'v=2');
    expect(jobs.map((j) => [j.index, 'sample' in j.dataset ? j.dataset.sample : j.dataset.quotes, j.query])).toEqual([
      [0, 'a.csv', 'v=2&bg=1'], [1, 'a.csv', 'v=2&bg=2'], [2, 'synthetic-3', 'v=2&bg=1'], [3, 'synthetic-3', 'v=2&bg=2'],
    ]);
  });

  it('n slices cover every job exactly once, in order, in contiguous blocks whose sizes differ by at most one', () => {
    fc.assert(fc.property(fc.nat(200), fc.integer({ min: 1, max: 40 }), (len, count) => {
      const items = Array.from({ length: len }, (_, i) => i);
      const slices = Array.from({ length: count }, (_, index) => sliceOf(items, { index, count }));
      expect(slices.flat()).toEqual(items);
      const sizes = slices.map((s) => s.length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }));
  });
});
