import { describe, expect, it } from 'vitest';
import { equityCsv, equityLines, rankBySharpe } from '../../../src/features/compare/compare-rows';
import type { CompareRow } from '../../../src/workers/lab-api';
import type { StrategyId } from '../../../src/engine';

function row(strategy: StrategyId, sharpe: number, net: number, time: number[]): CompareRow {
  return {
    strategy,
    metrics: { sharpe } as CompareRow['metrics'],
    attribution: { net } as CompareRow['attribution'],
    pnl: { time: Float64Array.from(time), pnl: Float64Array.from(time, (t) => t * net) },
  };
}

describe('compare rows', () => {
  const rows = [row('symmetric', 0.5, 1, [10, 11]), row('as', Number.NaN, 9, [12, 13, 14]), row('glft', 2, 3, [10, 12]), row('skew', 0.5, 4, [11])];

  it('ranks by Sharpe, NaN last, ties by net PnL, without touching the input', () => {
    expect(rankBySharpe(rows).map((r) => r.strategy)).toEqual(['glft', 'skew', 'symmetric', 'as']);
    expect(rows.map((r) => r.strategy)).toEqual(['symmetric', 'as', 'glft', 'skew']);
  });

  it('puts every curve on one clock starting at the earliest point', () => {
    const lines = equityLines(rows);
    expect(Array.from(lines[1].x)).toEqual([2, 3, 4]);
    expect([lines[0].x[0], lines[0].pnl[0]]).toEqual([0, 10]);
    expect(lines[1].pnl).toBe(rows[1].pnl.pnl); // the engine's values, not a copy
  });

  it('exports every curve in long form with its rank', () => {
    const csv = equityCsv(rankBySharpe(rows));
    expect(Array.from(csv.rank)).toEqual([1, 1, 2, 3, 3, 4, 4, 4]);
    expect(Array.from(csv.time)).toEqual([10, 12, 11, 10, 11, 12, 13, 14]);
    expect(csv.pnl[7]).toBe(14 * 9);
  });
});
