// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ComparePanel } from '../../../src/features/compare/ComparePanel';
import { labStore } from '../../../src/stores/lab-store';
import { generateSyntheticMarket, runBacktest, STRATEGY_IDS, type MarketData } from '../../../src/engine';
import { buildSeriesView, buyAndHoldOf } from '../../../src/engine/views';
import type { CompareRow } from '../../../src/workers/lab-api';
import { LAB_STRATEGIES } from '../../../src/stores/lab-settings';

const num = (text: string | null) => Number((text ?? '').replace('\u2212', '-').replace(/[^0-9eE+\-.]/g, ''));
/** A shown number equals the row's to its displayed precision: `rel` of it, or `abs` (amounts in quote ccy show two decimals). */
const PNL = { rel: 0, abs: 0.005 };
function expectNear(text: string | null, value: number, { rel = 5e-4, abs = 0 } = {}) {
  expect(Math.abs(num(text) - value)).toBeLessThanOrEqual(Math.abs(value) * rel + abs);
}

let rows: CompareRow[];

beforeAll(() => {
  globalThis.ResizeObserver ??= class { observe() {} unobserve() {} disconnect() {} } as unknown as typeof ResizeObserver;
  const m = generateSyntheticMarket({ seed: 21, nTicks: 4000 });
  const data: MarketData = { time: m.time, bid: m.bid, ask: m.ask, tradeTime: m.tradeTime, tradePrice: m.tradePrice, tradeSize: m.tradeSize, tradeSide: m.tradeSide, truth: m.truth };
  // What the lab worker's compare() does: every strategy on the same data and seed.
  rows = STRATEGY_IDS.map((strategy) => {
    const r = runBacktest(data, { strategy, seed: 21 });
    const s = buildSeriesView(r, r.time.length, buyAndHoldOf(r));
    return { strategy, metrics: r.metrics, attribution: r.attribution, pnl: { time: s.pnl.time, pnl: s.pnl.pnl } };
  });
});
afterEach(() => { cleanup(); act(() => labStore.setState({ compareRows: null, compareStatus: 'idle', compareError: null, series: null, summary: null })); });

describe('ComparePanel', () => {
  it('waits for a run, offers the compare button, and says so when the lab is not running', () => {
    render(<ComparePanel />);
    expect(screen.getByTestId('compare-empty')).toHaveTextContent('Waiting for the run…');
    expect(screen.queryByTestId('compare-table')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Compare strategies' }));
    expect(screen.getByText(/The lab is not running yet/)).toBeInTheDocument();
    // The grid needs a finished run to centre on.
    expect(screen.getByTestId('grid-run')).toBeDisabled();
  });

  it('shows a status and disables the button while the comparison runs', () => {
    act(() => labStore.setState({ compareStatus: 'running' }));
    render(<ComparePanel />);
    expect(screen.getByTestId('compare-status')).toHaveTextContent('Running every strategy');
    expect(screen.getByRole('button', { name: 'Compare strategies' })).toBeDisabled();
  });

  it('ranks every strategy by net PnL (the engine’s rankByNetPnl), best first, with its figures', () => {
    act(() => labStore.setState({ compareRows: rows, compareStatus: 'done' }));
    render(<ComparePanel />);
    const body = within(screen.getByTestId('compare-table')).getAllByRole('row').slice(1);
    expect(body).toHaveLength(STRATEGY_IDS.length);
    const shownOrder = body.map((tr) => tr.getAttribute('data-strategy'));
    expect([...shownOrder].sort()).toEqual([...STRATEGY_IDS].sort());
    // The engine's order is not the ranking, so the table really sorted.
    expect(shownOrder).not.toEqual(rows.map((r) => r.strategy));
    const netOf = (id: string | null) => rows.find((r) => r.strategy === id)!.metrics.totalPnl;
    for (let i = 1; i < shownOrder.length; i++) {
      const a = netOf(shownOrder[i - 1]), b = netOf(shownOrder[i]);
      if (!Number.isNaN(b)) expect(a).toBeGreaterThanOrEqual(b);
    }
    body.forEach((tr, i) => {
      const r = rows.find((x) => x.strategy === shownOrder[i])!;
      const cells = within(tr).getAllByRole('cell');
      expect(cells[0]).toHaveTextContent(String(i + 1));
      expect(within(tr).getByRole('rowheader')).toHaveTextContent(LAB_STRATEGIES.find((s) => s.id === r.strategy)!.label);
      expectNear(cells[1].textContent, r.attribution.net, PNL);
      // Sharpe per bucket, with the number of buckets it rests on.
      expect(cells[2]).toHaveTextContent(`(n = ${r.metrics.sharpeStats.buckets}`);
      if (Number.isFinite(r.metrics.sharpeStats.sharpe)) expectNear((cells[2].textContent ?? '').split(' (')[0], r.metrics.sharpeStats.sharpe, { rel: 5e-3 }); // ratios: 3 significant digits
      expectNear(cells[3].textContent, r.metrics.maxDrawdown, PNL);
      expect(num(cells[4].textContent)).toBe(r.metrics.fills);
      // The fill rate in the PnL card's unit: per cent of quotes sent that filled.
      expect(cells[5].textContent).toMatch(/ %$/);
      expectNear(cells[5].textContent, 100 * r.metrics.fillRate, { abs: 0.005 });
      expectNear(cells[6].textContent, r.attribution.spreadCapture, PNL);
      expectNear(cells[7].textContent, r.attribution.adverseSelection, PNL);
    });
    expect(screen.getByTestId('compare-equity-chart')).toBeInTheDocument();
  });

  it('shows the error of a failed comparison', () => {
    act(() => labStore.setState({ compareStatus: 'error', compareError: 'No dataset is loaded' }));
    render(<ComparePanel />);
    expect(screen.getByRole('alert')).toHaveTextContent('No dataset is loaded');
  });
});
