import { describe, expect, it } from 'vitest';
import { generateSyntheticMarket, posteriors, regimeShares, runBacktest, tickBuckets, type MarketData, type RegimeSetup } from '../../../src/engine';
import { buildKalmanView, buildRegimeView, buildSeriesView, buildSummaryView, buyAndHoldOf, CHART_BUCKETS, decodeRegimes } from '../../../src/engine/views';

/** Every distinct ArrayBuffer under a value (what a worker lists for transfer). */
function buffers(value: unknown, out = new Set<ArrayBufferLike>()): ArrayBufferLike[] {
  if (ArrayBuffer.isView(value)) out.add(value.buffer);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) buffers(v, out);
  return [...out];
}

const m = generateSyntheticMarket({ seed: 3, nTicks: 30_000 });
const data: MarketData = { time: m.time, bid: m.bid, ask: m.ask, tradeTime: m.tradeTime, tradePrice: m.tradePrice, tradeSize: m.tradeSize, tradeSide: m.tradeSide, truth: m.truth };
const mid = Float64Array.from(m.bid, (b, i) => (b + m.ask[i]) / 2);
const result = runBacktest(data, { strategy: 'as-regime', seed: 3 });

describe('engine views', () => {
  it('downsample the run to at most 2·buckets + 2 points per chart (+1 for the deepest drawdown), keeping the extremes of PnL, drawdown and inventory', () => {
    const v = buildSeriesView(result, result.time.length, buyAndHoldOf(result));
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
    const v = buildSeriesView(result, 10_000, null, 50);
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
    // The white-noise band over every tick of the data (not the chart's downsampled points), and the verdict.
    expect(k.acfBand).toBe(1.96 / Math.sqrt(mid.length));
    expect(k.white).toBe(k.ljungBoxP >= 0.05);
    expect(k.time.length).toBe(k.filtered.length);
  });

  it("the regime view's posteriors at each shown tick are those of the tick's bucket, and the per-tick states its bucket's Viterbi state", () => {
    const r = buildRegimeView(data, mid, result, { nStates: 3, seed: 3 });
    const dec = decodeRegimes(data, mid, result, { nStates: 3, seed: 3 });
    const post = posteriors(dec.x, dec.reg.model);
    const bucketOf = tickBuckets(data.time, r.bucketSec, dec.x.length - 1);
    for (let i = 0; i < bucketOf.length; i += 101) expect(dec.tickState[i]).toBe(dec.path[bucketOf[i]]);
    const tIndex = new Map(Array.from(data.time, (t, i) => [t, i]));
    expect(r.time.length).toBeGreaterThan(100);
    for (let k = 0; k < r.time.length; k++) {
      const b = bucketOf[tIndex.get(r.time[k])!];
      for (let j = 0; j < 3; j++) expect(r.post[k * 3 + j]).toBe(post[b * 3 + j]);
    }
  });

  it('regime view: rows per state with shares summing to 1 and posteriors summing to 1 at every point', () => {
    const r = buildRegimeView(data, mid, result, { nStates: 3, seed: 3 });
    expect(r.rows).toHaveLength(3);
    expect(r.rows.reduce((a, x) => a + x.timeShare, 0)).toBeCloseTo(1, 9);
    const points = r.time.length;
    for (let k = 0; k < points; k += 97) {
      expect(r.post[k * 3] + r.post[k * 3 + 1] + r.post[k * 3 + 2]).toBeCloseTo(1, 9);
    }
    // Named by what tells them apart (labelRegimes: volatility level, drift only when significant): three distinct names.
    expect(new Set(r.labels).size).toBe(3);
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

  it("with the run's fair-value column the Kalman view is the quotes' fair value itself, figures and all", () => {
    const ak = runBacktest(data, { strategy: 'as-kalman', seed: 3 });
    const fromColumn = buildKalmanView(data, mid, { strategyFit: ak.kalman, fairValue: ak.fairValue });
    const refit = buildKalmanView(data, mid, { strategyFit: ak.kalman });
    // Its points are the run's fair value at the chart's ticks, first tick included (the fair value's own start, p0 = r).
    const tIndex = new Map(Array.from(data.time, (t, i) => [t, i]));
    for (let k = 0; k < fromColumn.time.length; k++) expect(fromColumn.filtered[k]).toBe(ak.fairValue[tIndex.get(fromColumn.time[k])!]);
    expect([fromColumn.q, fromColumn.r, fromColumn.sharedWithStrategy]).toEqual([refit.q, refit.r, true]);
    // The panel's own start (p0 = r + q) differs only in the transient: the figures agree closely.
    expect(fromColumn.innovationStd).toBeCloseTo(refit.innovationStd, 6);
    expect(fromColumn.ljungBoxQ).toBeCloseTo(refit.ljungBoxQ, 0);
    // A column of another length (another dataset's run) is not used.
    const other = buildKalmanView(data, mid, { strategyFit: ak.kalman, fairValue: ak.fairValue.subarray(1) });
    expect(other.filtered).toEqual(refit.filtered);
  });

  it('every series of a view has a buffer of its own (nothing aliases a run array)', () => {
    const v = buildSeriesView(result, result.time.length, buyAndHoldOf(result));
    expect(buffers(v).length).toBe(6 + 2 + 4);
    expect(buffers(v)).not.toContain(result.equity.buffer);
  });

  it("the buy-and-hold curve is the engine's benchmark (analytics buyAndHold): it ends at its total PnL, fee included", () => {
    const v = buildSeriesView(result, result.time.length, buyAndHoldOf(result));
    expect(v.pnl.buyHold.at(-1)).toBeCloseTo(result.benchmark.totalPnl, 9);
    // The fee is paid once: the curve starts below zero by it when the first mid equals the entry's mid.
    const fee = Math.abs(result.benchmark.entryPrice * result.benchmark.size) * (result.resolved.takerBps / 1e4);
    expect(buyAndHoldOf(result).fee).toBeCloseTo(fee, 9);
    // While a run streams there is no benchmark yet: the curve is absent, not a different definition.
    expect(Number.isNaN(buildSeriesView(result, 1000, null).pnl.buyHold[0])).toBe(true);
  });

  it("PnL by regime is analytics' regimeShares: interval (t[i−1], t[i]] booked to regime[i−1]", () => {
    const r = buildRegimeView(data, mid, result, { nStates: 3, seed: 3 });
    const shares = regimeShares(result.time, result.equity, result.regime, r.rows.map((x) => x.label));
    for (const row of r.rows) expect(row.pnlShare).toBe(shares[row.state].pnlShare);
    expect(r.rows.reduce((a, x) => a + x.pnlShare, 0)).toBeCloseTo(1, 9);
  });

  it("the regime view decodes with the run's own fitted model when the result carries one (no refit)", () => {
    const own = buildRegimeView(data, mid, result, { nStates: 3, seed: 3 });
    // A model with the states' means swapped: decoding with it must show in the view, so it was used as given.
    const m = { means: Float64Array.of(0, 0), variances: Float64Array.of(1e-6, 1e-2), trans: Float64Array.of(0.9, 0.1, 0.1, 0.9), init: Float64Array.of(0.5, 0.5) };
    const given: RegimeSetup = { model: m, labels: ['Calm', 'Wild'], bucketSec: own.bucketSec, fittedBuckets: 7, converged: true };
    const v = buildRegimeView(data, mid, { ...result, regimeModel: given } as typeof result, { nStates: 2, seed: 3 });
    expect([v.nStates, v.fittedBuckets, v.refitted]).toEqual([2, 7, false]);
    expect(v.labels).toEqual(['Calm', 'Wild']);
    expect(own.refitted).toBe(false);
  });

  it("an 'as-regime' run carries the regime model it quoted with, and its view decodes with that model", () => {
    const fit = result.regimeModel;
    expect(fit).toBeDefined();
    expect(fit!.labels).toEqual(result.regimeLabels);
    expect(fit!.bucketSec).toBe(result.regimeBucketSec);
    expect(fit!.fittedBuckets).toBeGreaterThan(0);
    const v = buildRegimeView(data, mid, result, { nStates: 3, seed: 99 }); // another seed would refit differently
    expect(v.refitted).toBe(false);
    expect(v.labels).toEqual(fit!.labels);
    // Without a run, the view fits its own model.
    expect(buildRegimeView(data, mid, null, { nStates: 3, seed: 3 }).refitted).toBe(true);
  });
});
