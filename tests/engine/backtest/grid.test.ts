import { describe, expect, it } from 'vitest';
import {
  bestGridCell, deflatedSharpe, freezeCalibration, generateSyntheticMarket, gridOutOfSample, gridSearch, pbo, runBacktest, sampleMoments, setConfigParam, sliceMarketData,
  walkForwardRanges, GRID_METRICS, ParamError,
} from '../../../src/engine';

const market = generateSyntheticMarket({ seed: 9, nTicks: 3000 });
const spec = { x: { param: 'halfSpreadBps', values: [1, 3, 10] }, y: { param: 'fill.queueHaircut', values: [0, 0.9] }, metric: 'totalPnl' as const };

describe('gridSearch', () => {
  it('maps a metric over two parameters, row-major by y, each cell equal to its own backtest', () => {
    const progress: number[] = [];
    const g = gridSearch(market, { strategy: 'symmetric' }, spec, (p) => progress.push(p.done));
    expect(g.cells).toBe(6);
    expect(g.values).toHaveLength(6);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6]);
    for (let iy = 0; iy < 2; iy++) {
      for (let ix = 0; ix < 3; ix++) {
        const r = runBacktest(market, { strategy: 'symmetric', halfSpreadBps: spec.x.values[ix], fill: { queueHaircut: spec.y.values[iy] } });
        expect(g.values[iy * 3 + ix]).toBe(r.metrics.totalPnl);
        expect(g.matrices.fills[iy * 3 + ix]).toBe(r.metrics.fills);
        expect(g.matrices.adverseSelection[iy * 3 + ix]).toBe(r.attribution.adverseSelection);
      }
    }
    // A wider spread means fewer fills in every row.
    for (let iy = 0; iy < 2; iy++) for (let ix = 1; ix < 3; ix++) expect(g.matrices.fills[iy * 3 + ix]).toBeLessThan(g.matrices.fills[iy * 3 + ix - 1]);
    expect(Object.keys(g.matrices).sort()).toEqual([...GRID_METRICS].sort());
  });

  it('stops between cells when the signal is aborted', () => {
    const signal = { aborted: false };
    let done = 0;
    expect(() => gridSearch(market, { strategy: 'symmetric' }, spec, (p) => { done = p.done; if (p.done === 2) signal.aborted = true; }, signal)).toThrow(/aborted/);
    expect(done).toBe(2);
  });

  it('rejects bad specs by name', () => {
    expect(() => gridSearch(market, {}, { ...spec, metric: 'nope' as 'sharpe' })).toThrow(/grid\.metric/);
    expect(() => gridSearch(market, {}, { ...spec, x: { param: 'gamma', values: [] } })).toThrow(ParamError);
    expect(() => gridSearch(market, {}, { ...spec, y: { param: 'gamma', values: [NaN] } })).toThrow(/grid\.y\.values\[0\]/);
  });

  it('sets nested config paths without touching the base config', () => {
    const base = { fill: { model: 'poisson' as const, A: 3 } };
    const c = setConfigParam(base, 'fill.kappa', 7);
    expect(c.fill).toEqual({ model: 'poisson', A: 3, kappa: 7 });
    expect(base.fill).toEqual({ model: 'poisson', A: 3 });
  });
});

describe('grid overfitting control', () => {
  const sharpeSpec = { x: { param: 'gamma', values: [0.5, 2, 8] }, y: { param: 'kappa', values: [20, 60, 200] } };
  const cfg = { strategy: 'as' as const, bucketSec: 10 }; // 300 s of data: 30 buckets

  it('flags a best cell on the boundary, and not one inside', () => {
    const mk = (best: number) => { const v = new Float64Array(9).fill(0); v[best] = 1; return v; };
    const corner = bestGridCell(sharpeSpec, 'totalPnl', mk(8));
    expect(corner).toMatchObject({ cell: 8, ix: 2, iy: 2, onEdge: true, edges: ['x-high', 'y-high'] });
    expect(bestGridCell(sharpeSpec, 'totalPnl', mk(4))).toMatchObject({ cell: 4, onEdge: false, edges: [] });
    // Lower is better for drawdown: the smallest value wins.
    const dd = Float64Array.of(5, 5, 5, 5, 1, 5, 5, 5, 5);
    expect(bestGridCell(sharpeSpec, 'maxDrawdown', dd)?.cell).toBe(4);
    expect(bestGridCell(sharpeSpec, 'totalPnl', new Float64Array(9).fill(NaN))).toBeNull();
  });

  it('reports the DSR and PBO of the best cell from every cell’s bucket PnL', () => {
    const g = gridSearch(market, cfg, sharpeSpec);
    const o = g.overfitting!;
    const sr = g.matrices.sharpePerBucket;
    const best = Array.from(sr).indexOf(Math.max(...sr));
    expect(o.best.cell).toBe(best);
    expect(o.trials).toBe(9);
    const buckets = gridRows(g.cells, (c) => runBacktest(market, setConfigParam(setConfigParam(cfg, 'gamma', sharpeSpec.x.values[c % 3]), 'kappa', sharpeSpec.y.values[Math.floor(c / 3)])).metrics.histogram.bucketPnl);
    const mean = Array.from(sr).reduce((a, b) => a + b, 0) / 9;
    const V = Array.from(sr).reduce((a, b) => a + (b - mean) ** 2, 0) / 8;
    const m = sampleMoments(buckets[best]);
    expect(o.observations).toBe(30);
    expect(o.dsr).toBeCloseTo(deflatedSharpe({ sharpe: sr[best], trials: 9, trialSharpeVariance: V, skew: m.skew, kurtosis: m.kurtosis, observations: 30 }), 12);
    expect(o.pboSplits).toBe(14);
    expect(o.pbo).toBe(pbo(buckets, { splits: 14 }).pbo);
    expect(o.pbo).toBeGreaterThanOrEqual(0);
    expect(o.pbo).toBeLessThanOrEqual(1);
    expect(g.best?.metric).toBe('sharpe');
  });

  it('explains a missing PBO when there are too few buckets', () => {
    const g = gridSearch(market, { strategy: 'as' }, sharpeSpec); // 60 s buckets: 5
    expect(g.overfitting!.pbo).toBeNull();
    expect(g.overfitting!.pboNote).toMatch(/5 PnL buckets, under 8/);
    expect(g.overfitting!.dsr).not.toBeNull();
  });

  it('re-runs the in-sample best cell on the data after the train part, with the train calibration', () => {
    const oos = gridOutOfSample(market, cfg, sharpeSpec, 0.5);
    const [{ train, test }] = walkForwardRanges(market.time, { folds: 1, trainFraction: 0.5 });
    const trainData = sliceMarketData(market, train);
    expect(Array.from(oos.train.values)).toEqual(Array.from(gridSearch(trainData, cfg, sharpeSpec).values));
    const frozen = freezeCalibration(trainData, cfg);
    const r = runBacktest(sliceMarketData(market, test), { ...frozen.config, gamma: sharpeSpec.x.values[oos.best.ix], kappa: sharpeSpec.y.values[oos.best.iy] });
    expect(oos.outOfSampleTotalPnl).toBe(r.metrics.totalPnl);
    expect(oos.outOfSample.sharpe).toBe(r.metrics.sharpePerBucket);
    expect(oos.outOfSample.buckets).toBe(r.metrics.buckets);
  });
});

function gridRows(n: number, f: (c: number) => Float64Array): Float64Array[] {
  return Array.from({ length: n }, (_, c) => f(c));
}
