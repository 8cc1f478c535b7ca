import '@vitest/web-worker';
import { afterEach, describe, expect, it } from 'vitest';
import { generateSyntheticMarket, gridOutOfSample, gridSearch } from '../../src/engine';
import { GridPool } from '../../src/workers/grid-pool';

// Real module workers (see grid-pool.test.ts): each gets its own query string to be a separate instance.
let made = 0;
const makeWorker = () => new Worker(new URL(`../../src/workers/grid.worker.ts?overfit=${made++}`, import.meta.url), { type: 'module' });
const pools: GridPool[] = [];
afterEach(() => { pools.splice(0).forEach((p) => p.terminate()); });

describe('GridPool overfitting control', () => {
  it('carries every cell’s bucket PnL back, so the pool reports the same DSR, PBO and edge flag as gridSearch', async () => {
    const market = generateSyntheticMarket({ seed: 21, nTicks: 3000 });
    const spec = { x: { param: 'gamma', values: [0.5, 2, 8] }, y: { param: 'kappa', values: [20, 60] }, metric: 'sharpe' as const };
    const cfg = { strategy: 'as' as const, bucketSec: 10 };
    const pool = new GridPool({ size: 2, factory: makeWorker });
    pools.push(pool);
    const r = await pool.run(market, cfg, spec, { chunkCells: 2 });
    const ref = gridSearch(market, cfg, spec);
    expect(r.overfitting).not.toBeNull();
    expect(r.overfitting!.dsr).toBe(ref.overfitting!.dsr);
    expect(r.overfitting!.pbo).toBe(ref.overfitting!.pbo);
    expect(Array.from(r.overfitting!.pboLogits!)).toEqual(Array.from(ref.overfitting!.pboLogits!));
    expect(r.overfitting!.best).toEqual(ref.overfitting!.best);
    expect(r.best).toEqual(ref.best);
    // Then the out-of-sample check in the first worker: the engine's gridOutOfSample on the same data.
    const oos = await pool.outOfSample(market, cfg, spec, { trainFraction: 0.5 });
    const want = gridOutOfSample(market, cfg, spec, 0.5);
    expect(oos.best).toEqual(want.best);
    expect(oos.outOfSample).toEqual(want.outOfSample);
    expect(oos.outOfSampleTotalPnl).toBe(want.outOfSampleTotalPnl);
    // A fresh pool feeds its first worker the data itself.
    const fresh = new GridPool({ size: 1, factory: makeWorker });
    pools.push(fresh);
    expect((await fresh.outOfSample(market, cfg, spec, { trainFraction: 0.5 })).outOfSample).toEqual(want.outOfSample);
  });
});
