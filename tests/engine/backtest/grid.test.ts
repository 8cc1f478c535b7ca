import { describe, expect, it } from 'vitest';
import {
  bestGridCell, bucketPnl, deflatedSharpe, freezeCalibration, gridOverfitting, outOfSampleBest, overfitBucketSec, sharpePerObservation, trainTestSplit, generateSyntheticMarket, gridOutOfSample, gridSearch, pbo, runBacktest, sampleMoments, setConfigParam, sliceMarketData,
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

  it('reports the DSR and PBO of the best cell from every cell’s PnL per overfitting bucket', () => {
    const g = gridSearch(market, cfg, sharpeSpec);
    const o = g.overfitting!;
    // 300 s of data, 10 s run buckets: under 32 of them, so the overfitting bucket is the longest round length giving 32: 5 s.
    expect(o.bucketSec).toBe(5);
    const buckets = gridRows(g.cells, (c) => {
      const r = runBacktest(market, setConfigParam(setConfigParam(cfg, 'gamma', sharpeSpec.x.values[c % 3]), 'kappa', sharpeSpec.y.values[Math.floor(c / 3)]));
      return bucketPnl(r.time, r.equity, 5);
    });
    const sr = buckets.map((b) => sharpePerObservation(b));
    const best = sr.indexOf(Math.max(...sr));
    expect(o.best.cell).toBe(best);
    expect(Array.from(o.cellSharpes)).toEqual(sr);
    expect(o.trials).toBe(9);
    const mean = sr.reduce((a, b) => a + b, 0) / 9;
    const V = sr.reduce((a, b) => a + (b - mean) ** 2, 0) / 8;
    const m = sampleMoments(buckets[best]);
    const T = buckets[best].length;
    expect(T).toBe(60);
    expect(o.observations).toBe(T);
    expect(o.dsr).toBeCloseTo(deflatedSharpe({ sharpe: sr[best], trials: 9, trialSharpeVariance: V, skew: m.skew, kurtosis: m.kurtosis, observations: T }), 12);
    expect(o.pboSplits).toBe(16);
    expect(o.pbo).toBe(pbo(buckets, { splits: 16 }).pbo);
    expect(o.pbo).toBeGreaterThanOrEqual(0);
    expect(o.pbo).toBeLessThanOrEqual(1);
    expect(g.best?.metric).toBe('sharpe');
  });

  it('picks the overfitting bucket by a stated rule, and explains a missing PBO', () => {
    expect(overfitBucketSec(344, 60)).toBe(10); // the default sample: 35 buckets of 10 s instead of 6 of 60 s
    expect(overfitBucketSec(40 * 86_400, 3600)).toBe(3600); // enough hourly buckets already
    expect(overfitBucketSec(3.2, 60)).toBeCloseTo(0.1, 12); // under a second: span / 32
    const short = Array.from({ length: 4 }, (_, k) => Float64Array.of(1, -1, 2 + k, 0.5));
    const o = gridOverfitting({ x: { param: 'gamma', values: [1, 2] }, y: { param: 'kappa', values: [1, 2] } }, short, 60)!;
    expect(o.pbo).toBeNull();
    expect(o.pboNote).toMatch(/4 PnL buckets, under 8/);
    expect(o.dsr).not.toBeNull();
  });

  it('a cell that never traded has no Sharpe: it is not the best cell, not a trial and not in the PBO', () => {
    const T = 32;
    const losing = (k: number) => Float64Array.from({ length: T }, (_, i) => -1 + Math.sin(i * (k + 1)));
    const buckets = [losing(0), new Float64Array(T), losing(2)]; // the middle cell never filled: PnL 0 in every bucket
    const spec = { x: { param: 'gamma' as const, values: [1, 2, 3] }, y: { param: 'kappa' as const, values: [1] } };
    const o = gridOverfitting(spec, buckets, 60)!;
    expect(Number.isNaN(o.cellSharpes[1])).toBe(true);
    expect(o.best.cell).not.toBe(1); // a 0 would have beaten both losing cells
    expect(o.best.value).toBe(Math.max(sharpePerObservation(buckets[0]), sharpePerObservation(buckets[2])));
    expect(o.trials).toBe(2);
    expect(o.pbo).toBe(pbo([buckets[0], buckets[2]], { splits: 16 }).pbo);
    expect(o.pboNote).toMatch(/1 cell that never traded left out\.$/);
    // Every cell idle: no best cell at all.
    expect(gridOverfitting(spec, [new Float64Array(T), new Float64Array(T), new Float64Array(T)], 60)).toBeNull();
  });

  it('re-runs the in-sample best cell on the data after the train part, with the train calibration', () => {
    const oos = gridOutOfSample(market, cfg, sharpeSpec, 0.5);
    const [{ train, test }] = walkForwardRanges(market.time, { folds: 1, trainFraction: 0.5 });
    const trainData = sliceMarketData(market, train);
    expect(Array.from(oos.train.values)).toEqual(Array.from(gridSearch(trainData, cfg, sharpeSpec).values));
    const frozen = freezeCalibration(trainData, cfg);
    const r = runBacktest(sliceMarketData(market, test), { ...frozen.config, gamma: sharpeSpec.x.values[oos.best.ix], kappa: sharpeSpec.y.values[oos.best.iy] });
    expect(oos.outOfSampleTotalPnl).toBe(r.metrics.totalPnl);
    const b = bucketPnl(r.time, r.equity, oos.bucketSec);
    expect(oos.outOfSample.sharpe).toBe(sharpePerObservation(b));
    expect(oos.outOfSample.buckets).toBe(b.length);
    expect(oos.best).toEqual(oos.train.overfitting!.best);
  });
});

function gridRows(n: number, f: (c: number) => Float64Array): Float64Array[] {
  return Array.from({ length: n }, (_, c) => f(c));
}

describe('outOfSampleBest', () => {
  it('gives gridOutOfSample’s answer for a train grid run elsewhere (e.g. the worker pool)', () => {
    const spec = { x: { param: 'gamma', values: [0.5, 2, 8] }, y: { param: 'kappa', values: [20, 60] } };
    const cfg = { strategy: 'as' as const, bucketSec: 10 };
    const split = trainTestSplit(market, 0.6);
    expect(split.trainRange.to).toBe(split.testRange.from);
    const viaParts = outOfSampleBest(market, cfg, spec, gridSearch(split.train, cfg, spec), 0.6);
    const whole = gridOutOfSample(market, cfg, spec, 0.6);
    expect(viaParts.outOfSample).toEqual(whole.outOfSample);
    expect(viaParts.best).toEqual(whole.best);
    const noBuckets = { ...whole.train, overfitting: null };
    expect(() => outOfSampleBest(market, cfg, spec, noBuckets, 0.6)).toThrow(/grid must be a train-part grid/);
  });
});
