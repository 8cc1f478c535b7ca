import { describe, expect, it } from 'vitest';
import { memoOnDataset } from '../../../src/engine/data/dataset-memo';

describe('memoOnDataset: per-dataset figures computed once per key', () => {
  it('computes once per (dataset, key), again for another key or dataset, and keeps the twelve most recently used keys', () => {
    const t = new Float64Array(3), mA = new Float64Array(3), mB = new Float64Array(3);
    let calls = 0;
    const f = () => ({ call: ++calls });
    const first = memoOnDataset(t, mA, 'k0', f);
    expect(memoOnDataset(t, mA, 'k0', f)).toBe(first);
    expect(calls).toBe(1);
    expect(memoOnDataset(t, mB, 'k0', f)).not.toBe(first); // another dataset
    expect(memoOnDataset(new Float64Array(3), mA, 'k0', f).call).toBe(3); // same mid column, other time column: another dataset
    for (let k = 1; k <= 12; k++) memoOnDataset(t, mA, `k${k}`, f);
    expect(calls).toBe(15);
    memoOnDataset(t, mA, 'k0', f); // k0 was the least recently used of thirteen: evicted, computed again
    expect(calls).toBe(16);
    memoOnDataset(t, mA, 'k12', f); // still held
    expect(calls).toBe(16);
  });

  it('a compute that throws stores nothing', () => {
    const t = new Float64Array(1), mm = new Float64Array(1);
    expect(() => memoOnDataset(t, mm, 'x', () => { throw new RangeError('too short'); })).toThrow('too short');
    expect(memoOnDataset(t, mm, 'x', () => 5)).toBe(5);
  });
});
