// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GridHeatmapView } from '../../../src/features/compare/GridHeatmapView';
import { bestCell, cellColour } from '../../../src/features/compare/heatmap';
import { gammaKappaSpec, logAround } from '../../../src/stores/grid-runner';
import { generateSyntheticMarket, gridSearch, runBacktest, type GridResult } from '../../../src/engine';

const num = (text: string | null) => Number((text ?? '').replace('\u2212', '-').replace(/[^0-9eE+\-.]/g, ''));

let result: GridResult;

beforeAll(() => {
  const m = generateSyntheticMarket({ seed: 4, nTicks: 2500 });
  const data = { time: m.time, bid: m.bid, ask: m.ask, tradeTime: m.tradeTime, tradePrice: m.tradePrice, tradeSize: m.tradeSize, tradeSide: m.tradeSide, truth: m.truth };
  const base = runBacktest(data, { strategy: 'as-kalman', seed: 4 }).resolved;
  result = gridSearch(data, { strategy: 'as-kalman', seed: 4 }, gammaKappaSpec(base.gamma, base.kappa, 3));
});
afterEach(cleanup);

describe('GridHeatmapView', () => {
  it('shows one cell per (γ, κ) with the engine’s Sharpe per overfitting bucket, and stars the engine’s best cell', () => {
    render(<GridHeatmapView result={result} strategy="as-kalman" />);
    const table = screen.getByTestId('grid-heatmap');
    const cells = table.querySelectorAll('td[data-cell]');
    expect(cells).toHaveLength(9);
    for (const td of cells) {
      const c = Number(td.getAttribute('data-cell'));
      const v = result.overfitting!.cellSharpes[c];
      if (Number.isFinite(v)) expect(Math.abs(num((td.textContent ?? '').replace('(best)', '')) - v)).toBeLessThanOrEqual(Math.abs(v) * 5e-3);
    }
    const starred = table.querySelectorAll('td[data-best="true"]');
    expect(starred).toHaveLength(1);
    const best = Number(starred[0].getAttribute('data-cell'));
    expect(best).toBe(result.overfitting!.best.cell);
    const sr = result.overfitting!.cellSharpes;
    for (let c = 0; c < sr.length; c++) if (Number.isFinite(sr[c])) expect(sr[best]).toBeGreaterThanOrEqual(sr[c]);
    expect(screen.getByTestId('grid-legend')).toBeInTheDocument();
    expect(starred[0]).toHaveTextContent('★ (best)');
  });

  it('puts the largest κ in the top row and γ increasing left to right', () => {
    render(<GridHeatmapView result={result} strategy="as-kalman" />);
    const rows = within(screen.getByTestId('grid-heatmap')).getAllByRole('row').slice(1);
    const kappas = rows.map((r) => num(within(r).getByRole('rowheader').textContent));
    expect(kappas).toEqual([...kappas].sort((a, b) => b - a));
    const firstRowCells = [...rows[0].querySelectorAll('td[data-cell]')].map((td) => Number(td.getAttribute('data-cell')));
    expect(firstRowCells).toEqual([6, 7, 8]); // iy = 2 (largest κ), ix = 0..2
  });
});

describe('heatmap helpers', () => {
  it('picks the largest finite value and skips NaN', () => {
    expect(bestCell([1, Number.NaN, 3, 2])).toBe(2);
    expect(bestCell([-5, -1, Number.NaN])).toBe(1);
    expect(bestCell([Number.NaN])).toBe(-1);
  });

  it('colours gains green, losses red, unknowns grey, stronger with size', () => {
    expect(cellColour(1, 2)).toMatch(/^rgba\(30, 135, 75/);
    expect(cellColour(-1, 2)).toMatch(/^rgba\(184, 50, 39/);
    expect(cellColour(Number.NaN, 2)).toBe('#e5e8ec');
    const alpha = (s: string) => Number(s.slice(s.lastIndexOf(',') + 1, -1));
    expect(alpha(cellColour(2, 2))).toBeGreaterThan(alpha(cellColour(0.5, 2)));
  });

  it('spaces grid values log-evenly from centre/10 to centre·10', () => {
    const v = logAround(0.2, 5);
    expect(v[0]).toBeCloseTo(0.02, 12);
    expect(v[2]).toBeCloseTo(0.2, 12);
    expect(v[4]).toBeCloseTo(2, 12);
    for (let i = 1; i < 5; i++) expect(v[i] / v[i - 1]).toBeCloseTo(Math.sqrt(10), 3);
    expect(() => logAround(0, 5)).toThrow(/positive/);
    const spec = gammaKappaSpec(0.1, 50, 3);
    expect(spec.x.param).toBe('gamma');
    expect(spec.y.param).toBe('kappa');
    expect(spec.y.values).toHaveLength(3);
  });
});
