import { describe, expect, it } from 'vitest';
import { elapsedX } from '../../../../src/components/ui/charts/elapsed-axis';

describe('elapsedX', () => {
  it('gives seconds from the first point over the whole span, round second ticks and the t = … s label', () => {
    const t0 = 1_723_161_255.25;
    const x = elapsedX([t0, t0 + 0.5, t0 + 30, t0 + 118.75]);
    expect(Array.from(x.secs)).toEqual([0, 0.5, 30, 118.75]);
    expect(x.axis.domain).toEqual([0, 118.75]);
    expect(x.axis.title).toBe('time from start (s)');
    expect(x.axis.ticks[0]).toBe(0);
    for (const t of x.axis.ticks) expect(Number.isInteger(t)).toBe(true);
    expect(x.tip(30)).toBe('t = 30 s');
  });
  it('writes UTC times on round ticks beyond a day', () => {
    const t0 = Date.UTC(2024, 7, 8, 23, 54, 15) / 1000;
    const x = elapsedX([t0, t0 + 3 * 86_400]);
    expect(x.axis.title).toBe('time (UTC)');
    // Each tick is a UTC midnight or round hour, as seconds from the start.
    for (const t of x.axis.ticks) expect((t0 + t) % 3600).toBe(0);
    expect(x.tip(0)).toBe('2024-08-08 23:54:15');
  });
  it('has an empty axis for no points', () => {
    const x = elapsedX([]);
    expect(x.secs.length).toBe(0);
    expect(x.axis.domain).toEqual([0, 0]);
  });
});
