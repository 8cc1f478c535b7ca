import { describe, expect, it } from 'vitest';
import { labApi } from '../../src/workers/lab-api';

describe('lab worker api', () => {
  it('resolves a run only after the page has taken its last partial view (they travel on different ports)', async () => {
    labApi.setSynthetic({ seed: 5, nTicks: 60_000 });
    const events: string[] = [];
    const views = await labApi.run({ strategy: 'as', seed: 5, progressChunk: 10_000 }, (series) => {
      events.push(`chunk ${series.upTo}`);
      // A proxied callback settles only once the page has run it; here the page is slow.
      return new Promise<void>((r) => setTimeout(() => { events.push(`taken ${series.upTo}`); r(); }, 30)) as unknown as void;
    }).then((v) => { events.push('result'); return v; });
    expect(events[0]).toMatch(/^chunk \d+$/);
    expect(events.at(-1)).toBe('result');
    expect(events.at(-2)).toMatch(/^taken \d+$/);
    expect(views.series.upTo).toBe(60_000);
  });
});
