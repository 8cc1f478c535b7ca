// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StagedMount } from '../../../src/components/ui/StagedMount';

beforeEach(() => { vi.useFakeTimers(); });
afterEach(() => { cleanup(); vi.runAllTimers(); vi.useRealTimers(); });

function Three({ v }: { v: number }) {
  return (
    <>
      {[0, 1, 2].map((k) => (
        <StagedMount key={k} version={v} height={10}><span>{`chart ${k} v${v}`}</span></StagedMount>
      ))}
    </>
  );
}

describe('StagedMount', () => {
  it('draws one chart per macrotask, placeholders until then', () => {
    render(<Three v={1} />);
    expect(screen.getAllByText('Drawing…')).toHaveLength(3);
    act(() => { vi.advanceTimersByTime(0); });
    expect(screen.getByText('chart 0 v1')).toBeInTheDocument();
    expect(screen.getAllByText('Drawing…')).toHaveLength(2);
    act(() => { vi.advanceTimersByTime(16); });
    expect(screen.getByText('chart 1 v1')).toBeInTheDocument();
    expect(screen.getAllByText('Drawing…')).toHaveLength(1);
    act(() => { vi.advanceTimersByTime(16); });
    expect(screen.queryByText('Drawing…')).toBeNull();
  });

  it('keeps the previous drawing until the new version’s turn comes', () => {
    const { rerender } = render(<Three v={1} />);
    act(() => { vi.advanceTimersByTime(100); });
    rerender(<Three v={2} />);
    expect(screen.getByText('chart 2 v1')).toBeInTheDocument();
    expect(screen.queryByText('Drawing…')).toBeNull();
    act(() => { vi.advanceTimersByTime(0); });
    expect(screen.getByText('chart 0 v2')).toBeInTheDocument();
    expect(screen.getByText('chart 2 v1')).toBeInTheDocument();
    act(() => { vi.advanceTimersByTime(100); });
    expect(screen.getByText('chart 2 v2')).toBeInTheDocument();
  });

  it('drops the turn of a chart that unmounts before it is drawn', () => {
    const { unmount } = render(<Three v={1} />);
    unmount();
    expect(() => act(() => { vi.advanceTimersByTime(100); })).not.toThrow();
  });

  it('draws a chart updated many times while waiting once, with its newest data', () => {
    const { rerender } = render(<Three v={1} />);
    act(() => { vi.advanceTimersByTime(100); });
    for (let v = 2; v <= 40; v++) rerender(<Three v={v} />);
    act(() => { vi.advanceTimersByTime(0); });
    expect(screen.getByText('chart 0 v40')).toBeInTheDocument();
    act(() => { vi.advanceTimersByTime(16); });
    expect(screen.getByText('chart 1 v40')).toBeInTheDocument();
    act(() => { vi.advanceTimersByTime(16); });
    expect(screen.getByText('chart 2 v40')).toBeInTheDocument(); // 3 turns, not 3 × 39
  });
});
