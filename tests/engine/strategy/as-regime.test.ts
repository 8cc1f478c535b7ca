import { describe, expect, it } from 'vitest';
import { asTotalSpread, createRegimeFilter, generateSyntheticMarket, runBacktest, viterbi } from '../../../src/engine';

// A two-state model on mid changes over 0.1 s buckets — one per tick on this 0.1 s grid: calm (sd 0.002) and volatile (sd 0.008), sticky.
const model = {
  means: Float64Array.of(0, 0),
  variances: Float64Array.of(0.002 ** 2, 0.008 ** 2),
  trans: Float64Array.of(0.995, 0.005, 0.005, 0.995),
  init: Float64Array.of(0.5, 0.5),
};
const sigmaByState = [0.01, 0.05];
const kappaByState = [80, 15];
const gamma = 0.5;
const horizonSec = 30;

describe("'as-regime' strategy", () => {
  const market = generateSyntheticMarket({
    seed: 4,
    nTicks: 20_000,
    regimes: [
      { label: 'calm', driftPerSec: 0, sigmaPerSqrtSec: 0.002 / Math.sqrt(0.1) },
      { label: 'wild', driftPerSec: 0, sigmaPerSqrtSec: 0.008 / Math.sqrt(0.1) },
    ],
    noiseStd: 0,
    tickSize: 0,
    meanRegimeDurationSec: 200,
  });
  const r = runBacktest(market, { strategy: 'as-regime', gamma, horizonSec, regime: { model, bucketSec: 0.1, sigmaByState, kappaByState }, warmupTicks: 10 });

  it("quotes each tick with the σ and κ of the regime it is in", () => {
    const seen = new Set<number>();
    let checked = 0;
    for (let i = 10; i < r.bid.length; i++) {
      if (!Number.isFinite(r.bid[i]) || !Number.isFinite(r.ask[i])) continue;
      const k = r.regime[i];
      seen.add(k);
      // The inventory skew shifts both quotes equally, so the width is the regime's AS spread (eq. 30).
      const expected = asTotalSpread(gamma, sigmaByState[k], kappaByState[k], horizonSec);
      if (r.bid[i] !== market.bid[i] && r.ask[i] !== market.ask[i]) { // not moved back to the touch by post-only
        expect(r.ask[i] - r.bid[i]).toBeCloseTo(expected, 9);
        checked++;
      }
    }
    expect(seen).toEqual(new Set([0, 1]));
    expect(checked).toBeGreaterThan(15_000);
  });

  it('decodes the regime causally: the same as a forward filter fed only past mid changes', () => {
    // On this grid the bucket ending at tick i − 1 is known complete at tick i, its change mid[i − 1] − mid[i − 2];
    // before any bucket completes (ticks 0, 1) the regime is the initial law's most probable state (0 on a tie).
    expect([r.regime[0], r.regime[1]]).toEqual([0, 0]);
    const f = createRegimeFilter(model);
    for (let i = 2; i < market.mid.length; i++) {
      const k = f.update(market.mid[i - 1] - market.mid[i - 2]);
      if (k !== r.regime[i]) throw new Error(`tick ${i}: strategy regime ${r.regime[i]}, forward filter ${k}`);
    }
    // and it tracks the true regime most of the time
    let agree = 0;
    for (let i = 0; i < market.mid.length; i++) if (r.regime[i] === market.regime[i]) agree++;
    expect(agree / market.mid.length).toBeGreaterThan(0.8);
  });

  it('keeps the hindsight Viterbi path for display only, next to the causal regime it quoted with', () => {
    // Complete buckets: the changes into ticks 1 .. n − 2 (the last bucket ends on the last tick).
    const x = new Float64Array(market.mid.length - 2);
    for (let i = 1; i < market.mid.length - 1; i++) x[i - 1] = market.mid[i] - market.mid[i - 1];
    const path = viterbi(x, model);
    // Tick i (i ≥ 1) lies in the bucket of the change into it; tick 0 in the first bucket, the last tick in the last complete one.
    const expected = Array.from(market.mid, (_, i) => path[Math.min(x.length - 1, Math.max(0, i - 1))]);
    expect(Array.from(r.regimeViterbi!)).toEqual(expected);
    expect(r.regimeBucketSec).toBe(0.1);
    expect(r.regimeLabels).toHaveLength(2);
    // The smoothed path uses the future, so it differs from the causal one somewhere.
    let differ = 0;
    for (let i = 0; i < x.length; i++) if (r.regimeViterbi![i] !== r.regime[i]) differ++;
    expect(differ).toBeGreaterThan(0);
    const without = runBacktest(market, { strategy: 'as-regime', gamma, horizonSec, regime: { model, bucketSec: 0.1, sigmaByState, kappaByState, viterbi: false }, warmupTicks: 10 });
    expect(without.regimeViterbi).toBeUndefined();
    expect(Array.from(without.regime)).toEqual(Array.from(r.regime));
  });

  it('reports PnL and time shares per regime, time shares summing to 1', () => {
    expect(r.regimeShares).toHaveLength(2);
    const time = r.regimeShares.reduce((s, x) => s + x.timeShare, 0);
    expect(time).toBeCloseTo(1, 9);
    const pnl = r.regimeShares.reduce((s, x) => s + x.pnl, 0);
    expect(pnl).toBeCloseTo(r.attribution.net, 6);
  });

  it('fits its own HMM when none is given', () => {
    const own = runBacktest(market, { strategy: 'as-regime', regime: { nStates: 2, fitTicks: 5000 } });
    expect(own.regimeShares.map((s) => s.label.split(',')[0]).sort()).toEqual(['High-vol', 'Low-vol']);
    expect(new Set(own.regime.subarray(1000))).toEqual(new Set([0, 1]));
  });
});
