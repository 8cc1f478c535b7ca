import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration, formatTime } from '../../../src/features/data-upload/format';

describe('data panel formatting', () => {
  it('formats durations across units', () => {
    expect(formatDuration(0.00005)).toBe('50 µs');
    expect(formatDuration(0.0125)).toBe('12.5 ms');
    expect(formatDuration(4.2)).toBe('4.2 s');
    expect(formatDuration(3599.6)).toBe('1 h'); // carried, never "59 min 60 s"
    expect(formatDuration(119.7)).toBe('2 min');
    expect(formatDuration(365)).toBe('6 min 5 s');
    expect(formatDuration(2 * 86400 + 4 * 3600)).toBe('2 days 4 h');
    expect(formatDuration(NaN)).toBe('—');
    expect(formatDuration(0)).toBe('0 s');
  });
  it('formats bytes and UTC times', () => {
    expect(formatBytes(45_000_000)).toBe('45.0 MB');
    expect(formatBytes(1500)).toBe('1.5 kB');
    expect(formatTime(1723161255.088)).toBe('2024-08-08 23:54:15.088 UTC');
  });
});
