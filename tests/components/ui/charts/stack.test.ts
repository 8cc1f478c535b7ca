import { describe, expect, it } from 'vitest';
import { stackColumns } from '../../../../src/components/ui/charts/stack';

describe('stackColumns', () => {
  it('gives running sums of the series over the first n points', () => {
    const s = stackColumns([[0.2, 0.5, 0.1], [0.3, 0.25, 0.1], [0.5, 0.25, 0.8]], 3);
    expect(s.map((c) => Array.from(c))).toEqual([[0.2, 0.5, 0.1], [0.5, 0.75, 0.2], [1, 1, 1]]);
    expect(stackColumns([[1, 2, 3]], 2)[0]).toHaveLength(2);
  });
  it('leaves a gap above a NaN: the sums over it are NaN', () => {
    const s = stackColumns([[1, NaN], [1, 1]], 2);
    expect(Array.from(s[1])).toEqual([2, NaN]);
  });
});
