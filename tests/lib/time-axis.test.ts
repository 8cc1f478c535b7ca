import { describe, expect, it } from 'vitest';
import { elapsedAxis, fmtClockMicros, timeLabelFormatter, timeTickFormatter, timeTicks } from '../../src/lib/time-axis';

// 2024-08-08 23:54:15 UTC
const T0 = Date.UTC(2024, 7, 8, 23, 54, 15) / 1000;

describe('time axes', () => {
  it('shows the clock within a day, and dates when the data span more than a day', () => {
    expect(timeTickFormatter(T0, T0 + 344)(T0)).toBe('23:54:15');
    const days = timeTickFormatter(T0, T0 + 3 * 86_400);
    expect(days(T0)).toBe('Aug 8 23:54');
    expect(days(T0 + 86_400 + 3600)).toBe('Aug 10 00:54');
    expect(days(Date.UTC(2024, 0, 11) / 1000)).toBe('Jan 11'); // a midnight: the day alone
    expect(timeTickFormatter(T0, T0 + 90 * 86_400)(T0)).toBe('2024-08-08');
    expect(timeLabelFormatter(T0, T0 + 3 * 86_400)(T0)).toBe('2024-08-08 23:54:15');
    expect(timeLabelFormatter(T0, T0 + 60)(T0 + 1)).toBe('23:54:16');
  });

  it('keeps seconds from the start within a day and adds the start back beyond', () => {
    const short = elapsedAxis(T0, 344.4);
    expect(short.title).toBe('time from start (s)');
    expect(short.tickFormatter(344.4)).toBe('344.4');
    const long = elapsedAxis(T0, 5 * 86_400);
    expect(long.title).toBe('time (UTC)');
    expect(long.tickFormatter(86_400)).toBe('Aug 9 23:54');
    expect(long.label(0)).toBe('2024-08-08 23:54:15');
  });
});

describe('timeTicks', () => {
  it('under 10 s of data: ticks on round fractions of a second, labelled to the millisecond', () => {
    const t0 = 1704153600.123, t1 = 1704153601.002; // 879 ms (a MetaTrader tick sample)
    const ticks = timeTicks(t0, t1);
    const fmt = timeTickFormatter(t0, t1);
    // 12-character labels: at most 4 on the axis (five at 0.2 s ran into each other on a panel-wide chart).
    expect(ticks.map(fmt)).toEqual(['00:00:00.500', '00:00:01.000']);
    // 12 ms of a Binance bookTicker: three ticks 5 ms apart, not six 2 ms apart.
    const b0 = 1723075200.003;
    expect(timeTicks(b0, b0 + 0.012).map(timeTickFormatter(b0, b0 + 0.012))).toEqual(['00:00:00.005', '00:00:00.010', '00:00:00.015']);
    for (const span of [0.0013, 0.004, 0.012, 0.05, 0.3, 0.879, 2, 4.5, 9.9]) {
      const n = timeTicks(T0, T0 + span).length;
      expect(n, `${span} s`).toBeGreaterThanOrEqual(2);
      expect(n, `${span} s`).toBeLessThanOrEqual(4);
    }
    expect(timeLabelFormatter(t0, t1)(t0)).toBe('00:00:00.123');
    expect(timeTickFormatter(t0, t0 + 30)(t0)).toBe('00:00:00'); // 10 s and more: whole seconds
  });

  it('puts ticks on round UTC times inside the span', () => {
    // 5 min 44 s from 23:54:15: one a minute, on the minute.
    const t = timeTicks(T0, T0 + 344);
    expect(t.map((x) => new Date(x * 1000).toISOString().slice(11, 19))).toEqual(['23:55:00', '23:56:00', '23:57:00', '23:58:00', '23:59:00']); // the data end at 23:59:59
    // 3 days: every 12 h, on UTC midnights and noons.
    const d = timeTicks(T0, T0 + 3 * 86_400);
    expect(d.length).toBeGreaterThanOrEqual(3);
    for (const x of d) expect(x % 43_200).toBe(0);
    for (const x of [...t, ...d]) { expect(x).toBeGreaterThanOrEqual(T0); }
    expect(timeTicks(T0, T0)).toEqual([T0]);
  });
});

describe('fmtClockMicros', () => {
  it('writes a UTC clock to the microsecond, with the date when asked', () => {
    expect(fmtClockMicros(1723161255.088169)).toBe('23:54:15.088169');
    expect(fmtClockMicros(1723161255.5, true)).toBe('2024-08-08 23:54:15.500000');
    expect(fmtClockMicros(1723161255 + 0.9999996)).toBe('23:54:15.999999'); // never rolls to .1000000
    expect(fmtClockMicros(Number.NaN)).toBe('—');
  });
});
