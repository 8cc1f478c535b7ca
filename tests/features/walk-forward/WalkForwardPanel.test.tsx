// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WalkForwardPanel } from '../../../src/features/walk-forward/WalkForwardPanel';
import { labStore } from '../../../src/stores/lab-store';
import { generateSyntheticMarket, walkForward, type MarketData, type WalkForwardResult } from '../../../src/engine';

const num = (text: string | null) => Number((text ?? '').replace('\u2212', '-').replace(/[^0-9eE+\-.]/g, ''));

let result: WalkForwardResult;

beforeAll(() => {
  const m = generateSyntheticMarket({ seed: 7, nTicks: 6000 });
  const data: MarketData = { time: m.time, bid: m.bid, ask: m.ask, tradeTime: m.tradeTime, tradePrice: m.tradePrice, tradeSize: m.tradeSize, tradeSide: m.tradeSide };
  // What the lab worker's walkForward() returns for these settings.
  result = walkForward(data, { strategy: 'as', seed: 7, bucketSec: 5 }, { folds: 4, trainFraction: 0.5, anchored: true });
});
afterEach(() => {
  cleanup();
  act(() => labStore.setState({ walkForward: null, walkForwardStatus: 'idle', walkForwardError: null, walkForwardRunId: 0, runId: 0, series: null, summary: null }));
});

describe('WalkForwardPanel', () => {
  it('waits for a run and says so when the lab is not running', () => {
    render(<WalkForwardPanel />);
    expect(screen.getByTestId('wf-empty')).toHaveTextContent('Waiting for the run…');
    expect(screen.getByTestId('wf-run')).toBeDisabled();
    expect(screen.queryByTestId('wf-table')).toBeNull();
  });

  it('keeps folds within 2–10 and the train fraction within 0.1–0.9', () => {
    render(<WalkForwardPanel />);
    const folds = screen.getByTestId('wf-folds') as HTMLInputElement;
    fireEvent.change(folds, { target: { value: '40' } });
    expect(folds.value).toBe('10');
    fireEvent.change(folds, { target: { value: '1' } });
    expect(folds.value).toBe('2');
    const train = screen.getByTestId('wf-train') as HTMLInputElement;
    fireEvent.change(train, { target: { value: '0.95' } });
    expect(train.value).toBe('0.9');
  });

  it('shows one row per fold with its test-part figures and train-part parameters, and the pooled figures', () => {
    act(() => labStore.setState({ walkForward: result, walkForwardStatus: 'done', walkForwardRunId: 0, runId: 0 }));
    render(<WalkForwardPanel />);
    const rows = screen.getAllByTestId('wf-fold');
    expect(rows).toHaveLength(result.folds.length);
    rows.forEach((tr, i) => {
      const f = result.folds[i];
      expect(within(tr).getByRole('rowheader')).toHaveTextContent(String(i + 1));
      expect(Math.abs(num(within(tr).getByTestId('wf-fold-pnl').textContent) - f.attribution.net)).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(num(within(tr).getByTestId('wf-fold-fills').textContent)).toBe(f.metrics.fills);
      expect(within(tr).getByTestId('wf-fold-sharpe')).toHaveTextContent(`(n = ${f.metrics.sharpeStats.buckets})`);
      // Test parts follow their train parts: the test range starts where the train range ends.
      const cells = within(tr).getAllByRole('cell');
      expect(cells[0].textContent).toMatch(/^\d\d:\d\d:\d\d – \d\d:\d\d:\d\d$/);
      const gamma = num(cells[5].textContent);
      expect(Math.abs(gamma - f.resolved.gamma)).toBeLessThanOrEqual(Math.abs(f.resolved.gamma) * 5e-4);
    });
    // Anchored: every train part starts at the same first tick.
    expect(new Set(result.folds.map((f) => f.trainRange.from))).toEqual(new Set([0]));
    expect(Math.abs(num(screen.getByTestId('wf-pooled-pnl').textContent) - result.pooled.netPnl)).toBeLessThanOrEqual(0.005 + 1e-9);
    expect(screen.getByTestId('wf-pooled')).toHaveTextContent(`n = ${result.pooled.sharpe.buckets} buckets`);
    expect(num(screen.getByTestId('wf-pooled-fills').textContent)).toBe(result.pooled.fills);
    expect(screen.getByTestId('wf-table')).toHaveTextContent('anchored');
    expect(screen.queryByTestId('wf-stale')).toBeNull();
  });

  it('shows the arrival rate A only for GLFT, the one strategy whose quotes read it', () => {
    const headers = () => screen.getAllByRole('columnheader').map((h) => h.textContent);
    act(() => labStore.setState({ walkForward: result, walkForwardStatus: 'done', walkForwardRunId: 0, runId: 0 }));
    render(<WalkForwardPanel />);
    expect(headers()).toContain('γ (1/(price·asset))');
    expect(headers()).not.toContain('A (1/s)');
    cleanup();
    const glft = { ...result, folds: result.folds.map((f) => ({ ...f, resolved: { ...f.resolved, strategy: 'glft' as const } })) };
    act(() => labStore.setState({ walkForward: glft }));
    render(<WalkForwardPanel />);
    expect(headers()).toContain('A (1/s)');
  });

  it('shows no Sharpe for a test part of one bucket (no spread to divide by), and says why', () => {
    const oneBucket = { ...result, folds: result.folds.map((f, i) => (i === 0 ? { ...f, metrics: { ...f.metrics, sharpeStats: { sharpe: 0, buckets: 1, ci: null, loSe: null } } } : f)) };
    act(() => labStore.setState({ walkForward: oneBucket, walkForwardStatus: 'done' }));
    render(<WalkForwardPanel />);
    expect(screen.getAllByTestId('wf-fold-sharpe')[0]).toHaveTextContent(/^— \(n = 1\)$/);
    expect(screen.getByTestId('wf-few-buckets')).toBeInTheDocument();
  });

  it('marks a result from an earlier run’s settings, and shows the error of a failed walk-forward', () => {
    act(() => labStore.setState({ walkForward: result, walkForwardStatus: 'error', walkForwardError: 'options.folds: fewer folds', walkForwardRunId: 1, runId: 2 }));
    render(<WalkForwardPanel />);
    expect(screen.getByTestId('wf-stale')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('options.folds: fewer folds');
  });
});
