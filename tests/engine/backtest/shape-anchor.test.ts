import { describe, expect, it } from 'vitest';
import { generateSyntheticMarket, runBacktest } from '../../../src/engine';
import { keptShapes } from '../../../src/engine/backtest/shape-anchor';

/** The longest typed array reachable from `roots` through plain objects and arrays (not through functions), to `depth` levels. */
function longestArray(roots: readonly object[], depth: number): number {
  let longest = 0;
  const seen = new Set<object>();
  const visit = (v: unknown, d: number): void => {
    if (v === null || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (ArrayBuffer.isView(v)) { longest = Math.max(longest, (v as Float64Array).length); return; }
    if (d === 0) return;
    for (const child of Object.values(v)) visit(child, d - 1);
  };
  for (const r of roots) visit(r, depth);
  return longest;
}

describe('shape anchor (the last run\'s loop objects kept between runs)', () => {
  it('keeps the loop state, fill desk, account, risk log and models of the last run, without its columns', () => {
    const n = 20_000;
    const data = generateSyntheticMarket({ seed: 3, nTicks: n });
    const r = runBacktest(data, { strategy: 'as-kalman' });
    expect(r.fills.time.length).toBeGreaterThan(100); // the run filled: its account grew fill columns
    const run = keptShapes('run');
    const loop = keptShapes('event-loop');
    expect(run).toHaveLength(6);
    expect(loop).toHaveLength(1);
    // Nothing kept reaches an n-length output column or the run's fill columns (the account keeps 16-slot
    // placeholders; the loop state its 34 state and 20 run numbers, its columns empty).
    expect(longestArray([...run, ...loop], 4)).toBeLessThan(100);
    const desk = run[0] as { strategy: { id: string }; acc: unknown };
    expect(desk.acc).toBe(run[1]);
    // The run's strategy holds the fair-value column in its closure (no walk sees it): the desk lets go of it.
    expect(r.strategy).toBe('as-kalman');
    expect(desk.strategy.id).not.toBe('as-kalman');
    expect(r.fills.time.length).toBeGreaterThan(100); // the result's own fills are untouched
  });

  it('replaces the kept objects at the next run', () => {
    const data = generateSyntheticMarket({ seed: 4, nTicks: 5_000 });
    runBacktest(data, { strategy: 'symmetric' });
    const first = keptShapes('run');
    runBacktest(data, { strategy: 'glft' });
    const second = keptShapes('run');
    expect(second[0]).not.toBe(first[0]);
  });
});
