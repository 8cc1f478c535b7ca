import '@vitest/web-worker';
import { afterEach, describe, expect, it } from 'vitest';
import { generateSyntheticMarket, gridSearch, GRID_METRICS } from '../../src/engine';
import { GridPool } from '../../src/workers/grid-pool';

// Real module workers run by @vitest/web-worker, speaking comlink to the real engine. That runner
// evaluates a module once per URL, so each worker gets its own query string to be a separate
// instance. It does not detach transferred buffers; transfer itself is exercised in Chromium
// (tests/e2e/grid-bench.spec.ts).
let made = 0;
const makeWorker = () => new Worker(new URL(`../../src/workers/grid.worker.ts?instance=${made++}`, import.meta.url), { type: 'module' });
const market = generateSyntheticMarket({ seed: 21, nTicks: 3000 });
const spec = { x: { param: 'gamma', values: [0.5, 2, 8] }, y: { param: 'kappa', values: [20, 60] }, metric: 'sharpe' as const };

const pools: GridPool[] = [];
afterEach(() => { pools.splice(0).forEach((p) => p.terminate()); });
function pool(size = 2): GridPool { const p = new GridPool({ size, factory: makeWorker }); pools.push(p); return p; }

describe('GridPool', () => {
  it('gives the same matrices as the single-threaded gridSearch, with progress to the end', async () => {
    const progress: number[] = [];
    const r = await pool().run(market, { strategy: 'as' }, spec, { onProgress: (p) => progress.push(p.done), chunkCells: 1 });
    const ref = gridSearch(market, { strategy: 'as' }, spec);
    expect(r.cells).toBe(6);
    expect(Array.from(r.values)).toEqual(Array.from(ref.values));
    for (const m of GRID_METRICS) expect(Array.from(r.matrices[m])).toEqual(Array.from(ref.matrices[m]));
    expect(progress).toEqual([1, 2, 3, 4, 5, 6]);
    expect(market.time.length).toBe(3000); // the caller's columns are copied, not taken
  });

  it("runs the regime strategy on one shared HMM fit, identically when re-run on the same data", async () => {
    const p = pool();
    const a = await p.run(market, { strategy: 'as-regime', regime: { fitTicks: 2000 } }, spec);
    const b = await p.run(market, { strategy: 'as-regime', regime: { fitTicks: 2000 } }, spec);
    expect(Array.from(a.values)).toEqual(Array.from(b.values));
    expect(a.values.every(Number.isFinite)).toBe(true);
  });

  it('rejects with an AbortError when cancelled, and runs again afterwards', async () => {
    const p = pool();
    const ctl = new AbortController();
    const run = p.run(market, { strategy: 'as' }, spec, { signal: ctl.signal, chunkCells: 1, onProgress: () => ctl.abort() });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    const again = await p.run(market, { strategy: 'as' }, spec);
    expect(again.values.every(Number.isFinite)).toBe(true);
    const pre = new AbortController();
    pre.abort();
    await expect(p.run(market, {}, spec, { signal: pre.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('hands each worker the columns once: two runs and an out-of-sample check on the same data send them once per worker', async () => {
    // Count what the page sends: every comlink call to setData / setDataFrom posted to each real worker (the
    // test runner's worker re-posts messages queued before its start-up, so each message object counts once).
    const sent: string[] = [];
    const seen = new WeakSet<object>();
    const counting = () => {
      const w = makeWorker();
      const post = w.postMessage.bind(w) as (m: unknown, t?: Transferable[]) => void;
      const id = made;
      w.postMessage = ((m: unknown, t?: Transferable[]) => {
        const path = (m as { path?: unknown } | null)?.path;
        if (m !== null && typeof m === 'object' && !seen.has(m) && Array.isArray(path) && (path[0] === 'setData' || path[0] === 'setDataFrom')) {
          seen.add(m);
          sent.push(`worker ${id}: ${String(path[0])}`);
        }
        post(m, t);
      }) as Worker['postMessage'];
      return w;
    };
    const p = new GridPool({ size: 2, factory: counting });
    pools.push(p);
    const a = await p.run(market, { strategy: 'as' }, spec);
    expect(sent).toHaveLength(2);
    expect(new Set(sent).size).toBe(2); // one per worker
    const b = await p.run(market, { strategy: 'as' }, spec);
    await p.outOfSample(market, { strategy: 'as' }, spec);
    expect(sent).toHaveLength(2);
    expect(Array.from(b.values)).toEqual(Array.from(a.values));
    // New data is sent again, once per worker.
    const other = generateSyntheticMarket({ seed: 22, nTicks: 3000 });
    await p.run(other, { strategy: 'as' }, spec);
    expect(sent).toHaveLength(4);
  });
});
