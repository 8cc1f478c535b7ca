// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RegimePanel } from '../../../src/features/regimes/RegimePanel';
import { labStore } from '../../../src/stores/lab-store';
import { generateSyntheticMarket, runBacktest, type BacktestResult, type MarketData } from '../../../src/engine';
import { buildRegimeView, buildSeriesView, buildSummaryView, type RegimeView, buyAndHoldOf } from '../../../src/engine/views';
import { fmtDuration, fmtNum } from '../../../src/lib/format';

const num = (text: string | null) => Number((text ?? '').replace('\u2212', '-').replace(/[^0-9eE+\-.]/g, ''));
/** A shown number equals the view's to its displayed precision (4 significant digits, or 0.1 % points). */
function expectNear(text: string | null, value: number, absTol = 0) {
  expect(Math.abs(num(text) - value)).toBeLessThanOrEqual(Math.abs(value) * 5e-4 + absTol);
}

let data: MarketData;
let result: BacktestResult;
let view: RegimeView;

beforeAll(() => {
  globalThis.ResizeObserver ??= class { observe() {} unobserve() {} disconnect() {} } as unknown as typeof ResizeObserver;
  const m = generateSyntheticMarket({ seed: 11, nTicks: 4000 });
  data = { time: m.time, bid: m.bid, ask: m.ask, tradeTime: m.tradeTime, tradePrice: m.tradePrice, tradeSize: m.tradeSize, tradeSide: m.tradeSide, truth: m.truth };
  result = runBacktest(data, { strategy: 'as-regime', seed: 11, regime: { nStates: 3 } });
  view = buildRegimeView(data, result.mid, result, { nStates: 3, seed: 11 });
});
afterEach(() => { cleanup(); act(() => labStore.setState({ regimes: null, series: null, summary: null, status: 'idle', replay: 1 })); });

describe('RegimePanel', () => {
  it('says it is waiting while there is no regime view', () => {
    render(<RegimePanel />);
    expect(screen.getByTestId('regimes-waiting')).toHaveTextContent('Waiting for the run…');
    expect(screen.queryByTestId('regime-table')).toBeNull();
  });

  it('shows one table row per regime with the view’s statistics', () => {
    act(() => labStore.setState({ regimes: view, series: buildSeriesView(result, result.time.length, buyAndHoldOf(result)), summary: buildSummaryView(result) }));
    render(<RegimePanel />);
    expect(screen.getByTestId('regime-k')).toHaveTextContent('3');
    // PnL shares are the backtest's, per regime label.
    const shareOf = (label: string) => result.regimeShares.find((s) => s.label === label)?.pnlShare ?? Number.NaN;
    // Fills per tick while the strategy was in the regime of that label, counted from the backtest.
    const fillRateOf = (label: string) => {
      const j = result.regimeShares.find((s) => s.label === label)!.regime;
      let ticks = 0, fills = 0;
      for (let i = 0; i < result.regime.length; i++) if (result.regime[i] === j) ticks++;
      for (let f = 0; f < result.fills.index.length; f++) if (result.regime[result.fills.index[f]] === j) fills++;
      return fills / ticks;
    };
    expect(result.fills.index.length).toBeGreaterThan(0);
    const body = within(screen.getByTestId('regime-table')).getAllByRole('row').slice(1);
    expect(body).toHaveLength(3);
    view.rows.forEach((r, i) => {
      const cells = within(body[i]).getAllByRole('cell');
      expect(within(body[i]).getByRole('rowheader')).toHaveTextContent(r.label);
      expectNear(cells[0].textContent, r.timeShare * 100, 0.05);
      expectNear(cells[1].textContent, r.sigmaPerSqrtSec);
      expectNear(cells[2].textContent, r.kappa);
      // κ is the one the strategy quoted with in that state; the trade-fitted κ sits in the last column.
      expect(r.kappa).toBe(result.regimeKappaByState![r.state]);
      if (Number.isFinite(r.kappaTrades)) expectNear(cells[7].textContent, r.kappaTrades);
      else expect(cells[7]).toHaveTextContent('—');
      expectNear(cells[3].textContent, r.halfSpreadBps, 0.005); // bps: two decimals (fmtBps)
      expectNear(cells[4].textContent, fillRateOf(r.label));
      // In words ("40 min 20 s", "1 day 23 h"), the seconds in its title.
      expect(cells[5]).toHaveTextContent(fmtDuration(r.expectedDurationSec));
      expectNear(cells[5].getAttribute('title'), r.expectedDurationSec);
      const share = shareOf(r.label);
      if (Number.isFinite(share)) expectNear(cells[6].textContent, share * 100, 0.05);
      else expect(cells[6]).toHaveTextContent('—');
    });
    // Shares of time over the regimes add up to the whole run.
    const total = view.rows.reduce((s, r) => s + r.timeShare, 0);
    expect(total).toBeCloseTo(1, 9);
    // The regime strategy books its PnL to regimes, so the PnL-share chart is drawn, not the note.
    expect(screen.queryByTestId('regime-pnl-none')).toBeNull();
    for (const id of ['regime-price-chart', 'regime-posterior-chart', 'regime-delta-chart', 'regime-pnl-chart', 'regime-spread-chart']) expect(screen.getByTestId(id)).toBeInTheDocument();
  });

  it('matches PnL shares by label when the display model has another K than the strategy', () => {
    const v5 = buildRegimeView(data, result.mid, result, { nStates: 5, seed: 11 });
    act(() => labStore.setState({ regimes: v5, summary: buildSummaryView(result) }));
    render(<RegimePanel />);
    const body = within(screen.getByTestId('regime-table')).getAllByRole('row').slice(1);
    expect(body).toHaveLength(5);
    const strategyLabels = new Set(result.regimeShares.map((s) => s.label));
    v5.rows.forEach((r, i) => {
      const cell = within(body[i]).getAllByRole('cell')[6];
      const mine = result.regimeShares.find((s) => s.label === r.label);
      if (mine && Number.isFinite(mine.pnlShare)) expectNear(cell.textContent, mine.pnlShare * 100, 0.05);
      else expect(cell).toHaveTextContent('—');
    });
    // K = 5 adds labels (High-vol, Low-vol) the 3-state strategy never reports.
    expect(v5.rows.some((r) => !strategyLabels.has(r.label))).toBe(true);
  });

  it('shows K and as many rows as the chosen number of states', () => {
    for (const K of [2, 4]) {
      const v = buildRegimeView(data, result.mid, null, { nStates: K, seed: 11 });
      act(() => labStore.setState({ regimes: v }));
      render(<RegimePanel />);
      expect(screen.getByTestId('regime-k')).toHaveTextContent(String(K));
      expect(within(screen.getByTestId('regime-table')).getAllByRole('row')).toHaveLength(K + 1);
      // Without a backtest there is no PnL or fill rate by regime: the panel says so instead of showing zeros.
      expect(screen.getByTestId('regime-pnl-none')).toBeInTheDocument();
      for (const tr of within(screen.getByTestId('regime-table')).getAllByRole('row').slice(1)) {
        const cells = within(tr).getAllByRole('cell');
        expect(cells[4]).toHaveTextContent('—');
        expect(cells[6]).toHaveTextContent('—');
      }
      cleanup();
    }
  });

  it('follows the replay cursor: reads out the Viterbi regime, its posterior and the strategy regime at the cursor', () => {
    const series = buildSeriesView(result, result.time.length, buyAndHoldOf(result));
    act(() => labStore.setState({ regimes: view, series, summary: buildSummaryView(result), replay: 1 }));
    render(<RegimePanel />);
    expect(screen.queryByTestId('regime-at-cursor')).toBeNull();
    cleanup();
    const K = view.nStates;
    for (const replay of [0.3, 0.8]) {
      act(() => labStore.setState({ replay }));
      render(<RegimePanel />);
      const cut = view.time[0] + replay * (view.time[view.time.length - 1] - view.time[0]);
      let k = 0;
      while (k + 1 < view.time.length && view.time[k + 1] <= cut) k++;
      const s = view.state[k];
      const label = view.rows.find((r) => r.state === s)!.label;
      const text = screen.getByTestId('regime-at-cursor').textContent ?? '';
      expect(text).toContain(`t = ${fmtNum(view.time[k] - view.time[0])} s: Viterbi regime ${label} (posterior ${fmtNum(view.post[k * K + s])})`);
      // The strategy's own causal regime at the last series point before the cursor.
      const p = series.price;
      const cutS = p.time[0] + replay * (p.time[p.time.length - 1] - p.time[0]);
      let j = 0;
      while (j + 1 < p.time.length && p.time[j + 1] <= cutS) j++;
      expect(text).toContain(`the strategy quoted in its ${result.regimeLabels[p.regime[j]]} regime`);
      cleanup();
    }
  });
});
