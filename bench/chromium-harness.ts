/** Shared by the Chromium benches (csv-chromium.ts, run-chromium.ts): the 10^7-row quotes file and memory sampling. */
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { chromiumArgs } from '../playwright.config';

/** bookTicker-style rows (ns stamps, 2-decimal prices, 3-decimal sizes) written in 10^5-row batches, never held whole. */
export function writeQuotes(path: string, rows: number): void {
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
export function treeRss(root: number): number {
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


/** The quotes file at `path` (written first if missing); its size in bytes. */
export function ensureQuotesFile(path: string, rows: number): number {
  try {
    return statSync(path).size;
  } catch {
    const t0 = Date.now();
    writeQuotes(path, rows);
    const size = statSync(path).size;
    console.log(`wrote ${path}: ${rows.toLocaleString()} rows, ${(size / 1e6).toFixed(0)} MB in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    return size;
  }
}

/**
 * The built app (`dist`) served by vite preview on `port`, opened in Debian Chromium on the
 * synthetic sample with its first run done; `body` gets the page and the browser's process id.
 */
export async function withLabPage(dist: string, port: number, body: (page: Page, browserPid: number) => Promise<void>, cdpPort?: number): Promise<void> {
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', dist], { stdio: 'ignore', detached: true });
  try {
    for (let i = 0; i < 60; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/`)).ok) break;
      } catch {
        /* not up yet */
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    const bserver = await chromium.launchServer({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: cdpPort ? [...chromiumArgs, `--remote-debugging-port=${cdpPort}`] : chromiumArgs });
    const browser = await chromium.connect(bserver.wsEndpoint());
    try {
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${port}/?sample=synthetic-3`);
      await page.getByTestId('summary-rows').filter({ hasText: '300,000' }).waitFor({ timeout: 60_000 });
      await page.getByTestId('run-status').filter({ hasText: /^Done/ }).waitFor({ timeout: 120_000 });
      await body(page, bserver.process().pid!);
    } finally {
      await browser.close();
      await bserver.close();
    }
  } finally {
    if (server.pid) process.kill(-server.pid);
  }
}

/**
 * Samples one worker's own memory over the DevTools protocol: V8 heap used plus ArrayBuffer backing
 * stores (Runtime.getHeapUsage: usedSize + backingStorageSize), through the browser's CDP endpoint
 * (Chromium started with --remote-debugging-port). Needs a WebSocket (Node ≥ 22, or Node 20 with
 * NODE_OPTIONS=--experimental-websocket).
 */
export async function workerMemorySampler(cdpPort: number, urlPattern: RegExp): Promise<{ sample(): Promise<number>; close(): void }> {
  const WS = (globalThis as { WebSocket?: typeof WebSocket }).WebSocket;
  if (!WS) throw new Error('No WebSocket in this Node: run with NODE_OPTIONS=--experimental-websocket (Node 20)');
  const version = (await (await fetch(`http://127.0.0.1:${cdpPort}/json/version`)).json()) as { webSocketDebuggerUrl: string };
  const ws = new WS(version.webSocketDebuggerUrl);
  await new Promise((res, rej) => { ws.onopen = res; ws.onerror = rej; });
  let nextId = 1;
  const pending = new Map<number, (r: { result?: Record<string, unknown>; error?: { message: string } }) => void>();
  ws.onmessage = (ev) => {
    const msg = JSON.parse(String(ev.data)) as { id?: number; result?: Record<string, unknown>; error?: { message: string } };
    if (msg.id !== undefined) pending.get(msg.id)?.(msg);
  };
  const send = (method: string, params: object = {}, sessionId?: string) => new Promise<Record<string, unknown>>((res, rej) => {
    const id = nextId++;
    pending.set(id, (m) => (m.error ? rej(new Error(`${method}: ${m.error.message}`)) : res(m.result ?? {})));
    ws.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
  });
  // The worker may be replaced (a run that aborts another terminates its worker): re-attach when the session fails.
  let session: string | null = null;
  const attach = async () => {
    const { targetInfos } = (await send('Target.getTargets')) as { targetInfos: Array<{ targetId: string; type: string; url: string }> };
    const target = targetInfos.find((t) => t.type === 'worker' && urlPattern.test(t.url));
    if (!target) throw new Error(`no worker target matches ${urlPattern}: ${targetInfos.map((t) => `${t.type} ${t.url}`).join('; ')}`);
    session = ((await send('Target.attachToTarget', { targetId: target.targetId, flatten: true })) as { sessionId: string }).sessionId;
    return session;
  };
  await attach();
  return {
    async sample() {
      let u: { usedSize: number; backingStorageSize?: number };
      try {
        u = (await send('Runtime.getHeapUsage', {}, session ?? (await attach()))) as typeof u;
      } catch {
        u = (await send('Runtime.getHeapUsage', {}, await attach())) as typeof u;
      }
      return u.usedSize + (u.backingStorageSize ?? 0);
    },
    close: () => ws.close(),
  };
}
