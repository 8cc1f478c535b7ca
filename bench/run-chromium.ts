/**
 * A day of ticks run in Chromium (issue 15): the 10^7-row quotes file of csv-chromium.ts uploaded
 * through the Data panel, then the backtest the page starts on its own once the dataset lands (the
 * defaults for quotes-only data). Prints the run's time (dataset landed → "Done"), the peak resident
 * memory of all Chromium processes during the run against their size when it started (the lab
 * worker's run state plus its own copy of the columns, which the dataset worker moves to it), the
 * main-thread long tasks during the run, and the run's status line.
 *
 *   npx vite build --outDir /tmp/dist-x && DIST=/tmp/dist-x PORT=4198 NODE_OPTIONS=--experimental-websocket npx tsx bench/run-chromium.ts
 *
 * Not part of `npm run bench` (it needs a build, a browser and several GB of memory).
 */
import { ensureQuotesFile, treeRss, withLabPage, workerMemorySampler } from './chromium-harness';

const ROWS = Number(process.env.ROWS ?? 10_000_000);
const PORT = Number(process.env.PORT ?? 4198);
const DIST = process.env.DIST ?? 'dist';
const FILE = process.env.FILE ?? `/tmp/quotes-${ROWS}.csv`;
const MiB = 2 ** 20;
const CDP_PORT = Number(process.env.CDP_PORT ?? 9333);

/** Peak of a sampled async figure until stop() (one sample in flight at a time). */
function peakOf(sample: () => Promise<number>): { stop(): Promise<number>; first: Promise<number> } {
  let peak = 0, running = true;
  const first = sample().then((v) => (peak = Math.max(peak, v)));
  const loop = (async () => {
    await first;
    while (running) {
      peak = Math.max(peak, await sample().catch(() => 0));
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  return { first, async stop() { running = false; await loop; return peak; } };
}

await withLabPage(DIST, PORT, async (page, browserPid) => {
  const size = ensureQuotesFile(FILE, ROWS);
  const lab = await workerMemorySampler(CDP_PORT, /lab\.worker/);
  const labBefore = await lab.sample();
  const labPeak = peakOf(() => lab.sample());
  await page.getByTestId('quotes-file').setInputFiles(FILE);
  await page.getByTestId('load-files').click();
  await page.getByTestId('summary-rows').filter({ hasText: ROWS.toLocaleString('en-US') }).waitFor({ timeout: 900_000 });
  // The dataset has landed; the page starts the run now. Long tasks from here on are the run's.
  const atLanded = treeRss(browserPid);
  let peak = atLanded;
  const sampler = setInterval(() => { peak = Math.max(peak, treeRss(browserPid)); }, 100);
  const t0 = Date.now();
  await page.evaluate(`(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => window.longTasks.push(e.duration))).observe({ type: 'longtask' });
  })()`);
  await page.getByTestId('run-status').filter({ hasText: /^Done/ }).waitFor({ timeout: 1_800_000 });
  const wall = Date.now() - t0;
  clearInterval(sampler);
  const labPeak1 = await labPeak.stop();
  const labAfter1 = await lab.sample();
  const after = treeRss(browserPid);
  const r = (await page.evaluate(`(() => ({ longTasks: window.longTasks, status: document.querySelector('[data-testid=run-status]').textContent, error: document.querySelector('[data-testid=run-error]')?.textContent ?? null }))()`)) as { longTasks: number[]; status: string; error: string | null };
  // A second run of the same settings (Run): the lab worker now holds its columns and the first run's
  // result, so what the process tree grows by is this run's own state.
  await page.waitForTimeout(2000);
  const before2 = treeRss(browserPid);
  const labBefore2 = await lab.sample();
  const labPeakRun2 = peakOf(() => lab.sample());
  let peak2 = before2;
  const sampler2 = setInterval(() => { peak2 = Math.max(peak2, treeRss(browserPid)); }, 100);
  await page.evaluate('window.longTasks = []');
  const t1 = Date.now();
  await page.getByTestId('run-button').click();
  await page.getByTestId('run-status').filter({ hasText: /^Running/ }).waitFor({ timeout: 60_000 }).catch(() => {});
  await page.getByTestId('run-status').filter({ hasText: /^Done/ }).waitFor({ timeout: 1_800_000 });
  const wall2 = Date.now() - t1;
  clearInterval(sampler2);
  const labPeak2 = await labPeakRun2.stop();
  lab.close();
  const lt2 = (await page.evaluate('window.longTasks')) as number[];
  const over50 = r.longTasks.filter((d) => d > 50);
  const over50b = lt2.filter((d) => d > 50);
  const perTick = (b: number) => `${(b / MiB).toFixed(0)} MiB = ${(b / ROWS).toFixed(0)} bytes per tick`;
  console.log(`[bench] Chromium, ${ROWS.toLocaleString()} ticks (quotes file ${(size / 1e6).toFixed(0)} MB); status "${r.status}"${r.error ? `; error "${r.error}"` : ''}`);
  console.log(`[bench] first run: dataset landed → Done ${(wall / 1000).toFixed(1)} s (incl. moving the columns to the lab worker); resident memory of all Chromium processes ${(atLanded / MiB).toFixed(0)} MiB at landing, peak ${(peak / MiB).toFixed(0)} MiB, ${(after / MiB).toFixed(0)} MiB after: peak − landed ${perTick(peak - atLanded)} (the lab worker's columns and mid, 48 bytes per tick, included)`);
  console.log(`[bench] second run (Run, same settings): ${(wall2 / 1000).toFixed(1)} s (${(ROWS / wall2 / 1e3).toFixed(2)} M ticks/s, click → Done); peak − before ${perTick(peak2 - before2)} (this run's state; the first run's result is still held until it is replaced)`);
  const datasetBytes = ROWS * 48; // the lab worker's copy of time, bid, ask, bid and ask sizes, and the mid it derives
  console.log(`[bench] lab worker's own memory (V8 heap + ArrayBuffers, CDP Runtime.getHeapUsage): ${(labBefore / MiB).toFixed(0)} MiB before the load, peak ${(labPeak1 / MiB).toFixed(0)} MiB in the first run, ${(labAfter1 / MiB).toFixed(0)} MiB after it; beyond its columns (${(datasetBytes / MiB).toFixed(0)} MiB): first-run peak ${perTick(labPeak1 - labBefore - datasetBytes)}; second run: ${(labBefore2 / MiB).toFixed(0)} MiB before, peak ${(labPeak2 / MiB).toFixed(0)} MiB, peak − before ${perTick(labPeak2 - labBefore2)}`);
  console.log(`[bench] main-thread long tasks: first run ${r.longTasks.length} (${over50.length} over 50 ms: ${over50.map((d) => d.toFixed(0)).join(', ') || 'none'}); second run ${lt2.length} (${over50b.length} over 50 ms: ${over50b.map((d) => d.toFixed(0)).join(', ') || 'none'})`);
}, CDP_PORT);
