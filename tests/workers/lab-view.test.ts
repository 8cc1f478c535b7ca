import { describe, expect, it } from 'vitest';
import { generateSyntheticMarket, runBacktest, type MarketData } from '../../src/engine';
import { buildKalmanView, buildRegimeView, buildSeriesView, buildSummaryView, CHART_BUCKETS } from '../../src/workers/lab-view';
import { transferList } from '../../src/workers/transfer-list';

const m = generateSyntheticMarket({ seed: 3, nTicks: 30_000 });
const data: MarketData = { time: m.time, bid: m.bid, ask: m.ask, tradeTime: m.tradeTime, tradePrice: m.tradePrice, tradeSize: m.tradeSize, tradeSide: m.tradeSide, truth: m.truth };
const mid = Float64Array.from(m.bid, (b, i) => (b + m.ask[i]) / 2);
const result = runBacktest(data, { strategy: 'as-regime', seed: 3 });

describe('lab views', () => {
  it('downsample the run to at most 2·buckets + 2 points per chart (+1 for the deepest drawdown), keeping the extremes of PnL, drawdown and inventory', () => {
    const v = buildSeriesView(result, result.time.length, result.resolved.orderSize);
    for (const t of [v.price.time, v.inventory.time]) expect(t.length).toBeLessThanOrEqual(2 * CHART_BUCKETS + 2);
    expect(v.pnl.time.length).toBeLessThanOrEqual(2 * CHART_BUCKETS + 3);
    const e0 = result.equity[0];
    let maxPnl = -Infinity, minQ = Infinity;
    for (let i = 0; i < result.equity.length; i++) { maxPnl = Math.max(maxPnl, result.equity[i] - e0); minQ = Math.min(minQ, result.inventory[i]); }
    expect(Math.max(...v.pnl.pnl)).toBe(maxPnl);
    expect(Math.min(...v.inventory.inventory)).toBe(minQ);
    expect(v.pnl.pnl.at(-1)).toBeCloseTo(result.attribution.net, 6);
    expect(Math.min(...v.pnl.drawdown)).toBeCloseTo(-result.metrics.maxDrawdown, 6);
  });

  it('a partial view covers only the ticks done so far', () => {
    const v = buildSeriesView(result, 10_000, 1, 50);
    expect(v.upTo).toBe(10_000);
    expect(v.total).toBe(30_000);
    expect(v.price.time.at(-1)).toBe(result.time[9_999]);
    expect(v.price.time.length).toBeLessThanOrEqual(102);
  });

  it('summary carries the engine metrics and an inventory histogram that sums to 1', () => {
    const s = buildSummaryView(result);
    expect(s.metrics).toBe(result.metrics);
    expect(s.fills).toBe(result.fills.time.length);
    const total = s.inventoryHist.share.reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(1, 12);
  });

  it('Kalman view reports a steady-state gain in (0, 1] and a Ljung-Box p-value in [0, 1]', () => {
    const k = buildKalmanView(data, mid, {});
    expect(k.steadyStateGain).toBeGreaterThan(0);
    expect(k.steadyStateGain).toBeLessThanOrEqual(1);
    expect(k.ljungBoxP).toBeGreaterThanOrEqual(0);
    expect(k.ljungBoxP).toBeLessThanOrEqual(1);
    expect(k.acf.length).toBe(k.lags);
    expect(k.time.length).toBe(k.filtered.length);
  });

  it('regime view: rows per state with shares summing to 1 and posteriors summing to 1 at every point', () => {
    const r = buildRegimeView(data, mid, result, { nStates: 3, seed: 3 });
    expect(r.rows).toHaveLength(3);
    expect(r.rows.reduce((a, x) => a + x.timeShare, 0)).toBeCloseTo(1, 9);
    const points = r.time.length;
    for (let k = 0; k < points; k += 97) {
      expect(r.post[k * 3] + r.post[k * 3 + 1] + r.post[k * 3 + 2]).toBeCloseTo(1, 9);
    }
    expect(new Set(r.labels)).toEqual(new Set(['Bull', 'Bear', 'Sideways']));
    // The same model as the 'as-regime' run on the same settings: its buckets, labels and hindsight path.
    expect(r.bucketSec).toBe(result.regimeBucketSec);
    expect(r.labels).toEqual(result.regimeLabels);
    const tIndex = new Map(Array.from(data.time, (t, i) => [t, i]));
    for (let k = 0; k < points; k++) expect(r.state[k]).toBe(result.regimeViterbi![tIndex.get(r.time[k])!]);
    r.rows.forEach((row) => {
      expect(row.kappa).toBe(result.regimeKappaByState![row.state]);
      expect(row.sigmaPerSqrtSec).toBeGreaterThan(0);
      expect(row.expectedDurationSec).toBeGreaterThan(r.bucketSec);
    });
  });

  it("the Kalman view shows the run's own fair-value filter when it fitted one, else fits its own", () => {
    const ak = runBacktest(data, { strategy: 'as-kalman', seed: 3 });
    const shared = buildKalmanView(data, mid, { strategyFit: ak.kalman });
    expect(ak.kalman!.source).toBe('ml');
    expect([shared.q, shared.r, shared.fittedOn, shared.sharedWithStrategy, shared.byHand]).toEqual([ak.kalman!.q, ak.kalman!.r, ak.resolved.warmupTicks, true, false]);
    const own = buildKalmanView(data, mid, {});
    expect(own.sharedWithStrategy).toBe(false);
    expect(own.fittedOn).toBe(20_000);
    expect(own.q).not.toBe(shared.q);
    // By hand wins over the run's fit, and is shared when the run used the same values.
    const hand = runBacktest(data, { strategy: 'as-kalman', kalman: { q: 1e-5, r: 1e-5 } });
    const h = buildKalmanView(data, mid, { q: 1e-5, r: 1e-5, strategyFit: hand.kalman });
    expect([h.q, h.r, h.byHand, h.sharedWithStrategy]).toEqual([1e-5, 1e-5, true, true]);
  });

  it('every typed array of a view is listed for transfer exactly once', () => {
    const v = buildSeriesView(result, result.time.length);
    const list = transferList(v);
    expect(list.length).toBe(new Set(list).size);
    expect(list.length).toBe(6 + 2 + 4);
  });
});
