import { describe, expect, it } from 'vitest';
import { replayValueText } from '../../../src/features/lab/use-replay';

// 2024-08-08 23:54:15 UTC
const T0 = Date.UTC(2024, 7, 8, 23, 54, 15) / 1000;

describe('replayValueText', () => {
  it('names the share of the run and the time at the cursor', () => {
    expect(replayValueText(1, [T0, T0 + 100])).toBe('whole run');
    expect(replayValueText(0.4, [T0, T0 + 100])).toBe('40 % of the run, at 23:54:55 UTC');
    expect(replayValueText(0, [T0, T0 + 100])).toBe('0 % of the run, at 23:54:15 UTC');
    expect(replayValueText(0.5, null)).toBe('50 % of the run');
  });

  it('adds the date when the data span more than a day', () => {
    expect(replayValueText(0.5, [T0, T0 + 2 * 86_400])).toBe('50 % of the run, at 2024-08-09 23:54:15 UTC');
  });
});
