import { describe, expect, it } from 'vitest';
import { bucketReturns, generateSyntheticMarket, regimePath, regimeSetup, runBacktest, tickBuckets, viterbi } from '../../../src/engine';
import { bucketsOfTicks } from '../../../src/engine/strategy/regime-path';
import { decodeRegimes } from '../../../src/engine/views';

describe('regimePath: the hindsight regime path, one definition', () => {
  const m = generateSyntheticMarket({ seed: 17, nTicks: 30_000 });
  const reg = regimeSetup(m.time, m.mid, { nStates: 3, seed: 1 }, 0.01);

  it('is the Viterbi path of the bucketed mid changes, mapped to each tick by its bucket', () => {
    const p = regimePath(m.time, m.mid, reg.model, reg.bucketSec);
    const x = bucketReturns(m.time, m.mid, reg.bucketSec);
    expect(Array.from(p.x)).toEqual(Array.from(x));
    const path = viterbi(x, reg.model);
    expect(Array.from(p.path)).toEqual(Array.from(path));
    const buckets = tickBuckets(m.time, reg.bucketSec, x.length - 1);
    expect(Array.from(p.tickState)).toEqual(Array.from(buckets, (b) => path[b]));
    expect(new Set(p.tickState).size).toBeGreaterThan(1); // a path with one state could hide a wrong mapping
  });

  it('gives the bucket of any tick without a column per tick: tickBuckets at those ticks, gaps in the data included', () => {
    // Ticks 0.1 s apart with two long gaps (buckets no tick lies in) and a burst at one instant.
    const n = 3000;
    const time = Float64Array.from({ length: n }, (_, i) => 1000 + i * 0.1 + (i >= 1000 ? 50 : 0) + (i >= 2000 ? 120 : 0) - (i >= 2500 && i < 2510 ? (i - 2500) * 0.1 : 0));
    const mid = Float64Array.from(m.mid.subarray(0, n));
    for (const bucketSec of [0.5, 7, 60]) {
      const p = regimePath(time, mid, reg.model, bucketSec);
      const all = tickBuckets(time, bucketSec, p.path.length - 1);
      const ticks = Array.from({ length: n }, (_, i) => i);
      expect(Array.from(bucketsOfTicks(p, ticks))).toEqual(Array.from(all));
    }
  });

  it("is the backtest's regimeViterbi and the regime view's path, computed once", () => {
    const cfg = { strategy: 'as-regime' as const, regime: { model: reg.model, bucketSec: reg.bucketSec } };
    const r1 = runBacktest(m, cfg);
    const r2 = runBacktest(m, { ...cfg, gamma: 0.4 });
    expect(r2.regimeViterbi).toBe(r1.regimeViterbi);
    expect(decodeRegimes(m, m.mid, r1, { nStates: 3, seed: 1 }).tickState).toBe(r1.regimeViterbi);
  });

  it('keeps the two most recent (model, bucket) pairs per dataset', () => {
    const first = regimePath(m.time, m.mid, reg.model, 5);
    regimePath(m.time, m.mid, reg.model, 6);
    expect(regimePath(m.time, m.mid, reg.model, 5)).toBe(first);
    regimePath(m.time, m.mid, reg.model, 6);
    regimePath(m.time, m.mid, reg.model, 7); // evicts bucket 5, the least recently used
    const again = regimePath(m.time, m.mid, reg.model, 5);
    expect(again).not.toBe(first);
    expect(Array.from(again.tickState)).toEqual(Array.from(first.tickState));
  });
});
