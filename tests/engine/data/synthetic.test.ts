import { describe, expect, it } from 'vitest';
import { fitIntensity, generateSyntheticMarket, ParamError } from '../../../src/engine';

describe('generateSyntheticMarket', () => {
  const m = generateSyntheticMarket({ seed: 11, nTicks: 200_000 });

  it('is deterministic for a seed and differs across seeds', () => {
    const again = generateSyntheticMarket({ seed: 11, nTicks: 200_000 });
    expect(Array.from(again.mid.subarray(0, 1000))).toEqual(Array.from(m.mid.subarray(0, 1000)));
    expect(again.tradeTime.length).toBe(m.tradeTime.length);
    const other = generateSyntheticMarket({ seed: 12, nTicks: 200_000 });
    expect(other.mid[5000]).not.toBe(m.mid[5000]);
  });

  it('produces consistent columns: regular clock, uncrossed quotes on the tick grid, sorted signed trades', () => {
    const n = m.time.length;
    expect(n).toBe(200_000);
    let bad = 0;
    for (let i = 0; i < n; i++) {
      if (!(m.ask[i] > m.bid[i])) bad++;
      if (i > 0 && Math.abs(m.time[i] - m.time[i - 1] - 0.1) > 1e-9) bad++;
      if (Math.abs(m.bid[i] / 0.01 - Math.round(m.bid[i] / 0.01)) > 1e-6) bad++;
      if (Math.abs(m.mid[i] - 0.5 * (m.bid[i] + m.ask[i])) > 1e-12) bad++;
    }
    for (let j = 1; j < m.tradeTime.length; j++) if (m.tradeTime[j] < m.tradeTime[j - 1]) bad++;
    for (const s of m.tradeSide) if (s !== 1 && s !== -1) bad++;
    expect(bad).toBe(0);
    expect(m.tradeTime.length).toBeGreaterThan(0);
  });

  it('visits all three regimes, each with its own volatility', () => {
    const K = 3;
    const ss = new Float64Array(K);
    const cnt = new Float64Array(K);
    for (let i = 1; i < m.truePrice.length; i++) {
      if (m.regime[i] !== m.regime[i - 1]) continue;
      const k = m.regime[i];
      const d = m.truePrice[i] - m.truePrice[i - 1] - m.truth.driftPerSec[k] * 0.1;
      ss[k] += d * d;
      cnt[k]++;
    }
    for (let k = 0; k < K; k++) {
      expect(cnt[k]).toBeGreaterThan(10_000);
      const sigmaHat = Math.sqrt(ss[k] / cnt[k] / 0.1);
      expect(sigmaHat / m.truth.sigmaPerSqrtSec[k]).toBeGreaterThan(0.95);
      expect(sigmaHat / m.truth.sigmaPerSqrtSec[k]).toBeLessThan(1.05);
    }
  });

  it('calibration on the synthetic market recovers its A and κ within 10%', () => {
    // fitIntensity counts every trade it is given, so each side (buys lift asks, sells hit bids)
    // is fitted on its own: each arrives at rate A·e^(−κδ).
    for (const side of [1, -1]) {
      const pick = Array.from(m.tradeSide, (s, j) => (s === side ? j : -1)).filter((j) => j >= 0);
      const fit = fitIntensity({
        tradeTime: Float64Array.from(pick, (j) => m.tradeTime[j]),
        tradePrice: Float64Array.from(pick, (j) => m.tradePrice[j]),
        quoteTime: m.time,
        mid: m.mid,
      });
      expect(Math.abs(fit.A / m.truth.A - 1)).toBeLessThan(0.1);
      expect(Math.abs(fit.kappa / m.truth.kappa - 1)).toBeLessThan(0.1);
    }
  });

  it('rejects bad options by name', () => {
    expect(() => generateSyntheticMarket({ nTicks: 1 })).toThrow(/nTicks/);
    expect(() => generateSyntheticMarket({ kappa: 0 })).toThrow(ParamError);
    expect(() => generateSyntheticMarket({ regimes: [{ label: 'x', driftPerSec: 0, sigmaPerSqrtSec: -1 }] })).toThrow(/regimes\[0\]\.sigmaPerSqrtSec/);
  });
});
