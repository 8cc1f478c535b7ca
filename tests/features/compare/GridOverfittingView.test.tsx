// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GridColourLegend, GridOverfittingView } from '../../../src/features/compare/GridOverfittingView';
import { gammaKappaSpec } from '../../../src/stores/grid-runner';
import { generateSyntheticMarket, gridOutOfSample, gridSearch, runBacktest, type GridResult } from '../../../src/engine';
import { describeDuration } from '../../../src/engine';

let result: GridResult;

beforeAll(() => {
  const m = generateSyntheticMarket({ seed: 4, nTicks: 2500 });
  const data = { time: m.time, bid: m.bid, ask: m.ask, tradeTime: m.tradeTime, tradePrice: m.tradePrice, tradeSize: m.tradeSize, tradeSide: m.tradeSide, truth: m.truth };
  const base = runBacktest(data, { strategy: 'as', seed: 4 }).resolved;
  result = gridSearch(data, { strategy: 'as', seed: 4 }, gammaKappaSpec(base.gamma, base.kappa, 3));
});
afterEach(cleanup);

describe('GridOverfittingView', () => {
  it('shows the engine’s DSR and PBO as percentages, with their notes', () => {
    const o = result.overfitting!;
    render(<GridOverfittingView result={result} />);
    expect(screen.getByTestId('grid-dsr')).toHaveTextContent(`${(100 * o.dsr!).toFixed(1)} %`);
    expect(screen.getByTestId('grid-pbo')).toHaveTextContent(`${(100 * o.pbo!).toFixed(1)} %`);
    expect(screen.getByTestId('grid-dsr-note')).toHaveTextContent(o.dsrNote);
    expect(screen.getByTestId('grid-pbo-note')).toHaveTextContent(o.pboNote);
  });

  it('warns when, and only when, the best cell is on the edge', () => {
    const at = (cell: number): GridResult => ({ ...result, best: { metric: 'sharpe', cell, ix: cell % 3, iy: Math.floor(cell / 3), value: 1, edges: cell === 4 ? [] : ['x-low'], onEdge: cell !== 4 } });
    render(<GridOverfittingView result={at(3)} />);
    expect(screen.getByTestId('grid-edge-warning')).toHaveTextContent('lies on the grid’s edge, at the lowest γ');
    cleanup();
    render(<GridOverfittingView result={at(4)} />);
    expect(screen.queryByTestId('grid-edge-warning')).toBeNull();
  });

  it('shows the out-of-sample Sharpe of the in-sample best cell when the grid brings it', () => {
    const m = generateSyntheticMarket({ seed: 4, nTicks: 2500 });
    const base = runBacktest(m, { strategy: 'as', seed: 4 }).resolved;
    const oos = gridOutOfSample(m, { strategy: 'as', seed: 4 }, gammaKappaSpec(base.gamma, base.kappa, 3), 0.5);
    render(<GridOverfittingView result={result} oos={oos} />);
    expect(screen.getByTestId('grid-oos')).toHaveTextContent(`per ${describeDuration(oos.bucketSec)} bucket over ${oos.outOfSample.buckets} buckets`);
    expect(screen.getByTestId('grid-oos')).toHaveTextContent(/net PnL \S+ quote ccy\.$/);
    expect(Number(screen.getByTestId('grid-oos-sharpe').textContent!.replace('\u2212', '-'))).toBeCloseTo(oos.outOfSample.sharpe, 2);
  });

  it('says why there are no figures when the grid came without bucket PnL', () => {
    render(<GridOverfittingView result={{ ...result, overfitting: null }} />);
    expect(screen.queryByTestId('grid-dsr')).toBeNull();
    expect(screen.getByText(/No overfitting figures/)).toBeInTheDocument();
  });

  it('draws a colour legend spanning ± the largest |cell|', () => {
    render(<GridColourLegend values={Float64Array.of(-2, 0.5, 1)} metricName="Sharpe" />);
    expect(screen.getByTestId('grid-legend')).toHaveTextContent('red below 0 (down to −2), green above (up to 2)');
  });
});
