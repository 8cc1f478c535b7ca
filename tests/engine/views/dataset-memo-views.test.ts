import { describe, expect, it } from 'vitest';
import { generateSyntheticMarket, runBacktest, type MarketData } from '../../../src/engine';
import { buildIntensityByRegimeView, buildIntensityView, buildKalmanView, buildRegimeView, decodeRegimes } from '../../../src/engine/views';

const m = generateSyntheticMarket({ seed: 21, nTicks: 20_000 });
const data: MarketData = { time: m.time, bid: m.bid, ask: m.ask, tradeTime: m.tradeTime, tradePrice: m.tradePrice, tradeSize: m.tradeSize, tradeSide: m.tradeSide };
const mid = Float64Array.from(m.bid, (b, i) => (b + m.ask[i]) / 2);

/** What the lab worker does with a view: transfer its buffers to the page, detaching them here. */
function transferAway(view: unknown, buffers: ArrayBuffer[]): void {
  structuredClone(view, { transfer: buffers });
}

describe('regime views on re-runs of a strategy without regimes: decoded once per dataset', () => {
  const opts = { nStates: 3, seed: 4 };
  const runA = runBacktest(data, { strategy: 'as-kalman', gamma: 0.05 });
  const runB = runBacktest(data, { strategy: 'as-kalman', gamma: 0.2 });

  it('the second run reuses the first run\'s refitted decoding; other settings decode anew', () => {
    const a = decodeRegimes(data, mid, runA, opts);
    const b = decodeRegimes(data, mid, runB, opts);
    expect(a.refitted).toBe(true);
    expect(b.reg).toBe(a.reg); // not refitted
    expect(b.tickState).toBe(a.tickState);
    expect(decodeRegimes(data, mid, runB, { nStates: 2, seed: 4 }).reg).not.toBe(a.reg);
    expect(decodeRegimes(data, mid, runB, { nStates: 3, seed: 5 }).reg).not.toBe(a.reg);
  });

  it('another sample of ticks gets its own buckets, equal to a fresh decoding\'s', () => {
    const sample = [0, 5, 5000, 19_999];
    const viaMemo = decodeRegimes(data, mid, runA, { nStates: 3, seed: 6 }); // memo filled without a sample
    const withSample = decodeRegimes(data, mid, runA, { nStates: 3, seed: 6 }, sample);
    expect(withSample.reg).toBe(viaMemo.reg);
    const ownCopy = new Float64Array(mid); // another dataset identity: no memo, decoded from scratch
    expect(Array.from(withSample.sampleBuckets)).toEqual(Array.from(decodeRegimes(data, ownCopy, runA, { nStates: 3, seed: 6 }, sample).sampleBuckets));
  });

  it('the views are the same numbers as without the memo, and survive the lab worker transferring the previous view', () => {
    const first = buildRegimeView(data, mid, runA, opts);
    transferAway(first, [first.post.buffer as ArrayBuffer, first.time.buffer as ArrayBuffer]);
    const second = buildRegimeView(data, mid, runB, opts);
    const fresh = buildRegimeView(data, new Float64Array(mid), runB, opts); // no memo: another mid column
    expect(second.post.length).toBe(fresh.post.length);
    expect(second.post.length).toBeGreaterThan(0);
    expect(Array.from(second.post)).toEqual(Array.from(fresh.post));
    expect(second.rows).toEqual(fresh.rows); // the run-dependent columns (fill rate, PnL share) follow runB
    expect(second.logLik).toBe(fresh.logLik);
    expect(Array.from(second.state)).toEqual(Array.from(fresh.state));

    const range = { maxDepth: 0.3, bootstrap: 5 };
    const iA = buildIntensityByRegimeView(data, mid, runA, opts, range);
    transferAway(iA, iA.rows.flatMap((r) => (r.curve ? [r.curve.rates.buffer as ArrayBuffer] : [])));
    const iB = buildIntensityByRegimeView(data, mid, runB, opts, range);
    const iFresh = buildIntensityByRegimeView(data, new Float64Array(mid), runB, opts, range);
    expect(iB.rows.map((r) => (r.curve ? Array.from(r.curve.rates) : null))).toEqual(iFresh.rows.map((r) => (r.curve ? Array.from(r.curve.rates) : null)));

    const c1 = buildIntensityView(data, mid, range);
    transferAway(c1, [c1.rates.buffer as ArrayBuffer]);
    const c2 = buildIntensityView(data, mid, range);
    expect(Array.from(c2.rates)).toEqual(Array.from(buildIntensityView(data, new Float64Array(mid), range).rates));
    expect(c2.rates.length).toBeGreaterThan(0);
  });
});

describe('the Kalman view on re-runs with the same fair-value fit', () => {
  it('is the same numbers as a fresh build, after the previous view was transferred away', () => {
    const runA = runBacktest(data, { strategy: 'as-kalman', gamma: 0.05 });
    const first = buildKalmanView(data, mid, { strategyFit: runA.kalman, fairValue: runA.fairValue });
    transferAway(first, [first.filtered.buffer as ArrayBuffer, first.acf.buffer as ArrayBuffer, first.innovation.buffer as ArrayBuffer]);
    const runB = runBacktest(data, { strategy: 'as-kalman', gamma: 0.2 });
    expect(runB.kalman?.q).toBe(runA.kalman?.q); // the fit depends on the data, not on γ
    const second = buildKalmanView(data, mid, { strategyFit: runB.kalman, fairValue: runB.fairValue });
    const fresh = buildKalmanView(data, new Float64Array(mid), { strategyFit: runB.kalman, fairValue: runB.fairValue });
    expect(second.filtered.length).toBeGreaterThan(0);
    expect(Array.from(second.filtered)).toEqual(Array.from(fresh.filtered));
    expect(Array.from(second.acf)).toEqual(Array.from(fresh.acf));
    expect(second.innovationStd).toBe(fresh.innovationStd);
    expect(second.ljungBoxQ).toBe(fresh.ljungBoxQ);
    // Other (q, r) by hand: another view.
    const byHand = buildKalmanView(data, mid, { q: 1e-4, r: 1e-3 });
    expect(byHand.byHand).toBe(true);
    expect(byHand.innovationStd).not.toBe(second.innovationStd);
  });
});
