// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FillsPanel } from '../../../src/features/fills/FillsPanel';
import { labStore } from '../../../src/stores/lab-store';
import { buildFillsView, fillModelBand, generateSyntheticMarket, intensityCurve, runBacktest, type FillsView, type MarketData } from '../../../src/engine';

let data: MarketData;
let view: FillsView;

beforeAll(() => {
  globalThis.ResizeObserver ??= class { observe() {} unobserve() {} disconnect() {} } as unknown as typeof ResizeObserver;
  const m = generateSyntheticMarket({ seed: 7, nTicks: 3000 });
  data = { time: m.time, bid: m.bid, ask: m.ask, tradeTime: m.tradeTime, tradePrice: m.tradePrice, tradeSize: m.tradeSize, tradeSide: m.tradeSide };
  const r = runBacktest(data, { strategy: 'symmetric' });
  view = { ...buildFillsView(r, 0, 200), applicable: ['trade-through', 'quote-cross', 'poisson'] };
});
afterEach(() => { cleanup(); act(() => { labStore.setState({ fills: null, modelBand: null, intensity: null }); labStore.getState().setFillModel(undefined, undefined); }); });

describe('FillsPanel', () => {
  it('waits for a run', () => {
    render(<FillsPanel />);
    expect(screen.getByText('Waiting for the run…')).toBeInTheDocument();
  });

  it('shows the model in use with its reason, the notes, the markouts and a page of the blotter', () => {
    act(() => labStore.setState({ fills: view }));
    render(<FillsPanel />);
    expect(screen.getByTestId('fill-model-reason')).toHaveTextContent(`trade-through: ${view.fillModelReason}`);
    expect(view.fillModelReason).toMatch(/^default: the data has \d+ trades/);
    expect(screen.getByTestId('markout-chart')).toBeInTheDocument();
    const rows = within(screen.getByTestId('blotter')).getAllByRole('row');
    expect(rows).toHaveLength(1 + Math.min(200, view.total)); // header + one page
    expect(screen.getByTestId('blotter')).toHaveTextContent(`Fills 1–${Math.min(200, view.total)} of ${view.total}`);
  });

  it('choosing a fill model sets it in the lab settings (the next run uses it)', () => {
    act(() => labStore.setState({ fills: view }));
    render(<FillsPanel />);
    fireEvent.change(screen.getByTestId('fill-model-select'), { target: { value: 'quote-cross' } });
    expect(labStore.getState().settings.fillModel).toBe('quote-cross');
    fireEvent.change(screen.getByTestId('fill-model-select'), { target: { value: '' } });
    expect(labStore.getState().settings.fillModel).toBeUndefined();
  });

  it('shows the band across fill models', () => {
    const band = fillModelBand(data, { strategy: 'symmetric' });
    act(() => labStore.setState({ fills: view, modelBand: band }));
    render(<FillsPanel />);
    const table = within(screen.getByTestId('model-band')).getByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(1 + band.rows.length);
    expect(table).toHaveTextContent('quote-cross');
  });

  it('shows λ(δ) with its fits, fit range and warnings when drawn', () => {
    const mid = Float64Array.from(data.bid!, (b, i) => (b + data.ask![i]) / 2);
    const curve = intensityCurve({ tradeTime: data.tradeTime!, tradePrice: data.tradePrice!, quoteTime: data.time, mid }, { maxDepth: 10, bootstrap: 50 });
    act(() => labStore.setState({ fills: view, intensity: curve }));
    render(<FillsPanel />);
    expect(screen.getByTestId('intensity-chart')).toBeInTheDocument();
    expect(screen.getByTestId('intensity')).toHaveTextContent(`${curve.nTrades} trades`);
    expect(screen.getByTestId('intensity-warnings')).toHaveTextContent('deepest trade'); // maxDepth 10 reaches past every print
  });
});
