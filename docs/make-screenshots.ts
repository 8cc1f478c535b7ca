/**
 * `npm run screenshots`: serves dist/ (run `npm run build` first) with vite preview and saves
 * screenshots of the page and of each panel in its default state (default sample, default run) under docs/.
 */
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';
import { chromiumArgs } from '../playwright.config.ts';

const port = 4399;
// Its own process group, so the preview server npx starts is stopped with it (killing npx alone leaves it running).
const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { stdio: 'ignore', detached: true });
try {
  await new Promise((r) => setTimeout(r, 2500));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(`http://127.0.0.1:${port}/`);
  // Wait for the default sample's backtest and its Kalman and regime views.
  await page.waitForFunction(() => (window as unknown as { mmlab?: { lab: { getState(): { status: string; regimes: unknown } } } }).mmlab?.lab.getState().regimes != null, null, { timeout: 60_000 });
  await page.waitForTimeout(1000);
  await page.screenshot({ path: 'docs/screenshot-default.png', fullPage: false });
  for (const id of await page.locator('section.panel[id]').evaluateAll((els) => els.map((e) => e.id))) {
    if (id === 'about') continue;
    await page.locator(`#${id}`).scrollIntoViewIfNeeded();
    await page.waitForTimeout(800); // off-screen charts redraw once they are in view
    await page.locator(`#${id}`).screenshot({ path: `docs/panel-${id}.png` });
    console.log(`docs/panel-${id}.png`);
  }
  await browser.close();
} finally {
  if (server.pid !== undefined) process.kill(-server.pid, 'SIGTERM');
}
