// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SpreadCalculator } from '../../../src/features/spread-calculator/SpreadCalculator';
import { paramsStore } from '../../../src/stores/params-store';
import { computeCalculator } from '../../../src/stores/calculator-derived';
import { fmtBps } from '../../../src/features/spread-calculator/format';

beforeAll(() => {
  // The charts observe their width (components/ui/charts/use-width); jsdom has no layout, so give it the API.
  globalThis.ResizeObserver ??= class { observe() {} unobserve() {} disconnect() {} } as unknown as typeof ResizeObserver;
});
afterEach(() => { cleanup(); act(() => paramsStore.getState().reset()); });

describe('SpreadCalculator', () => {
  it('shows the engine numbers for the store parameters', () => {
    render(<SpreadCalculator />);
    const r = computeCalculator(paramsStore.getState().params);
    expect(screen.getByTestId('out-half-spread')).toHaveTextContent(fmtBps(r.halfSpreadBps));
    expect(screen.getByTestId('out-full-spread')).toHaveTextContent(fmtBps(r.fullSpreadBps));
  });

  it('updates outputs when a number is typed, and labels every control', () => {
    render(<SpreadCalculator />);
    const q = screen.getByLabelText('Inventory (q) in asset');
    fireEvent.change(q, { target: { value: '5' } });
    expect(paramsStore.getState().params.q).toBe(5);
    const r = computeCalculator(paramsStore.getState().params);
    expect(r.skewBps).toBeLessThan(0);
    expect(screen.getByTestId('out-skew')).toHaveTextContent(fmtBps(r.skewBps));
    for (const input of screen.getAllByRole('slider')) expect(input).toHaveAccessibleName();
  });

  it('clamps a typed value on Enter and shows the note', () => {
    render(<SpreadCalculator />);
    const box = screen.getByLabelText('Order-book decay (κ) in 1/price');
    fireEvent.change(box, { target: { value: '-3' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(paramsStore.getState().params.kappa).toBe(0.001);
    expect(within(screen.getByTestId('field-kappa')).getByRole('status')).toHaveTextContent('clamped to 0.001');
  });

  it('switches to GLFT and shows A instead of T − t', () => {
    render(<SpreadCalculator />);
    fireEvent.click(screen.getByLabelText('GLFT (infinite horizon)'));
    expect(screen.getByTestId('field-A')).toBeInTheDocument();
    expect(screen.queryByTestId('field-hoursToClose')).toBeNull();
    expect(screen.getByTestId('formulas')).toHaveTextContent('Guéant (2017)');
  });
});
