import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DRAW_GAP_MS, drawSlot, pendingDraws, whenDrawsIdle } from '../../../src/components/ui/draw-queue';

beforeEach(() => { vi.useFakeTimers(); });
afterEach(() => { vi.runAllTimers(); vi.useRealTimers(); });

describe('draw queue', () => {
  it('draws one slot per macrotask, in request order, a gap apart', () => {
    const log: string[] = [];
    const [a, b, c] = ['a', 'b', 'c'].map((k) => drawSlot(() => log.push(k)));
    c.request(); a.request(); b.request();
    expect(pendingDraws()).toBe(3);
    vi.advanceTimersByTime(0);
    expect(log).toEqual(['c']);
    vi.advanceTimersByTime(DRAW_GAP_MS - 1);
    expect(log).toEqual(['c']);
    vi.advanceTimersByTime(1);
    expect(log).toEqual(['c', 'a']);
    vi.advanceTimersByTime(DRAW_GAP_MS);
    expect(log).toEqual(['c', 'a', 'b']);
  });

  it('keeps one place per slot however often it asks, and a cancelled slot costs no turn', () => {
    const log: string[] = [];
    const a = drawSlot(() => log.push('a'));
    const b = drawSlot(() => log.push('b'));
    const c = drawSlot(() => log.push('c'));
    for (let i = 0; i < 50; i++) { a.request(); b.request(); } // e.g. a replay moving at 60 Hz
    c.request();
    b.cancel();
    expect(pendingDraws()).toBe(2);
    vi.advanceTimersByTime(0);
    vi.advanceTimersByTime(DRAW_GAP_MS);
    expect(log).toEqual(['a', 'c']); // c did not wait behind 49 stale turns of a and b
    a.request(); // after its draw a may ask again
    vi.advanceTimersByTime(DRAW_GAP_MS);
    expect(log).toEqual(['a', 'c', 'a']);
  });

  it('resolves whenDrawsIdle after the last draw, at once when idle', async () => {
    await expect(whenDrawsIdle()).resolves.toBeUndefined();
    const log: number[] = [];
    drawSlot(() => log.push(1)).request();
    drawSlot(() => log.push(2)).request();
    let idle = false;
    void whenDrawsIdle().then(() => { idle = true; });
    await vi.advanceTimersByTimeAsync(0);
    expect(idle).toBe(false);
    await vi.advanceTimersByTimeAsync(2 * DRAW_GAP_MS);
    expect(log).toEqual([1, 2]);
    expect(idle).toBe(true);
  });
});
