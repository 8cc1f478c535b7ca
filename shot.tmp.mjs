import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
const out = process.env.OUT ?? '/tmp/shots';
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
const errors = [];
page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
page.on('pageerror', (e) => errors.push(String(e)));
await page.goto('http://127.0.0.1:4312/' + (process.env.Q ?? ''));
const done = async (after) => { for (let i = 0; i < 600; i++) { const s = await page.evaluate(() => { const s = window.mmlab.lab.getState(); return { st: s.status, id: s.runId, ok: s.summary !== null }; }); if (s.st === 'done' && s.ok && s.id > after) return s.id; await page.waitForTimeout(250); } throw new Error('run not done'); };
let id = await done(0);
if (process.env.FILE) {
  await page.locator('input[type=file]').first().setInputFiles(process.env.FILE);
  await page.getByRole('button', { name: 'Load file' }).click();
  id = await done(id);
}
for (const c of (process.env.CLICKS ?? '').split('|').filter(Boolean)) {
  await page.getByRole('button', { name: c }).first().click();
  if (c.startsWith('Use the')) id = await done(id);
  await page.waitForTimeout(4000);
}
const h = await page.evaluate(() => document.body.scrollHeight);
for (let y = 0; y < h; y += 800) { await page.evaluate((y) => window.scrollTo(0, y), y); await page.waitForTimeout(150); }
await page.evaluate(() => window.scrollTo(0, 0));
await page.waitForTimeout(500);
const H = await page.evaluate(() => document.body.scrollHeight);
for (let y = 0, k = 0; y < H; y += 1000, k++) await page.screenshot({ path: `${out}/s${String(k).padStart(2, '0')}.png`, fullPage: true, clip: { x: 0, y, width: 1400, height: Math.min(1000, H - y) } });
const text = await page.evaluate(() => document.body.innerText);
const bad = text.match(/.{0,60}(NaN|Infinity|undefined).{0,60}/g);
console.log('pages', Math.ceil(H / 1000), 'errors', errors, 'bad', bad);
await browser.close();
