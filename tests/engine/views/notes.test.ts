import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { kalmanFitNote, runBacktest, type MarketData } from '../../../src/engine';
import { buildKalmanView, buildRegimeView } from '../../../src/engine/views';

// The default Binance sample (shipped in public/samples): quotes only are enough here.
function sample(): MarketData {
  const text = gunzipSync(readFileSync(new URL('../../../public/samples/usdm-btcusdt-2024-08-08-bookticker.csv.gz', import.meta.url))).toString('utf8');
  const rows = text.trim().split('\n').slice(1).map((l) => l.split(','));
  const t0 = Number(rows[0][0]) / 1e9;
  return { time: Float64Array.from(rows, (r) => Number(r[0]) / 1e9 - t0), bid: Float64Array.from(rows, (r) => Number(r[4])), ask: Float64Array.from(rows, (r) => Number(r[6])) };
}

describe('views say in words what the fits mean (issue 14 item 4)', () => {
  const data = sample();
  const mid = Float64Array.from(data.bid!, (b, i) => (b + data.ask![i]) / 2);
  const result = runBacktest(data, { strategy: 'as-kalman', fill: { model: 'quote-cross' } });

  it('the Kalman view carries the engine’s note: on the default sample the fair value is the mid', () => {
    const v = buildKalmanView(data, mid, { strategyFit: result.kalman });
    expect(v.note).toBe(kalmanFitNote({ q: v.q, r: v.r }));
    expect(v.note).toMatch(/at this sampling the Kalman fair value equals the mid/);
    // The run says so too, in its notes.
    expect(result.notes.some((n) => /equals the mid/.test(n))).toBe(true);
  });

  it('the regime view carries regimeFitNotes of its fit: the two moving states last a bucket or two', () => {
    const v = buildRegimeView(data, mid, result, { nStates: 3, seed: 1 });
    expect(v.notes.length).toBeGreaterThan(0);
    expect(v.notes.join(' ')).toMatch(/last only a bucket or two on average|No state lasts more than/);
  });
});
