// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FillsPanel } from '../../../src/features/fills/FillsPanel';
import { labStore } from '../../../src/stores/lab-store';
import { buildFillsView, fillModelBand, generateSyntheticMarket, runBacktest, type FillsView, type MarketData } from '../../../src/engine';
import { buildIntensityByRegimeView, buildIntensityView } from '../../../src/engine/views';

let data: MarketData;
let view: FillsView;

beforeAll(() => {
  globalThis.ResizeObserver ??= class { observe() {} unobserve() {} disconnect() {} } as unknown as typeof ResizeObserver;
  const m = generateSyntheticMarket({ seed: 7, nTicks: 3000 });
  data = { time: m.time, bid: m.bid, ask: m.ask, tradeTime: m.tradeTime, tradePrice: m.tradePrice, tradeSize: m.tradeSize, tradeSide: m.tradeSide };
  const r = runBacktest(data, { strategy: 'symmetric' });
  view = { ...buildFillsView(r, 0, 200), applicable: ['trade-through', 'quote-cross', 'poisson'] };
});
afterEach(() => { cleanup(); act(() => { labStore.setState({ fills: null, modelBand: null, intensity: null, intensityByRegime: null, intensityByRegimeError: null }); }); });

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

  it('a run without fills: says so instead of an empty markout chart and a header-only blotter', () => {
    const quiet = runBacktest(data, { strategy: 'symmetric', warmupTicks: data.time.length - 1 });
    const none = { ...buildFillsView(quiet, 0, 200), applicable: ['trade-through'] };
    expect(none.total).toBe(0);
    act(() => labStore.setState({ fills: none }));
    render(<FillsPanel />);
    expect(screen.getByTestId('no-fills')).toHaveTextContent('No fills in this run');
    expect(screen.queryByTestId('markout-chart')).toBeNull();
    expect(screen.queryByTestId('blotter')).toBeNull();
    expect(screen.getByText(/^0 fills\./)).toBeInTheDocument();
    expect(screen.getByTestId('model-band')).toBeInTheDocument(); // other fill models may still fill
  });

  it('names a bar as what filled a quote under the bar model, and writes counts with separators', () => {
    const close = Float64Array.from({ length: 40 }, (_, i) => 100 + Math.sin(i / 3));
    const bars = { time: Float64Array.from(close, (_, i) => 60 * (i + 1)), close, high: close.map((c) => c + 0.3), low: close.map((c) => c - 0.3) };
    const r = runBacktest(bars, { strategy: 'symmetric', halfSpreadBps: 10, warmupTicks: 0 });
    act(() => labStore.setState({ fills: { ...buildFillsView(r, 0, 5), applicable: ['bar'] } }));
    render(<FillsPanel />);
    const rows = within(screen.getByTestId('blotter')).getAllByRole('row');
    expect(rows[1]).toHaveTextContent(/bar #\d+$/);
    expect(screen.getByTestId('blotter')).toHaveTextContent(`Fills 1–5 of ${r.fills.side.length.toLocaleString('en-US')}`);
  });

  it('shows the model in use without a second choice of it (the choice is in the run controls)', () => {
    act(() => labStore.setState({ fills: view }));
    render(<FillsPanel />);
    expect(screen.queryByTestId('fill-model-select')).toBeNull();
  });

  it('shows the band across fill models', () => {
    const band = fillModelBand(data, { strategy: 'symmetric' });
    act(() => labStore.setState({ fills: view, modelBand: band }));
    render(<FillsPanel />);
    const table = within(screen.getByTestId('model-band')).getByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(1 + band.rows.length);
    expect(table).toHaveTextContent('quote-cross');
    expect(band.notes).toEqual([]); // no queue variants on data without displayed sizes
    expect(screen.queryByTestId('model-band-note')).toBeNull();
  });

  it('says the range of net PnL across several fill models, and that there is none to show under one', () => {
    const band = fillModelBand(data, { strategy: 'symmetric' });
    act(() => labStore.setState({ fills: view, modelBand: band }));
    render(<FillsPanel />);
    expect(screen.getByTestId('band-range')).toHaveTextContent(new RegExp(`across ${band.rows.length} fill assumptions\\.$`));
    cleanup();
    // Quotes only: quote-cross is the one model that applies.
    const quotesOnly = fillModelBand({ time: data.time, bid: data.bid, ask: data.ask }, { strategy: 'symmetric' });
    expect(quotesOnly.rows.map((r) => r.model)).toEqual(['quote-cross']);
    act(() => labStore.setState({ fills: view, modelBand: quotesOnly }));
    render(<FillsPanel />);
    expect(screen.getByTestId('band-range')).toHaveTextContent(/^Net PnL [−-]?[\d,.]+ quote ccy under the one fill model that applies to these data: no spread of assumptions to show\.$/);
  });

  it("shows the band's notes under it", () => {
    const band = fillModelBand(data, { strategy: 'symmetric' });
    const note = 'The 5 queue variants booked the same fills.';
    act(() => labStore.setState({ fills: view, modelBand: { ...band, notes: [note] } }));
    render(<FillsPanel />);
    expect(screen.getByTestId('model-band-note')).toHaveTextContent(note);
  });

  it('shows λ(δ) with its fits, fit range sliders and warnings when drawn', () => {
    const mid = Float64Array.from(data.bid!, (b, i) => (b + data.ask![i]) / 2);
    const curve = buildIntensityView(data, mid, { maxDepth: 10, bootstrap: 50 });
    act(() => labStore.setState({ fills: view, intensity: curve }));
    render(<FillsPanel />);
    expect(screen.getByTestId('intensity-chart')).toBeInTheDocument();
    expect(screen.getByTestId('intensity')).toHaveTextContent(`${curve.nTrades.toLocaleString('en-US')} trades`);
    expect(screen.getByTestId('intensity-warnings')).toHaveTextContent('deepest trade'); // maxDepth 10 reaches past every print
    // The fit range as two sliders in price units over [0, deepest trade], their values the range drawn.
    const lo = within(screen.getByTestId('intensity-min-depth')).getByRole('slider');
    const hi = within(screen.getByTestId('intensity-max-depth')).getByRole('slider');
    expect(hi).toHaveAccessibleName(/Fit to depth.*price units/);
    expect(hi).toHaveAttribute('max', String(curve.deepestTrade));
    expect(lo).toHaveAttribute('aria-valuetext', '0 price units');
    expect(Number(hi.getAttribute('value'))).toBe(curve.deepestTrade); // 10 is past the deepest trade: shown at the end
    // An end at or below the start is refused on the spot (nothing redrawn), with the reason.
    fireEvent.change(hi, { target: { value: '0' } });
    expect(screen.getByRole('alert')).toHaveTextContent('The fit range needs its end (0) above its start (0)');
  });

  it('λ(δ) per regime: a row per regime with the regime names, a chosen regime drawn with its own warnings', () => {
    const mid = Float64Array.from(data.bid!, (b, i) => (b + data.ask![i]) / 2);
    const curve = buildIntensityView(data, mid, { bootstrap: 0 });
    const r = runBacktest(data, { strategy: 'symmetric' });
    const byRegime = buildIntensityByRegimeView(data, mid, r, { nStates: 2, seed: 1 }, { bootstrap: 0 });
    act(() => labStore.setState({ fills: view, intensity: curve, intensityByRegime: byRegime }));
    render(<FillsPanel />);
    const table = screen.getByTestId('intensity-regimes');
    expect(within(table).getAllByRole('row')).toHaveLength(1 + byRegime.rows.length);
    for (const row of byRegime.rows) expect(table).toHaveTextContent(row.label);
    const drawn = byRegime.rows.find((x) => x.curve !== null)!;
    fireEvent.change(screen.getByTestId('intensity-regime'), { target: { value: String(drawn.state) } });
    expect(screen.getByTestId('intensity-chart')).toHaveAccessibleName(new RegExp(`in regime ${drawn.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    expect(screen.getByTestId('intensity')).toHaveTextContent(`${drawn.curve!.nTrades.toLocaleString('en-US')} trades`);
    if (drawn.curve!.warnings.length > 0) expect(screen.getByTestId('intensity-regime-warnings')).toHaveTextContent(drawn.curve!.warnings[0]);
  });

  it('flags a regime whose fit is poor or missing', () => {
    const mid = Float64Array.from(data.bid!, (b, i) => (b + data.ask![i]) / 2);
    const curve = buildIntensityView(data, mid, { bootstrap: 0 });
    const good = buildIntensityByRegimeView(data, mid, null, { nStates: 2, seed: 1 }, { bootstrap: 0 });
    // The same view with one regime's curve replaced by the engine's refusal, as for a regime with too few trades.
    const bad = { ...good, rows: good.rows.map((x, k) => (k === 0 ? { ...x, curve: null, error: 'trades: expected at least 10 trades with a prevailing mid to draw λ(δ), got 3' } : x)) };
    act(() => labStore.setState({ fills: view, intensity: curve, intensityByRegime: bad }));
    render(<FillsPanel />);
    expect(screen.getByTestId('intensity-regime-flags')).toHaveTextContent(`Doubtful per-regime fits: ${bad.rows[0].label}`);
    expect(screen.getByTestId('intensity-regimes')).toHaveTextContent('no curve: trades: expected at least 10 trades');
  });
});
