// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { KalmanPanel } from '../../../src/features/kalman/KalmanPanel';
import { labStore } from '../../../src/stores/lab-store';
import { generateSyntheticMarket, isWhiteAt, runBacktest, type MarketData } from '../../../src/engine';
import { buildKalmanView, buildSeriesView, type KalmanView, buyAndHoldOf } from '../../../src/engine/views';
import { fmtNum } from '../../../src/lib/format';

/** The number shown in an element, minus sign and unit text tolerated. */
function shown(id: string): number {
  const text = screen.getByTestId(id).textContent ?? '';
  return Number(text.replace('\u2212', '-').replace(/[^0-9eE+\-.]/g, ''));
}

/** Displayed to 4 significant digits: equal to the view's number within half a unit of the 4th digit. */
function expectShown(id: string, value: number) {
  const got = shown(id);
  expect(Math.abs(got - value)).toBeLessThanOrEqual(Math.abs(value) * 5e-4 + 1e-300);
}

let data: MarketData;
let view: KalmanView;

beforeAll(() => {
  globalThis.ResizeObserver ??= class { observe() {} unobserve() {} disconnect() {} } as unknown as typeof ResizeObserver;
  const m = generateSyntheticMarket({ seed: 7, nTicks: 4000 });
  data = { time: m.time, bid: m.bid, ask: m.ask, tradeTime: m.tradeTime, tradePrice: m.tradePrice, tradeSize: m.tradeSize, tradeSide: m.tradeSide, truth: m.truth };
  const r = runBacktest(data, { strategy: 'as-kalman', seed: 7 });
  const series = buildSeriesView(r, r.time.length, buyAndHoldOf(r));
  view = buildKalmanView(data, r.mid, {});
  labStore.setState({ series });
});
afterEach(() => { cleanup(); act(() => { labStore.setState({ kalman: null, status: 'idle', replay: 1 }); labStore.getState().setKalman(null); }); });

describe('KalmanPanel', () => {
  it('says it is waiting while there is no Kalman view', () => {
    render(<KalmanPanel />);
    expect(screen.getByTestId('kalman-waiting')).toHaveTextContent('Waiting for the run…');
    expect(screen.queryByTestId('kalman-kinf')).toBeNull();
  });

  it('shows the fitted q, r, K∞, RMSE and smoothing ratio of the view', () => {
    act(() => labStore.setState({ kalman: view }));
    render(<KalmanPanel />);
    expect(screen.getByRole('region', { name: 'Kalman filter' })).toBeInTheDocument();
    expectShown('kalman-kinf', view.steadyStateGain);
    expect(view.steadyStateGain).toBeGreaterThan(0);
    expect(view.steadyStateGain).toBeLessThan(1);
    expectShown('kalman-q', view.q);
    expectShown('kalman-r', view.r);
    expectShown('kalman-rmse', view.rmseFilteredVsRaw);
    expectShown('kalman-smoothing', view.smoothingRatio);
    expectShown('kalman-lb-q', view.ljungBoxQ);
  });

  it('shows the Ljung-Box p-value with the verdict against 0.05', () => {
    act(() => labStore.setState({ kalman: view }));
    render(<KalmanPanel />);
    expectShown('kalman-lb-p', view.ljungBoxP);
    expect(screen.getByTestId('kalman-lb-verdict')).toHaveTextContent(view.ljungBoxP >= 0.05 ? /^white/ : /^not white/);
  });

  it("shows the engine's verdict as the p-value crosses 0.05", () => {
    for (const p of [0.049, 0.051]) {
      act(() => labStore.setState({ kalman: { ...view, ljungBoxP: p, white: isWhiteAt(p) } }));
      render(<KalmanPanel />);
      expect(screen.getByTestId('kalman-lb-verdict')).toHaveTextContent(p < 0.05 ? /^not white/ : /^white/);
      cleanup();
    }
  });

  it('shows the OU fit, or the reason it failed', () => {
    act(() => labStore.setState({ kalman: view }));
    render(<KalmanPanel />);
    if (view.ou) {
      expectShown('kalman-ou-kappa', view.ou.kappa);
      expectShown('kalman-ou-halflife', view.ou.halfLife);
      expectShown('kalman-ou-mu', view.ou.mu);
      expectShown('kalman-ou-sigma', view.ou.sigma);
      expect(view.ou.halfLife).toBeCloseTo(Math.LN2 / view.ou.kappa, 6);
    }
    cleanup();
    // The engine's caveat (a random walk not rejected) above the OU cards, when it has one.
    const caveat = 'No evidence of mean reversion: a Dickey–Fuller test on the same regression does not reject a random walk.';
    act(() => labStore.setState({ kalman: { ...view, ouNote: caveat } }));
    render(<KalmanPanel />);
    expect(screen.getByTestId('kalman-ou-note')).toHaveTextContent(caveat);
    cleanup();
    act(() => labStore.setState({ kalman: { ...view, ou: null, ouError: 'x must vary' } }));
    render(<KalmanPanel />);
    expect(screen.getByTestId('kalman-ou-error')).toHaveTextContent('x must vary');
    expect(screen.queryByTestId('kalman-ou-kappa')).toBeNull();
  });

  it('renders the four titled charts, each with PNG export', () => {
    act(() => labStore.setState({ kalman: view }));
    render(<KalmanPanel />);
    for (const id of ['kalman-mid-chart', 'kalman-gain-chart', 'kalman-innovation-chart', 'kalman-acf-chart']) expect(screen.getByTestId(id)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Export Raw vs filtered mid (price) as PNG' })).toBeInTheDocument();
    expect(screen.getByTestId('kalman-acf-chart')).toHaveTextContent(`lags 1–${view.lags}`);
  });

  it('switches q and r to "by hand", starting from the shown values, and back to fitted', () => {
    act(() => labStore.setState({ kalman: view }));
    render(<KalmanPanel />);
    expect(screen.getByTestId('kalman-mode-fit')).toBeChecked();
    expect(screen.queryByTestId('kalman-param-q')).toBeNull();
    fireEvent.click(screen.getByTestId('kalman-mode-hand'));
    expect(labStore.getState().settings.kalman).toEqual({ q: view.q, r: view.r });
    const qBox = within(screen.getByTestId('kalman-param-q')).getByRole('spinbutton');
    expect(qBox).toHaveAccessibleName('State noise (q) in price²/tick');
    fireEvent.change(qBox, { target: { value: '0.0025' } });
    fireEvent.keyDown(qBox, { key: 'Enter' });
    expect(labStore.getState().settings.kalman).toEqual({ q: 0.0025, r: view.r });
    fireEvent.click(screen.getByTestId('kalman-mode-fit'));
    expect(labStore.getState().settings.kalman).toBeNull();
  });

  it('refuses an invalid typed value with a message naming the field, keeping the settings', () => {
    act(() => { labStore.setState({ kalman: view }); labStore.getState().setKalman({ q: 0.001, r: 0.04 }); });
    render(<KalmanPanel />);
    const before = labStore.getState().settings;
    const rBox = within(screen.getByTestId('kalman-param-r')).getByRole('spinbutton');
    for (const typed of ['-3', 'abc', '0']) {
      fireEvent.change(rBox, { target: { value: typed } });
      fireEvent.keyDown(rBox, { key: 'Enter' });
      expect(screen.getByRole('alert')).toHaveTextContent(/^Kalman observation noise r: expected a positive number from 1e-12 to 1e12 \(price units² per tick\), got .*; kept 0\.04\.$/);
      expect(rBox).toHaveAttribute('aria-invalid', 'true');
      expect(labStore.getState().settings).toBe(before);
      expect(rBox).toHaveValue(0.04);
    }
    fireEvent.change(rBox, { target: { value: '0.05' } });
    fireEvent.keyDown(rBox, { key: 'Enter' });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(labStore.getState().settings.kalman).toEqual({ q: 0.001, r: 0.05 });
  });

  it('says where q and r come from, and the cards show the hand-set filter', () => {
    const hand = buildKalmanView(data, midOf(data), { q: 1e-3, r: 4e-2 });
    act(() => labStore.setState({ kalman: hand }));
    render(<KalmanPanel />);
    expect(hand.byHand).toBe(true);
    expectShown('kalman-q', 1e-3);
    expectShown('kalman-r', 4e-2);
    expectShown('kalman-kinf', hand.steadyStateGain);
    expect(hand.steadyStateGain).not.toBeCloseTo(view.steadyStateGain, 3);
    expect(screen.getByTestId('kalman-source')).toHaveTextContent(/^q and r set by hand/);
    cleanup();
    act(() => labStore.setState({ kalman: view }));
    render(<KalmanPanel />);
    expect(screen.getByTestId('kalman-source')).toHaveTextContent(/^q and r fitted by maximum likelihood/);
  });

  it('follows the replay cursor: reads out the filter at the cursor, none when the whole run is shown', () => {
    act(() => labStore.setState({ kalman: view, replay: 1 }));
    render(<KalmanPanel />);
    expect(screen.queryByTestId('kalman-at-cursor')).toBeNull();
    cleanup();
    for (const replay of [0.25, 0.6]) {
      act(() => labStore.setState({ kalman: view, replay }));
      render(<KalmanPanel />);
      // The last downsampled point at or before the cursor, a share of the time span.
      const cut = view.time[0] + replay * (view.time[view.time.length - 1] - view.time[0]);
      let k = 0;
      while (k + 1 < view.time.length && view.time[k + 1] <= cut) k++;
      const text = screen.getByTestId('kalman-at-cursor').textContent ?? '';
      expect(text).toContain(`t = ${fmtNum(view.time[k] - view.time[0])} s`);
      expect(text).toContain(`raw mid ${fmtNum(view.raw[k])}, filtered ${fmtNum(view.filtered[k])}, gain K ${fmtNum(view.gain[k])}, innovation ${fmtNum(view.innovation[k])}`);
      cleanup();
    }
  });
});

function midOf(d: MarketData): Float64Array {
  return Float64Array.from(d.time, (_, i) => (d.bid![i] + d.ask![i]) / 2);
}
