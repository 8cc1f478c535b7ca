// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChartWarmUp } from '../../../src/components/ui/ChartWarmUp';
import { pendingDraws } from '../../../src/components/ui/draw-queue';

beforeAll(() => { globalThis.ResizeObserver ??= class { observe() {} unobserve() {} disconnect() {} } as unknown as typeof ResizeObserver; });
beforeEach(() => { vi.useFakeTimers(); });
afterEach(() => { cleanup(); vi.runAllTimers(); vi.useRealTimers(); });

describe('ChartWarmUp', () => {
  it('draws its throw-away charts off screen, one per draw-queue turn, hidden from assistive tech, then leaves', () => {
    const { container } = render(<ChartWarmUp />);
    expect(container.innerHTML).toBe('');
    let steps = 0;
    for (let i = 0; i < 20 && pendingDraws() > 0; i++) {
      act(() => { vi.advanceTimersByTime(16); });
      const box = container.firstElementChild as HTMLElement | null;
      if (box) {
        steps++;
        expect(box.getAttribute('aria-hidden')).toBe('true');
        expect(box.style.position).toBe('fixed');
        expect(parseInt(box.style.left, 10)).toBeLessThan(-1000);
        expect(box.querySelector('.recharts-wrapper')).not.toBeNull();
      }
    }
    act(() => { vi.advanceTimersByTime(100); });
    expect(steps).toBeGreaterThan(3);
    expect(container.innerHTML).toBe(''); // gone once warmed up
    expect(pendingDraws()).toBe(0);
  });
});
