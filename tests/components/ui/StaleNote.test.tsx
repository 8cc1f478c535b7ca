// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { pendingChartNote, pendingSubtitle, StaleNote } from '../../../src/components/ui/StaleNote';

afterEach(cleanup);

describe('StaleNote', () => {
  it('says why the figures are not current after a failed or cancelled run', () => {
    const { rerender } = render(<StaleNote status="error" stale />);
    expect(screen.getByTestId('panel-stale')).toHaveTextContent(/^The last run failed: .*not the current data and settings\.$/);
    rerender(<StaleNote status="cancelled" stale />);
    expect(screen.getByTestId('panel-stale')).toHaveTextContent(/^The last run was cancelled: /);
  });

  it('shows nothing when the figures are current, and nothing while a run is going (its partials replace them)', () => {
    const { rerender } = render(<StaleNote status="error" stale={false} />);
    expect(screen.queryByTestId('panel-stale')).toBeNull();
    rerender(<StaleNote status="running" stale />);
    expect(screen.queryByTestId('panel-stale')).toBeNull();
    rerender(<StaleNote status="done" stale={false} />);
    expect(screen.queryByTestId('panel-stale')).toBeNull();
  });

  it('says partial only while a run is going; otherwise why a panel has no figures', () => {
    expect(pendingSubtitle('running')).toBe('Partial results — the run is still going.');
    expect(pendingSubtitle('error')).toMatch(/^No figures: the last run failed/);
    expect(pendingSubtitle('cancelled')).toBe('No figures: the last run was cancelled.');
    expect(pendingSubtitle('idle')).toBe('No figures yet: no run has finished on this data.');
  });

  it('tells a summary chart\'s state: drawn at the end of a run, not drawn after a failed or cancelled one, waiting before any', () => {
    expect(pendingChartNote('running')).toBe('Drawn when the run finishes…');
    expect(pendingChartNote('error')).toBe('Not drawn: the last run failed.');
    expect(pendingChartNote('cancelled')).toBe('Not drawn: the last run was cancelled.');
    expect(pendingChartNote('idle')).toBe('Waiting for the run…');
  });
});
