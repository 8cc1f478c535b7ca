import { describe, expect, it } from 'vitest';
import { generateSyntheticMarket, gridSearch, runBacktest, setConfigParam, GRID_METRICS, ParamError } from '../../../src/engine';

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
