// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { whenDrawsSettled } from '../../../src/components/ui/draw-queue';
import { InventoryPanel } from '../../../src/features/inventory/InventoryPanel';
import { labStore } from '../../../src/stores/lab-store';
import { generateSyntheticMarket, runBacktest, type MarketData } from '../../../src/engine';
import { buildSeriesView, buildSummaryView, buyAndHoldOf, type RunSeriesView, type RunSummaryView } from '../../../src/engine/views';

function views(data: MarketData, config: Parameters<typeof runBacktest>[1]): { series: RunSeriesView; summary: RunSummaryView } {
  const r = runBacktest(data, config);
  return { series: buildSeriesView(r, r.time.length, buyAndHoldOf(r)), summary: buildSummaryView(r, { bid: data.bid!, ask: data.ask! }) };
}

let leaning: { series: RunSeriesView; summary: RunSummaryView };
let flat: { series: RunSeriesView; summary: RunSummaryView };

beforeAll(() => {
  globalThis.ResizeObserver ??= class { observe() {} unobserve() {} disconnect() {} } as unknown as typeof ResizeObserver;
  const m = generateSyntheticMarket({ seed: 4, nTicks: 6000 });
  leaning = views({ time: m.time, bid: m.bid, ask: m.ask, tradeTime: m.tradeTime, tradePrice: m.tradePrice, tradeSize: m.tradeSize, tradeSide: m.tradeSide }, { strategy: 'as', seed: 4 });
  // The shipped USD-M quotes (one-tick spreads of 0.1 at ≈ 61 800): the lean is rounded away.
  const text = gunzipSync(readFileSync(join(process.cwd(), 'public/samples/usdm-btcusdt-2024-08-08-bookticker.csv.gz'))).toString('utf8');
  const rows = text.trim().split('\n').slice(1).map((l) => l.split(','));
  flat = views({ time: Float64Array.from(rows, (r) => Number(r[0]) / 1e9), bid: Float64Array.from(rows, (r) => Number(r[4])), ask: Float64Array.from(rows, (r) => Number(r[6])) }, { strategy: 'as-kalman', fill: { model: 'quote-cross' } });
});
afterEach(() => { cleanup(); act(() => labStore.setState({ series: null, summary: null, status: 'idle', stale: false, replay: 1 })); });

describe('the quote-centre skew chart draws the engine’s skew per inventory bin', () => {
  it('waits for the summary while a run streams its series', async () => {
    act(() => labStore.setState({ series: leaning.series, summary: null, status: 'running' }));
    render(<InventoryPanel />);
    await act(() => whenDrawsSettled());
    expect(screen.getByTestId('skew-pending')).toHaveTextContent('Drawn when the run finishes…');
  });

  it('a leaning strategy: the chart is drawn and the note gives the at-touch share only', async () => {
    act(() => labStore.setState({ ...leaning, status: 'done' }));
    render(<InventoryPanel />);
    await act(() => whenDrawsSettled());
    expect(screen.getByTestId('chart-skew').querySelector('.mmc')).not.toBeNull();
    const note = screen.getByTestId('skew-note').textContent ?? '';
    expect(note).toMatch(/^Both quotes at the market's best bid and ask on \d+\.\d % of the ticks quoted on both sides\.$/);
    const pct = Number(/on (\d+\.\d) %/.exec(note)![1]);
    expect(pct).toBeCloseTo(100 * leaning.summary.quoteSkew.atTouchShare, 1);
  });

  it('quotes that never lean say why the chart is flat: the tick grid, in bps of mid', async () => {
    act(() => labStore.setState({ ...flat, status: 'done' }));
    render(<InventoryPanel />);
    await act(() => whenDrawsSettled());
    expect(screen.getByTestId('skew-note')).toHaveTextContent(/^The quote centre stayed at the mid at every inventory level: on the tick grid \(0\.1 = 0\.016 bps of mid\) the inventory lean never moved a quote to another price level\. Both quotes at/);
  });
});
