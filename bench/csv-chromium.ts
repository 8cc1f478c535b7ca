/**
 * A day of ticks in Chromium (issue 12): a 10^7-row quotes CSV (~500 MB, or `ROWS=…`) uploaded
 * through the Data panel's file input, streamed through the CSV worker into columns and saved to
 * IndexedDB. Prints the load time (click → summary), the worker's own time, main-thread long
 * tasks, and the peak resident memory of all Chromium processes (sampled every 200 ms with ps).
 *
 *   npx vite build --outDir /tmp/dist-x && DIST=/tmp/dist-x PORT=4199 npx tsx bench/csv-chromium.ts
 *
 * Not part of `npm run bench` (it needs a build, a browser and ~2 GB of memory).
 */
import { ensureQuotesFile, treeRss, withLabPage } from './chromium-harness';

const ROWS = Number(process.env.ROWS ?? 10_000_000);
const PORT = Number(process.env.PORT ?? 4199);
const DIST = process.env.DIST ?? 'dist';
const FILE = process.env.FILE ?? `/tmp/quotes-${ROWS}.csv`;

async function main(): Promise<void> {
  const size = ensureQuotesFile(FILE, ROWS);
  await withLabPage(DIST, PORT, async (page, browserPid) => {
    await page.getByTestId('quotes-file').setInputFiles(FILE);
    // Scripts as text: tsx's name helper (__name) does not exist in the page.
    await page.evaluate(`(() => {
      window.longTasks = [];
      window.frames_ = 0;
      new PerformanceObserver((list) => list.getEntries().forEach((e) => window.longTasks.push(e.duration))).observe({ type: 'longtask' });
      const tick = () => { window.frames_++; requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
    })()`);
    const base = treeRss(browserPid);
    let peak = base;
    const sampler = setInterval(() => {
      peak = Math.max(peak, treeRss(browserPid));
    }, 200);
    const t0 = Date.now();
    await page.getByTestId('load-files').click();
    await page.getByTestId('summary-rows').filter({ hasText: ROWS.toLocaleString('en-US') }).waitFor({ timeout: 900_000 });
    const wall = Date.now() - t0;
    clearInterval(sampler);
    const r = (await page.evaluate(`(() => {
      const d = window.mmlab && window.mmlab.dataset.getState().dataset;
      return { longTasks: window.longTasks, frames: window.frames_, loadMs: d && d.loadMs, saved: d && d.saved, saveError: d && d.saveError };
    })()`)) as { longTasks: number[]; frames: number; loadMs?: number; saved?: boolean; saveError?: string };
    const mb = size / 1e6;
    console.log(`[bench] Chromium, ${ROWS.toLocaleString()} quote rows (${mb.toFixed(0)} MB): click → summary ${wall} ms (${(mb / (wall / 1000)).toFixed(0)} MB/s); worker read+parse+summary ${r.loadMs?.toFixed(0)} ms (${r.loadMs ? (mb / (r.loadMs / 1000)).toFixed(0) : '?'} MB/s); saved to IndexedDB: ${r.saved}${r.saveError ? ` (${r.saveError})` : ''}`);
    console.log(`[bench] peak resident memory of all Chromium processes: ${(peak / 2 ** 20).toFixed(0)} MiB (${(base / 2 ** 20).toFixed(0)} MiB before the load); main-thread long tasks: ${r.longTasks.length} (${r.longTasks.map((d) => d.toFixed(0)).join(', ')} ms); animation frames during the load: ${r.frames}`);
  });
}

await main();
