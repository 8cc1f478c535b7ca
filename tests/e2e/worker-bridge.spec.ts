import { expect, test } from '@playwright/test';
import { asQuote } from '../../src/engine';
import { openApp } from './helpers';
import type {} from '../../src/app/devtools/console-api'; // brings in the window.mmlab type

// The worker bridge in a real browser worker: transfer, proxied progress, latest-wins.
const base = { mid: 100, q: 0, gamma: 0.1, sigma: 2, kappa: 1.5, tau: 0.5, A: 140 };

test('sweeps in a real worker, transferring the input and reporting progress', async ({ page }) => {
  await openApp(page);
  const out = await page.evaluate(async (b) => {
    const client = new window.mmlab!.engine.EngineClient();
    const n = 300_000;
    const values = new Float64Array(n).map((_, i) => (i % 21) - 10);
    const progress: number[] = [];
    const pending = client.sweepQuotes({ model: 'as', base: b, axis: 'q', values }, { onProgress: (d) => progress.push(d) });
    const detachedAfterSend = values.byteLength === 0;
    const r = await pending;
    client.terminate();
    return { detachedAfterSend, progress, n, bid3: r.bid[3], ask3: r.ask[3], len: r.bid.length };
  }, base);
  expect(out.detachedAfterSend).toBe(true);
  expect(out.len).toBe(out.n);
  expect(out.progress.at(-1)).toBe(out.n);
  expect(out.progress.length).toBeGreaterThanOrEqual(3);
  const q3 = (3 % 21) - 10;
  expect(out.bid3).toBe(asQuote({ ...base, q: q3 }).bid);
  expect(out.ask3).toBe(asQuote({ ...base, q: q3 }).ask);
});

test('latest wins: a newer run aborts the older one, which rejects with AbortError', async ({ page }) => {
  await openApp(page);
  const out = await page.evaluate(async (b) => {
    const { LatestRunner, isAborted } = window.mmlab!.engine;
    const runner = new LatestRunner();
    const big = new Float64Array(3_000_000).fill(1);
    const first = runner.run((c, signal) => c.sweepQuotes({ model: 'as', base: b, axis: 'q', values: big }, { signal }));
    await new Promise((r) => setTimeout(r, 20)); // the first is now running inside the worker
    const second = runner.run((c, signal) => c.sweepQuotes({ model: 'as', base: b, axis: 'q', values: Float64Array.of(4) }, { signal }));
    const [a, s] = await Promise.allSettled([first, second]);
    const cancelled = runner.run((c, signal) => c.sweepQuotes({ model: 'as', base: b, axis: 'q', values: Float64Array.of(1) }, { signal }));
    runner.cancel();
    const c = await cancelled.then(() => 'resolved', (e) => (isAborted(e) ? 'aborted' : String(e)));
    runner.client.terminate();
    return {
      firstAborted: a.status === 'rejected' && isAborted(a.reason),
      secondBid: s.status === 'fulfilled' ? s.value.bid[0] : null,
      c,
    };
  }, base);
  expect(out.firstAborted).toBe(true);
  expect(out.secondBid).toBe(asQuote({ ...base, q: 4 }).bid);
  expect(out.c).toBe('aborted');
});

test('a worker that dies rejects the call in flight with a clear error, and the next call starts a fresh one', async ({ page }) => {
  await openApp(page);
  const out = await page.evaluate(async (b) => {
    const { EngineClient, defaultEngineWorker } = window.mmlab!.engine;
    let made = 0;
    // The first worker's script does not exist: it fails to load (what a crash looks like to the page).
    const client = new EngineClient(() => (made++ === 0 ? new Worker('./no-such-worker.js', { type: 'module' }) : defaultEngineWorker()));
    const first = await client.sweepQuotes({ model: 'as', base: b, axis: 'q', values: Float64Array.of(1) }).then(() => 'resolved', (e: Error) => `${e.name}: ${e.message}`);
    const second = await client.sweepQuotes({ model: 'as', base: b, axis: 'q', values: Float64Array.of(2) });
    const starts = client.bridge.starts;
    client.terminate();
    return { first, secondBid: second.bid[0], starts };
  }, base);
  expect(out.first).toMatch(/^WorkerExitError: The engine worker stopped: .+\. The next call starts a fresh one\.$/);
  expect(out.secondBid).toBe(asQuote({ ...base, q: 2 }).bid);
  expect(out.starts).toBe(2);
});

test('an idle worker is shut down after idleMs, and the next call starts a fresh one', async ({ page }) => {
  await openApp(page);
  const out = await page.evaluate(async (b) => {
    const { WorkerBridge, defaultEngineWorker } = window.mmlab!.engine;
    type Api = { sweepQuotes(req: unknown): Promise<{ bid: Float64Array }> };
    const bridge = new WorkerBridge<Api>({ name: 'engine', create: defaultEngineWorker, idleMs: 100 });
    const req = (q: number) => ({ model: 'as', base: b, axis: 'q', values: Float64Array.of(q) });
    const a = await bridge.call((api) => api.sweepQuotes(req(1)));
    const runningAfterCall = bridge.running;
    await new Promise((r) => setTimeout(r, 400));
    const runningWhenIdle = bridge.running;
    const c = await bridge.call((api) => api.sweepQuotes(req(3)));
    const starts = bridge.starts;
    bridge.terminate();
    return { a: a.bid[0], c: c.bid[0], runningAfterCall, runningWhenIdle, starts };
  }, base);
  expect([out.runningAfterCall, out.runningWhenIdle, out.starts]).toEqual([true, false, 2]);
  expect(out.a).toBe(asQuote({ ...base, q: 1 }).bid);
  expect(out.c).toBe(asQuote({ ...base, q: 3 }).bid);
});
