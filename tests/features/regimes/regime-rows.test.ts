import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateSyntheticMarket, runBacktest } from '../../../src/engine';
import { buildRegimeView, buildSeriesView, buyAndHoldOf } from '../../../src/engine/views';
import { posteriorColumns, priceByState, splitByState, spreadByRegime, alignToStrategyRegimes } from '../../../src/features/regimes/regime-rows';

describe('splitByState', () => {
  it('puts each point in its state column (the last: no state), and in the previous one too at a switch; NaN elsewhere', () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 5 }), fc.array(fc.integer({ min: -1, max: 4 }), { minLength: 1, maxLength: 60 }), (K, states) => {
      const s = states.map((x) => (x >= K ? Number.NaN : x));
      const y = s.map((_, i) => 100 + i);
      const cols = splitByState(y, s, K);
      expect(cols).toHaveLength(K + 1);
      const col = (x: number) => (x >= 0 && x < K ? x : K);
      for (let i = 0; i < s.length; i++) {
        const filled = cols.flatMap((c, k) => (Number.isNaN(c[i]) ? [] : [k]));
        expect(cols[col(s[i])][i]).toBe(y[i]);
        const switched = i > 0 && col(s[i - 1]) !== col(s[i]);
        expect(filled.sort()).toEqual((switched ? [col(s[i]), col(s[i - 1])] : [col(s[i])]).sort());
        for (const k of filled) expect(cols[k][i]).toBe(y[i]);
      }
    }));
  });
});

describe('regime chart columns from a real run', () => {
  const m = generateSyntheticMarket({ seed: 5, nTicks: 3000 });
  const data = { time: m.time, bid: m.bid, ask: m.ask, tradeTime: m.tradeTime, tradePrice: m.tradePrice, tradeSize: m.tradeSize, tradeSide: m.tradeSide, truth: m.truth };
  const r = runBacktest(data, { strategy: 'as-regime', seed: 5 });
  const view = buildRegimeView(data, r.mid, r, { nStates: 3, seed: 5 });

  it('has posteriors that sum to one at every point', () => {
    const cols = posteriorColumns(view);
    expect(cols).toHaveLength(3);
    for (let i = 0; i < view.time.length; i++) expect(cols[0][i] + cols[1][i] + cols[2][i]).toBeCloseTo(1, 9);
  });

  it('colours every price point by its Viterbi state', () => {
    const cols = priceByState(view);
    for (let i = 0; i < view.time.length; i++) expect(cols[view.state[i]][i]).toBe(view.price[i]);
  });

  it('turns quotes into half-spreads in bps under the strategy’s regime', () => {
    const series = buildSeriesView(r, r.time.length, buyAndHoldOf(r));
    const { t, cols } = spreadByRegime(series, 3);
    expect(t.length).toBeGreaterThan(0);
    const p = series.price;
    const i = p.time.findIndex((_, k) => Number.isFinite(p.ask[k] - p.bid[k]) && p.regime[k] >= 0);
    const j = t.indexOf(p.time[i] - p.time[0]);
    expect(cols[p.regime[i]][j]).toBeCloseTo(((p.ask[i] - p.bid[i]) / 2 / p.mid[i]) * 1e4, 9);
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
