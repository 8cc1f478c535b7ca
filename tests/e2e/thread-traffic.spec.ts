import { expect, test, type Page } from '@playwright/test';
import { makeQuotesCsv } from '../../bench/csv.bench';
import type {} from '../../src/app/devtools/console-api'; // window.mmlab type

// Bytes of typed-array data crossing threads for a 10^6-tick upload → run → compare → grid, counted
// on the page: every postMessage from the page (to a worker or a port) and every message it receives,
// split into moved (in the transfer list) and cloned (copied by structured clone), plus what the
// dataset worker served to other workers over ports (window.mmlab.datasetTraffic, when the build has
// it). Figures are printed for BENCHMARKS.md; the one assertion is about where the columns travel.

interface Phase { name: string; sentMoved: number; sentCloned: number; receivedBytes: number; served: number }

async function installCounter(page: Page) {
  await page.addInitScript(() => {
    const c = { sentMoved: 0, sentCloned: 0, receivedBytes: 0 };
    (window as unknown as { __traffic: typeof c }).__traffic = c;
    /** Bytes of ArrayBuffers under `v`, each buffer once; `moved` says which were in the transfer list. */
    const walk = (v: unknown, seen: Set<ArrayBufferLike>) => {
      if (v instanceof ArrayBuffer) seen.add(v);
      else if (ArrayBuffer.isView(v)) seen.add(v.buffer);
      else if (Array.isArray(v)) for (const x of v) walk(x, seen);
      else if (v !== null && typeof v === 'object' && !(v instanceof MessagePort)) for (const x of Object.values(v)) walk(x, seen);
    };
    const countSend = (data: unknown, transfer: unknown) => {
      const seen = new Set<ArrayBufferLike>();
      walk(data, seen);
      const list = Array.isArray(transfer) ? transfer : (transfer as { transfer?: unknown[] } | undefined)?.transfer ?? [];
      for (const b of seen) {
        if (list.includes(b)) c.sentMoved += b.byteLength;
        else c.sentCloned += b.byteLength;
      }
    };
    const countReceive = (e: Event) => {
      const seen = new Set<ArrayBufferLike>();
      walk((e as MessageEvent).data, seen);
      for (const b of seen) c.receivedBytes += b.byteLength;
    };
    for (const proto of [Worker.prototype, MessagePort.prototype] as Array<{ postMessage(data: unknown, t?: unknown): void }>) {
      const post = proto.postMessage;
      proto.postMessage = function (this: unknown, data: unknown, t?: unknown) {
        countSend(data, t); // counted before sending: a moved buffer is detached afterwards
        return post.call(this, data, t as never);
      };
    }
    const add = EventTarget.prototype.addEventListener;
    EventTarget.prototype.addEventListener = function (this: EventTarget, type: string, fn: EventListenerOrEventListenerObject | null, opts?: boolean | AddEventListenerOptions) {
      if (type === 'message' && (this instanceof Worker || this instanceof MessagePort) && !(this as { __counted?: boolean }).__counted) {
        (this as { __counted?: boolean }).__counted = true;
        add.call(this, 'message', countReceive);
      }
      return add.call(this, type, fn, opts);
    };
  });
}

async function snapshot(page: Page): Promise<{ sentMoved: number; sentCloned: number; receivedBytes: number; served: number }> {
  return page.evaluate(async () => {
    const c = (window as unknown as { __traffic: { sentMoved: number; sentCloned: number; receivedBytes: number } }).__traffic;
    const served = window.mmlab?.datasetTraffic ? (await window.mmlab.datasetTraffic()).bytesServed : 0;
    return { ...c, served };
  });
}

test('bytes across threads for a 10^6-tick upload → run → compare → grid (printed for BENCHMARKS.md)', async ({ page }) => {
  test.setTimeout(400_000);
  await installCounter(page);
  await page.goto('./?p=pnl,compare');
  await expect.poll(() => page.evaluate(() => window.mmlab!.lab.getState().status), { timeout: 60_000 }).toBe('done');
  const phases: Phase[] = [];
  let last = await snapshot(page);
  const mark = async (name: string) => {
    const now = await snapshot(page);
    phases.push({ name, sentMoved: now.sentMoved - last.sentMoved, sentCloned: now.sentCloned - last.sentCloned, receivedBytes: now.receivedBytes - last.receivedBytes, served: now.served - last.served });
    last = now;
  };
  const runId = await page.evaluate(() => window.mmlab!.lab.getState().runId);

  await page.getByTestId('quotes-file').setInputFiles({ name: 'quotes-1e6.csv', mimeType: 'text/csv', buffer: Buffer.from(makeQuotesCsv(1_000_000, 5)) });
  await page.getByTestId('load-files').click();
  await expect.poll(() => page.evaluate(() => window.mmlab!.dataset.getState().dataset?.rowsRead ?? 0), { timeout: 120_000 }).toBe(1_000_000);
  await mark('upload (parse, page copy)');
  await expect.poll(() => page.evaluate((r) => { const s = window.mmlab!.lab.getState(); return s.runId > r && s.status === 'done' && s.total === 1_000_000; }, runId), { timeout: 180_000 }).toBe(true);
  await mark('run (+ Kalman and regime views)');
  await page.getByTestId('compare-run').click();
  await expect.poll(() => page.evaluate(() => window.mmlab!.lab.getState().compareStatus), { timeout: 240_000 }).toBe('done');
  await mark('compare (6 strategies)');
  await page.getByTestId('grid-run').click();
  await expect(page.getByTestId('grid-heatmap')).toBeVisible({ timeout: 240_000 });
  await mark('grid (5 × 5, worker pool)');

  const mb = (b: number) => (b / 1e6).toFixed(2);
  const columnsMb = (1_000_000 * 3 * 8) / 1e6;
  console.log(`[traffic] 10^6 ticks (time, bid, ask = ${columnsMb} MB of columns); MB per phase — page sent moved / page sent cloned / page received / dataset worker served to workers:`);
  for (const p of phases) console.log(`[traffic] ${p.name}: ${mb(p.sentMoved)} / ${mb(p.sentCloned)} / ${mb(p.receivedBytes)} / ${mb(p.served)}`);
  const hasServe = await page.evaluate(() => typeof window.mmlab?.datasetTraffic === 'function');
  if (hasServe) {
    // Runs, comparisons and grid workers take their columns from the dataset worker: the page sends no column-sized payload.
    for (const p of phases) expect(p.sentMoved + p.sentCloned).toBeLessThan(columnsMb * 1e6 * 0.05);
    // The run starts as soon as the upload lands, so its columns may be served within either phase.
    expect(phases[0].served + phases[1].served).toBeGreaterThanOrEqual(columnsMb * 1e6);
  }
});
