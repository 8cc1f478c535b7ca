// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { whenDrawsSettled } from '../../../src/components/ui/draw-queue';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PnlPanel } from '../../../src/features/pnl/PnlPanel';
import { InventoryPanel } from '../../../src/features/inventory/InventoryPanel';
import { labStore } from '../../../src/stores/lab-store';
import { generateSyntheticMarket, runBacktest } from '../../../src/engine';
import { buildSeriesView, buildSummaryView, buyAndHoldOf, type RunSeriesView, type RunSummaryView } from '../../../src/engine/views';

let series: RunSeriesView;
let summary: RunSummaryView;

beforeAll(() => {
  globalThis.ResizeObserver ??= class { observe() {} unobserve() {} disconnect() {} } as unknown as typeof ResizeObserver;
  const m = generateSyntheticMarket({ seed: 4, nTicks: 4000 });
  const r = runBacktest({ time: m.time, bid: m.bid, ask: m.ask, tradeTime: m.tradeTime, tradePrice: m.tradePrice, tradeSize: m.tradeSize, tradeSide: m.tradeSide }, { strategy: 'as', seed: 4 });
  series = buildSeriesView(r, r.time.length, buyAndHoldOf(r));
  summary = buildSummaryView(r);
});
afterEach(() => { cleanup(); act(() => labStore.setState({ series: null, summary: null, status: 'idle', stale: false, replay: 1 })); });

describe('charts drawn from the run summary, when the last run left none', () => {
  it('say the run failed, not that they wait for it, while the series of an earlier run are still drawn', async () => {
    act(() => labStore.setState({ series, summary: null, status: 'error', stale: true }));
    render(<><PnlPanel /><InventoryPanel /></>);
    await act(() => whenDrawsSettled()); // charts draw through the page's draw queue
    expect(screen.getAllByTestId('panel-stale').length).toBe(2); // both panels say their series are an earlier run's
    for (const id of ['attribution-pending', 'histogram-pending', 'inventory-hist-pending', 'skew-pending']) expect(screen.getByTestId(id)).toHaveTextContent('Not drawn: the last run failed.');
    expect(screen.queryByText('Waiting for the run…')).toBeNull();
  });

  it('say they come at the end while a run is going, and draw once the summary is there', async () => {
    act(() => labStore.setState({ series, summary: null, status: 'running' }));
    const { rerender } = render(<><PnlPanel /><InventoryPanel /></>);
    await act(() => whenDrawsSettled());
    expect(screen.getByTestId('attribution-pending')).toHaveTextContent('Drawn when the run finishes…');
    act(() => labStore.setState({ summary, status: 'done', stale: false }));
    rerender(<><PnlPanel /><InventoryPanel /></>);
    await act(() => whenDrawsSettled());
    for (const id of ['attribution-pending', 'histogram-pending', 'inventory-hist-pending']) expect(screen.queryByTestId(id)).toBeNull();
    for (const id of ['chart-attribution', 'chart-histogram', 'chart-inventory-hist']) expect(screen.getByTestId(id).querySelector('.mmc')).not.toBeNull(); // the charts themselves
  });
});
