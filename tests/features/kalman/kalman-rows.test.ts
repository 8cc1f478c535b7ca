import { describe, expect, it } from 'vitest';
import { generateSyntheticMarket } from '../../../src/engine';
import { buildKalmanView } from '../../../src/engine/views';
import { acfBand, acfRows, isWhite, kalmanRows } from '../../../src/features/kalman/kalman-rows';
import { fmtNum } from '../../../src/lib/format';

describe('Kalman chart rows', () => {
  const m = generateSyntheticMarket({ seed: 3, nTicks: 3000 });
  const view = buildKalmanView({ time: m.time, bid: m.bid, ask: m.ask }, m.mid, {});

  it('has one row per downsampled point, time from the first point, values from the view', () => {
    const rows = kalmanRows(view);
    expect(rows).toHaveLength(view.time.length);
    expect(rows.length).toBeLessThanOrEqual(2000);
    expect(rows[0].t).toBe(0);
    const k = Math.floor(rows.length / 2);
    expect(rows[k]).toEqual({ t: view.time[k] - view.time[0], raw: view.raw[k], filtered: view.filtered[k], gain: view.gain[k], innovation: view.innovation[k] });
    for (let i = 1; i < rows.length; i++) expect(rows[i].t).toBeGreaterThanOrEqual(rows[i - 1].t);
  });

  it('numbers the autocorrelations from lag 1', () => {
    const acf = acfRows(view);
    expect(acf.map((a) => a.lag)).toEqual(Array.from({ length: view.lags }, (_, i) => i + 1));
    expect(acf[0].acf).toBe(view.acf[0]);
  });

  it('bands white-noise autocorrelation at 1.96/√n and calls p ≥ 0.05 white', () => {
    expect(acfBand(10_000)).toBeCloseTo(0.0196, 12);
    expect(Number.isNaN(acfBand(0))).toBe(true);
    expect(isWhite(0.05)).toBe(true);
    expect(isWhite(0.0499)).toBe(false);
  });
});

describe('fmtNum', () => {
  it('keeps 4 significant digits and switches to scientific form for tiny or huge numbers', () => {
    expect(fmtNum(0.123456)).toBe('0.1235');
    expect(fmtNum(-2.5)).toBe('\u22122.5');
    expect(fmtNum(1.23456e-7)).toBe('1.235e-7');
    expect(fmtNum(0)).toBe('0');
    expect(fmtNum(Number.NaN)).toBe('—');
    expect(fmtNum(Infinity)).toBe('∞');
  });
});
