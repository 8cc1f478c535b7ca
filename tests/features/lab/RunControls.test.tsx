// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RunControls } from '../../../src/features/lab/RunControls';
import { labStore } from '../../../src/stores/lab-store';
import { DEFAULT_LAB, QUEUE_POWER_SPEC } from '../../../src/stores/lab-settings';
import { parseUrlState, serializeUrlState } from '../../../src/stores/url-state';
import { DEFAULT_PARAMS } from '../../../src/stores/calculator-params';
import { buildFillsView, generateSyntheticMarket, runBacktest, type FillsView, type MarketData } from '../../../src/engine';
import { buildSummaryView } from '../../../src/engine/views';

let view: FillsView;
let data: MarketData;

beforeAll(() => {
  const m = generateSyntheticMarket({ seed: 7, nTicks: 2000 });
  data = { time: m.time, bid: m.bid, ask: m.ask, tradeTime: m.tradeTime, tradePrice: m.tradePrice, tradeSize: m.tradeSize, tradeSide: m.tradeSide };
  const r = runBacktest(data, { strategy: 'symmetric' });
  view = { ...buildFillsView(r, 0, 10), applicable: ['trade-through', 'quote-cross', 'poisson', 'queue'] };
});
afterEach(() => { cleanup(); act(() => { labStore.setState({ fills: null, summary: null, queuePowerNote: undefined }); labStore.getState().replaceSettings(DEFAULT_LAB); }); });

describe('RunControls: fill model, queue model and queue power', () => {
  it('choosing a fill model sets it in the lab settings (the next run uses it); auto clears it', () => {
    act(() => labStore.setState({ fills: view }));
    render(<RunControls />);
    const select = screen.getByTestId('fill-model-select');
    expect(within(select).getAllByRole('option').map((o) => o.getAttribute('value'))).toEqual(['', ...view.applicable!]);
    expect(within(select).getAllByRole('option')[0]).toHaveTextContent(`auto (from the data: ${view.fillModel})`);
    fireEvent.change(select, { target: { value: 'quote-cross' } });
    expect(labStore.getState().settings.fillModel).toBe('quote-cross');
    expect(screen.queryByTestId('queue-model-select')).toBeNull();
    fireEvent.change(select, { target: { value: '' } });
    expect(labStore.getState().settings.fillModel).toBeUndefined();
  });

  it("'queue' shows the queue model; 'power' shows a slider for its n that sets fill.queuePower and rides in the link as fp", () => {
    act(() => labStore.setState({ fills: view }));
    render(<RunControls />);
    fireEvent.change(screen.getByTestId('fill-model-select'), { target: { value: 'queue' } });
    expect(screen.queryByTestId('lab-queuePower')).toBeNull(); // risk-averse has no n
    fireEvent.change(screen.getByTestId('queue-model-select'), { target: { value: 'power' } });
    expect(labStore.getState().settings.queueModel).toBe('power');
    const field = screen.getByTestId('lab-queuePower');
    const slider = within(field).getByRole('slider');
    expect(slider).toHaveAccessibleName(/Queue power.*n/);
    fireEvent.change(slider, { target: { value: '3' } });
    expect(labStore.getState().settings.queuePower).toBe(3);
    expect(slider).toHaveAttribute('aria-valuetext', '3 exponent');
    const query = serializeUrlState(DEFAULT_PARAMS, {}, labStore.getState().settings);
    expect(query).toContain('fm=queue');
    expect(query).toContain('fq=power');
    expect(query).toContain(`${QUEUE_POWER_SPEC.urlKey}=3`);
    expect(parseUrlState(`?${query}`).lab.queuePower).toBe(3);
  });

  it('a typed n out of range is clamped into the spec with a note naming it; Back to default unsets it', () => {
    act(() => { labStore.setState({ fills: view }); labStore.getState().setFillModel('queue', 'power'); });
    render(<RunControls />);
    const box = within(screen.getByTestId('lab-queuePower')).getByRole('spinbutton');
    fireEvent.change(box, { target: { value: '50' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(labStore.getState().settings.queuePower).toBe(QUEUE_POWER_SPEC.max);
    expect(screen.getByTestId('lab-queuePower')).toHaveTextContent(`Queue power (n) = 50 is out of range; clamped to ${QUEUE_POWER_SPEC.max}`);
    fireEvent.click(screen.getByRole('button', { name: 'Back to default' }));
    expect(labStore.getState().settings.queuePower).toBeUndefined();
  });
});

describe('RunControls: values the last run resolved', () => {
  it("an 'auto' control shows the run's value in the control's units (σ in %/yr), and says so when the value is outside the control's range", () => {
    // Order size 0.01 on a ~100 price: the engine's inventory limit is 10 orders = 0.1 asset, inside Q's range (fractional sizes are normal: 0.16 BTC).
    const r = runBacktest(data, { strategy: 'as', orderSize: 0.01 });
    expect(r.resolved.maxInventory).toBeCloseTo(0.1, 12);
    act(() => { labStore.getState().setStrategy('as'); labStore.setState({ summary: buildSummaryView(r) }); });
    const { unmount } = render(<RunControls />);
    const q = within(screen.getByTestId('lab-maxInventory')).getByRole('spinbutton') as HTMLInputElement;
    expect(Number(q.value)).toBeCloseTo(0.1, 12);
    expect(screen.getByTestId('lab-maxInventory')).not.toHaveTextContent('outside this control');
    unmount();
    // Order size 1e-8: Q = 10 orders = 1e-7 asset, below the control's range (from 1e-6): said so.
    const tiny = runBacktest(data, { strategy: 'as', orderSize: 1e-8 });
    act(() => { labStore.setState({ summary: buildSummaryView(tiny) }); });
    render(<RunControls />);
    expect(screen.getByTestId('lab-maxInventory')).toHaveTextContent(/The last run used Q = .+ asset, outside this control's range/);
    const sigma = within(screen.getByTestId('lab-sigmaAnnualPct')).getByRole('spinbutton') as HTMLInputElement;
    // Not the range start (0.1 %/yr): the run's σ per √s at its reference mid, a year of seconds, as a percentage.
    expect(Number(sigma.value)).toBeGreaterThan(1);
    expect(screen.getByTestId('lab-gamma')).not.toHaveTextContent('outside this control');
  });
});

describe('RunControls before any run on the data', () => {
  it("an 'auto' control with no run to read shows an empty box saying auto, not its range start as if it were a value", () => {
    act(() => { labStore.getState().setStrategy('as'); labStore.setState({ summary: null }); });
    render(<RunControls />);
    const box = within(screen.getByTestId('lab-gamma')).getByRole('spinbutton') as HTMLInputElement;
    expect(box.value).toBe('');
    expect(box.placeholder).toBe('auto');
    expect(within(screen.getByTestId('lab-gamma')).getByRole('slider')).toHaveAttribute('aria-valuetext', 'auto: set by the next run');
    // A parameter with a default still shows it.
    expect((within(screen.getByTestId('lab-horizonSec')).getByRole('spinbutton') as HTMLInputElement).value).toBe('60');
  });
});
