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
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumArgs } from '../playwright.config';

const ROWS = Number(process.env.ROWS ?? 10_000_000);
const PORT = Number(process.env.PORT ?? 4199);
const DIST = process.env.DIST ?? 'dist';
const FILE = process.env.FILE ?? `/tmp/quotes-${ROWS}.csv`;

/** bookTicker-style rows (ns stamps, 2-decimal prices, 3-decimal sizes) written in 10^5-row batches, never held whole. */
function writeQuotes(path: string, rows: number): void {
  const fd = openSync(path, 'w');
  writeSync(fd, 'local_ts_ns,bid_px,bid_qty,ask_px,ask_qty\n');
  let sec = 1723161255, ns = 88169167, mid = 6180025, seed = 12345;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
  for (let done = 0; done < rows; ) {
    const n = Math.min(100_000, rows - done);
    const parts: string[] = [];
    for (let i = 0; i < n; i++) {
      ns += 1000 + Math.floor(rnd() * 5_000_000);
      if (ns >= 1e9) {
        sec++;
        ns -= 1e9;
      }
      mid += Math.floor(rnd() * 3) - 1;
      parts.push(`${sec}${String(ns).padStart(9, '0')},${((mid - 5) / 100).toFixed(2)},${(rnd() * 5).toFixed(3)},${((mid + 5) / 100).toFixed(2)},${(rnd() * 5).toFixed(3)}\n`);
    }
    writeSync(fd, parts.join(''));
    done += n;
  }
  closeSync(fd);
}

/** Resident memory (bytes) of a process and all its descendants. */
function treeRss(root: number): number {
  const out = execFileSync('ps', ['-eo', 'pid=,ppid=,rss='], { encoding: 'utf8' });
  const kids = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const line of out.trim().split('\n')) {
    const [pid, ppid, kb] = line.trim().split(/\s+/).map(Number);
    rss.set(pid, kb * 1024);
    kids.set(ppid, [...(kids.get(ppid) ?? []), pid]);
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const p = stack.pop()!;
    total += rss.get(p) ?? 0;
    stack.push(...(kids.get(p) ?? []));
  }
  return total;
}

async function main(): Promise<void> {
  let size: number;
  try {
    size = statSync(FILE).size;
  } catch {
    const t0 = Date.now();
    writeQuotes(FILE, ROWS);
    size = statSync(FILE).size;
    console.log(`wrote ${FILE}: ${ROWS.toLocaleString()} rows, ${(size / 1e6).toFixed(0)} MB in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  }
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort', '--outDir', DIST], { stdio: 'ignore', detached: true });
  try {
    for (let i = 0; i < 60; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${PORT}/`)).ok) break;
      } catch {
        /* not up yet */
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    const bserver = await chromium.launchServer({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs });
    const browserPid = bserver.process().pid!;
    const browser = await chromium.connect(bserver.wsEndpoint());
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${PORT}/?sample=synthetic-3`);
    await page.getByTestId('summary-rows').filter({ hasText: '300,000' }).waitFor({ timeout: 60_000 });
    await page.getByTestId('run-status').filter({ hasText: /^Done/ }).waitFor({ timeout: 120_000 });
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
    await browser.close();
    await bserver.close();
  } finally {
    if (server.pid) process.kill(-server.pid);
  }
}

await main();
