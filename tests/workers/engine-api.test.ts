import { describe, expect, it } from 'vitest';
import { engineApi } from '../../src/workers/engine-api';

describe('engine worker api', () => {
  it('returns a sweep only after the page has taken its final progress report', async () => {
    const events: string[] = [];
    const values = Float64Array.from({ length: 70_000 }, (_, i) => (i % 21) - 10);
    await engineApi.sweepQuotes({ model: 'as', base: { mid: 100, q: 0, gamma: 0.1, sigma: 2, kappa: 1.5, tau: 0.5, A: 140 }, axis: 'q', values }, (done) => {
      events.push(`progress ${done}`);
      return new Promise<void>((r) => setTimeout(() => { events.push(`taken ${done}`); r(); }, 20)) as unknown as void;
    }).then(() => events.push('result'));
    expect(events.at(-2)).toBe('taken 70000');
    expect(events.at(-1)).toBe('result');
  });
});
