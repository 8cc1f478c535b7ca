import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateSyntheticMarket, runBacktest } from '../../../src/engine';
import { buildRegimeView, buildSeriesView, buyAndHoldOf } from '../../../src/engine/views';
import { posteriorRows, priceByStateRows, splitByState, spreadByRegimeRows, alignToStrategyRegimes } from '../../../src/features/regimes/regime-rows';

const keys = (K: number) => [...Array.from({ length: K }, (_, k) => `s${k}`), 'none'];

describe('splitByState', () => {
  it('puts each point in its state column, and in the previous one too at a switch', () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 5 }), fc.array(fc.integer({ min: -1, max: 4 }), { minLength: 1, maxLength: 60 }), (K, states) => {
      const s = states.map((x) => (x >= K ? Number.NaN : x));
      const t = s.map((_, i) => 10 + i);
      const y = s.map((_, i) => 100 + i);
      const rows = splitByState(t, y, s, K, 10);
      expect(rows).toHaveLength(s.length);
      const key = (x: number) => (x >= 0 && x < K ? `s${x}` : 'none');
      rows.forEach((row, i) => {
        expect(row.t).toBe(i);
        const filled = keys(K).filter((k) => row[k] != null);
        expect(row[key(s[i])]).toBe(y[i]);
        const switched = i > 0 && key(s[i - 1]) !== key(s[i]);
        expect(filled.sort()).toEqual((switched ? [key(s[i]), key(s[i - 1])] : [key(s[i])]).sort());
      });
    }));
  });
});

describe('regime chart rows from a real run', () => {
  const m = generateSyntheticMarket({ seed: 5, nTicks: 3000 });
  const data = { time: m.time, bid: m.bid, ask: m.ask, tradeTime: m.tradeTime, tradePrice: m.tradePrice, tradeSize: m.tradeSize, tradeSide: m.tradeSide, truth: m.truth };
  const r = runBacktest(data, { strategy: 'as-regime', seed: 5 });
  const view = buildRegimeView(data, r.mid, r, { nStates: 3, seed: 5 });

  it('stacks posteriors that sum to one at every point', () => {
    const rows = posteriorRows(view);
    expect(rows).toHaveLength(view.time.length);
    for (const row of rows) expect((row.p0 ?? 0) + (row.p1 ?? 0) + (row.p2 ?? 0)).toBeCloseTo(1, 9);
  });

  it('colours every price point by its Viterbi state', () => {
    const rows = priceByStateRows(view);
    rows.forEach((row, i) => expect(row[`s${view.state[i]}`]).toBe(view.price[i]));
  });

  it('turns quotes into half-spreads in bps under the strategy’s regime', () => {
    const series = buildSeriesView(r, r.time.length, buyAndHoldOf(r));
    const rows = spreadByRegimeRows(series, 3);
    expect(rows.length).toBeGreaterThan(0);
    const p = series.price;
    const i = p.time.findIndex((_, k) => Number.isFinite(p.ask[k] - p.bid[k]) && p.regime[k] >= 0);
    const row = rows.find((x) => x.t === p.time[i] - p.time[0])!;
    expect(row[`s${p.regime[i]}`]).toBeCloseTo(((p.ask[i] - p.bid[i]) / 2 / p.mid[i]) * 1e4, 9);
  });
});

describe('alignToStrategyRegimes', () => {
  const base = { timeShare: 0.5, sigmaPerSqrtSec: 1, kappa: 1, kappaTrades: 2, halfSpreadBps: 1, expectedDurationSec: 2 };
  // The view's fill rate of row j is the strategy's regime j: 0.3 under strategy regime 0, 0.7 under 1.
  const rows = [{ ...base, state: 0, label: 'Bear', pnlShare: 0.9, fillRate: 0.3 }, { ...base, state: 1, label: 'Bull', pnlShare: 0.1, fillRate: 0.7 }];

  it('takes each figure from the strategy regime of the same label, whatever its number', () => {
    const shares = [{ regime: 0, label: 'Bull', pnl: 3, pnlShare: 0.75, timeShare: 0.5 }, { regime: 1, label: 'Bear', pnl: 1, pnlShare: 0.25, timeShare: 0.5 }];
    const out = alignToStrategyRegimes(rows, shares);
    expect(out.map((r) => r.pnlShare)).toEqual([0.25, 0.75]);
    expect(out.map((r) => r.fillRate)).toEqual([0.7, 0.3]);
    expect(out.map((r) => r.timeShare)).toEqual([0.5, 0.5]);
  });

  it('leaves NaN for labels the strategy does not have, and for every row without a regime backtest', () => {
    const shares = [{ regime: 0, label: 'Bull', pnl: 3, pnlShare: 1, timeShare: 1 }];
    const out = alignToStrategyRegimes(rows, shares);
    expect(out.map((r) => r.pnlShare)).toEqual([Number.NaN, 1]);
    expect(out.map((r) => r.fillRate)).toEqual([Number.NaN, 0.3]);
    for (const none of [[], undefined]) {
      const o = alignToStrategyRegimes(rows, none);
      expect(o.every((r) => Number.isNaN(r.pnlShare) && Number.isNaN(r.fillRate))).toBe(true);
      expect(o.map((r) => r.halfSpreadBps)).toEqual([1, 1]);
    }
  });
});
