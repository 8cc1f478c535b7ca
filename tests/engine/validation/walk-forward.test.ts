import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { freezeCalibration, generateSyntheticMarket, regimeFitNotes, runBacktest, sliceMarketData, walkForward, walkForwardRanges, type MarketData } from '../../../src/engine';

const market = generateSyntheticMarket({ seed: 4, nTicks: 4000 });

/** A copy of `data` whose prices in tick rows [from, to) and trades in that time span are scaled by `factor` and shifted. */
function perturb(data: MarketData, from: number, to: number, factor: number, seed: number): MarketData {
  const scale = (v: Float64Array | undefined, a: number, b: number) => {
    if (v === undefined) return undefined;
    const c = v.slice();
    for (let i = a; i < b; i++) c[i] = c[i] * factor + ((i * 7919 + seed) % 13) * 1e-3;
    return c;
  };
  const t0 = data.time[from], t1 = data.time[to - 1];
  const tt = data.tradeTime ?? new Float64Array(0);
  let a = 0; while (a < tt.length && tt[a] < t0) a++;
  let b = a; while (b < tt.length && tt[b] <= t1) b++;
  const bid = scale(data.bid, from, to)!, ask = scale(data.ask, from, to)!;
  return { ...data, bid, ask, mid: data.mid === undefined ? undefined : Float64Array.from(bid, (x, i) => 0.5 * (x + ask[i])), tradePrice: scale(data.tradePrice, a, b) };
}

describe('walkForwardRanges', () => {
  it('tiles the data after the first train part with test parts; each train part ends where its test part starts', () => {
    for (const anchored of [false, true]) {
      const r = walkForwardRanges(market.time, { folds: 4, trainFraction: 0.6, anchored });
      expect(r).toHaveLength(4);
      expect(r[3].test.to).toBe(market.time.length);
      for (let i = 0; i < 4; i++) {
        expect(r[i].train.to).toBe(r[i].test.from);
        if (i > 0) expect(r[i].test.from).toBe(r[i - 1].test.to);
        if (anchored) expect(r[i].train.from).toBe(0);
      }
      if (!anchored) {
        // Rolling: equal train spans in time (to a tick interval).
        const spans = r.map((x) => market.time[x.train.to] - market.time[x.train.from]);
        for (const s of spans) expect(Math.abs(s - spans[0])).toBeLessThanOrEqual(0.1 + 1e-9);
      }
    }
  });

  it('names the option that leaves a part too short', () => {
    expect(() => walkForwardRanges(market.time, { folds: 0, trainFraction: 0.5 })).toThrow(/options\.folds/);
    expect(() => walkForwardRanges(market.time, { folds: 2, trainFraction: 1 })).toThrow(/options\.trainFraction/);
    expect(() => walkForwardRanges(market.time, { folds: 50, trainFraction: 0.99 })).toThrow(/test part has/);
    expect(() => walkForwardRanges(market.time, { folds: 2, trainFraction: 0.01 })).toThrow(/train part has/);
  });
});

describe('walkForward', () => {
  it('reports each fold as the test-part run with the train-part calibration, and pools them', () => {
    const cfg = { strategy: 'as-kalman' as const, seed: 3 };
    const wf = walkForward(market, cfg, { folds: 3, trainFraction: 0.5 });
    expect(wf.folds).toHaveLength(3);
    let net = 0, buckets = 0;
    for (const f of wf.folds) {
      const frozen = freezeCalibration(sliceMarketData(market, f.trainRange), cfg);
      expect(f.resolved).toEqual(frozen.resolved);
      const r = runBacktest(sliceMarketData(market, f.testRange), frozen.config);
      expect(f.metrics.totalPnl).toBe(r.metrics.totalPnl);
      expect(f.attribution).toEqual(r.attribution);
      // The test run quoted with the train part's σ and Kalman fit, not its own.
      for (const k of ['sigma', 'kappa', 'gamma', 'A', 'xi', 'halfSpreadBps', 'orderSize', 'tickSize', 'lotSize', 'maxInventory', 'capital', 'fillModel', 'fillA', 'fillKappa'] as const) {
        expect(r.resolved[k]).toBe(f.resolved[k]);
      }
      expect(r.kalman).toMatchObject({ q: f.fitted.kalman!.q, r: f.fitted.kalman!.r, source: 'given' });
      net += f.attribution.net;
      buckets += f.metrics.histogram.bucketPnl.length;
    }
    expect(wf.pooled.netPnl).toBeCloseTo(net, 9);
    expect(wf.pooled.bucketPnl).toHaveLength(buckets);
    expect(wf.pooled.sharpe.buckets).toBe(buckets);
    expect(wf.pooled.maxDrawdown).toBeGreaterThanOrEqual(0);
  });

  it('carries plain notes on each train part’s fits', () => {
    const wf = walkForward(market, { strategy: 'as-regime', seed: 3, regime: { viterbi: false } }, { folds: 2, trainFraction: 0.5 });
    for (const f of wf.folds) {
      // 4000 ticks of 0.1 s: the train parts hold far fewer than 50 regime buckets per state.
      expect(f.notes.some((n) => /fewer than 50 per state/.test(n))).toBe(true);
      expect(f.notes).toEqual(expect.arrayContaining(regimeFitNotes(f.fitted.regime!)));
    }
  });

  it('calibrates σ on the whole train part, so changing the train part does change it', () => {
    const wf = walkForward(market, { strategy: 'as' }, { folds: 1, trainFraction: 0.5 });
    const tr = wf.folds[0].trainRange;
    const changed = walkForward(perturb(market, tr.from, tr.to, 1.5, 1), { strategy: 'as' }, { folds: 1, trainFraction: 0.5 });
    expect(changed.folds[0].resolved.sigma).not.toBe(wf.folds[0].resolved.sigma);
  });

  it('property: changing a test part never changes the calibration of its own fold (σ, κ, A, γ, Kalman, HMM)', () => {
    const small = generateSyntheticMarket({ seed: 11, nTicks: 2400 });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.boolean(),
        fc.double({ min: 0.3, max: 0.8, noNaN: true }),
        fc.double({ min: 0.5, max: 2, noNaN: true }),
        fc.integer({ min: 0, max: 1000 }),
        fc.nat(),
        (folds, anchored, trainFraction, factor, seed, pickFold) => {
          const opts = { folds, trainFraction, anchored };
          const cfg = { strategy: 'as-regime' as const, seed: 2, regime: { viterbi: false } };
          const base = walkForward(small, cfg, opts);
          const k = pickFold % folds;
          const { from, to } = base.folds[k].testRange;
          const moved = walkForward(perturb(small, from, to, factor, seed), cfg, opts);
          expect(base.folds[k].fitted.regime?.model.means.length).toBeGreaterThan(0);
          expect(base.folds[k].fitted.kalman?.q).toBeGreaterThan(0);
          expect(moved.folds[k].resolved).toEqual(base.folds[k].resolved);
          expect(moved.folds[k].fitted).toEqual(base.folds[k].fitted);
        },
      ),
      { numRuns: 12, seed: 14 },
    );
  });
});
