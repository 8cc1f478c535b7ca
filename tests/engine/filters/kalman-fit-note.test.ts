import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fairValueParams, kalmanFitNote, steadyStateGain } from '../../../src/engine';

describe('kalmanFitNote', () => {
  it('says so when r → 0: the fair value is the mid at this sampling', () => {
    const note = kalmanFitNote({ q: 0.05, r: 6.6e-13 });
    expect(note).toMatch(/r\/q = 1\.3e-11, steady-state gain 1\.000\): at this sampling the Kalman fair value equals the mid/);
  });
  it('says so when q → 0: the fair value barely moves', () => {
    expect(kalmanFitNote({ q: 1e-8, r: 1 })).toMatch(/barely moves and lags the mid/);
  });
  it('is silent for a filter that smooths', () => {
    const fit = { q: 1, r: 2 };
    expect(steadyStateGain({ ...fit, x0: 0, p0: 0 })).toBeCloseTo(0.5, 12);
    expect(kalmanFitNote(fit)).toBeNull();
    expect(kalmanFitNote({ q: 0, r: 1 })).toMatch(/not positive/);
  });
  it('fires on the default Binance sample, where the ML fit puts r near 0', () => {
    const text = gunzipSync(readFileSync(new URL('../../../public/samples/usdm-btcusdt-2024-08-08-bookticker.csv.gz', import.meta.url))).toString('utf8');
    const rows = text.trim().split('\n').slice(1, 3001).map((l) => l.split(','));
    const mid = Float64Array.from(rows, (r) => 0.5 * (Number(r[4]) + Number(r[6])));
    const fit = fairValueParams(mid, 1000, 0.05);
    expect(kalmanFitNote(fit)).toMatch(/equals the mid/);
  });
});
