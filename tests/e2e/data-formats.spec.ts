import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { waitForRunDone, watchErrors } from './helpers';
import type {} from '../../src/app/devtools/console-api'; // window.mmlab type

const vendor = (name: string) => readFileSync(new URL(`../fixtures/vendors/${name}`, import.meta.url));
const MSG = 'AAPL_2012-06-21_34200000_57600000_message_1.csv';
const BOOK = 'AAPL_2012-06-21_34200000_57600000_orderbook_1.csv';

async function openData(page: Page): Promise<void> {
  // Start from the small synthetic sample so the default 66k-row sample does not compete with the upload.
  await page.goto('./?sample=synthetic-3');
  await expect(page.getByRole('heading', { name: 'Data' })).toBeVisible();
  await expect(page.getByTestId('summary-rows')).toHaveText('300,000', { timeout: 30_000 });
  await expect(page.getByTestId('run-status')).toHaveText(/^Done: /, { timeout: 90_000 });
}

/** Waits for the backtest on the dataset just loaded (a run newer than the one before the upload). */
async function runFinishesOn(page: Page, rows: string): Promise<void> {
  await expect(page.getByTestId('summary-rows')).toHaveText(rows, { timeout: 60_000 });
  // The run on this dataset (one tick per row), not the one left from the sample.
  await expect(page.getByTestId('run-status')).toHaveText(`Done: ${rows} ticks`, { timeout: 90_000 });
  const state = await page.evaluate(() => {
    const w = window as unknown as { mmlab: { lab: { getState(): { status: string; error?: string | null } }; dataset: { getState(): { dataset: { columns: Record<string, Float64Array> } | null } } } };
    const d = w.mmlab.dataset.getState().dataset!;
    return { status: w.mmlab.lab.getState().status, ticks: d.columns.time.length, tradeSides: Array.from(new Set(Array.from(d.columns.tradeSide ?? d.columns.side ?? []))).sort() };
  });
  expect(state.status).toBe('done');
  expect(state.tradeSides).toEqual([-1, 1]);
}

test('a LOBSTER message + orderbook pair loads without a mapping, shows how it was read, and backtests', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = watchErrors(page);
  await openData(page);
  await page.getByTestId('quotes-file').setInputFiles({ name: MSG, mimeType: 'text/csv', buffer: vendor(`lobster-level1/${MSG}`) });
  await page.getByTestId('trades-file').setInputFiles({ name: BOOK, mimeType: 'text/csv', buffer: vendor(`lobster-level1/${BOOK}`) });
  await page.getByTestId('load-files').click();
  await runFinishesOn(page, '999');
  const report = page.getByTestId('detection-report');
  await expect(report).toBeVisible();
  await expect(report.getByTestId('detected-format').first()).toContainText('LOBSTER message + orderbook pair');
  await expect(report.getByTestId('detected-zone').first()).toContainText('America/New_York');
  await expect(report.getByTestId('detected-scale').first()).toContainText('1e-4');
  await expect(report).toContainText('side = −direction');
  await expect(report).toContainText('date 2012-06-21');
  // 2012-06-21 09:30 New York (EDT) is 13:30 UTC.
  const first = await page.evaluate(() => (window as unknown as { mmlab: { dataset: { getState(): { dataset: { columns: { time: Float64Array } } } } } }).mmlab.dataset.getState().dataset.columns.time[0]);
  expect(first).toBeCloseTo(Date.UTC(2012, 5, 21, 13, 30) / 1000 + 0.004241176, 5);
  expect(errors).toEqual([]);
});

test('a header-less Binance spot trades file loads as trades with sides and backtests', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = watchErrors(page);
  await openData(page);
  await page.getByTestId('quotes-file').setInputFiles({ name: 'BTCUSDT-trades-2024-08-09.csv', mimeType: 'text/csv', buffer: vendor('BTCUSDT-trades-2024-08-09.csv') });
  await page.getByTestId('load-files').click();
  await runFinishesOn(page, '1,000');
  const report = page.getByTestId('detection-report');
  await expect(report.getByTestId('detected-format')).toContainText('Binance spot trades (no header)');
  await expect(report.getByTestId('detected-time')).toContainText('time (ms)');
  await expect(report.getByTestId('detected-side')).toContainText('buyer is maker');
  await expect(report.getByTestId('detected-notes')).toContainText('ms before 2025');
  // One click: read the same file as a generic CSV, which has no header to go by: the mapping dialog's error comes back.
  await report.getByRole('button', { name: 'read as generic CSV' }).click();
  await expect(page.getByRole('alert').first()).toContainText('no header row', { timeout: 30_000 });
  expect(errors).toEqual([]);
});

test('a Databento MBP-1 file gives quotes and its trades (action T), reported apart, backtests, and its time-column and column-order overrides reload it', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = watchErrors(page);
  await openData(page);
  const MBP1 = 'xnys-pillar-20240105.mbp-1.csv';
  await page.getByTestId('quotes-file').setInputFiles({ name: MBP1, mimeType: 'text/csv', buffer: vendor(MBP1) });
  await page.getByTestId('load-files').click();
  await runFinishesOn(page, '8');
  const trades = await page.evaluate(() => {
    const d = (window as unknown as { mmlab: { dataset: { getState(): { dataset: { columns: Record<string, Float64Array> } } } } }).mmlab.dataset.getState().dataset;
    return { price: Array.from(d.columns.tradePrice), side: Array.from(d.columns.tradeSide), bid0: d.columns.bid[0], ask0: d.columns.ask[0] };
  });
  expect(trades).toEqual({ price: [187.18, 187.15, 187.18], side: [1, -1, 1], bid0: 187.15, ask0: 187.2 });
  const report = page.getByTestId('detection-report');
  await expect(report).toContainText(`${MBP1} (quotes)`);
  await expect(report).toContainText(`${MBP1} (trades, action T)`);
  await expect(report.getByTestId('detected-side')).toContainText('1 unknown inferred');
  // Time column, one click: the matching-engine time ts_event instead of ts_recv, for the quotes and their trades.
  await report.getByRole('button', { name: 'use ts_event' }).first().click();
  await expect(report.getByTestId('detected-time').first()).toContainText('ts_event (ns)', { timeout: 30_000 });
  await expect(report.getByTestId('detected-time').nth(1)).toContainText('ts_event (ns)');
  const t0 = await page.evaluate(() => (window as unknown as { mmlab: { dataset: { getState(): { dataset: { columns: { time: Float64Array } } } } } }).mmlab.dataset.getState().dataset.columns.time[0]);
  expect(t0).toBeCloseTo(Date.UTC(2024, 0, 5, 14, 30) / 1000 + 0.00065, 6);
  // Column order, one click: bid and ask read the other way round, every quote is crossed, and the load says so.
  await report.getByRole('button', { name: 'swap bid and ask (read ask_px_00 as the bid)' }).click();
  await expect(page.getByRole('alert').first()).toContainText('crossed quote', { timeout: 30_000 });
  expect(errors).toEqual([]);
});

test('a MetaTrader 5 tick export (UTF-16, tabs, date and time in two columns) loads as quotes, says how it was read, and backtests', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = watchErrors(page);
  await openData(page);
  const MT5 = 'EURUSD_202401020000_202401022359.csv';
  await page.getByTestId('quotes-file').setInputFiles({ name: MT5, mimeType: 'text/csv', buffer: vendor(MT5) });
  await page.getByTestId('load-files').click();
  await expect(page.getByTestId('summary-rows')).toHaveText('4', { timeout: 60_000 });
  const report = page.getByTestId('detection-report');
  await expect(report.getByTestId('detected-format').first()).toContainText('MetaTrader 5');
  await expect(report).toContainText('<DATE> and <TIME>');
  await expect(report).toContainText('unchanged since the row before');
  const d = await page.evaluate(() => {
    const c = (window as unknown as { mmlab: { dataset: { getState(): { dataset: { columns: Record<string, Float64Array> } } } } }).mmlab.dataset.getState().dataset.columns;
    return { time0: c.time[0], bid: Array.from(c.bid), ask: Array.from(c.ask) };
  });
  expect(d.time0).toBeCloseTo(Date.UTC(2024, 0, 2) / 1000 + 0.123, 6);
  expect(d.bid).toEqual([1.10401, 1.10401, 1.104, 1.10402]);
  expect(d.ask).toEqual([1.10412, 1.10413, 1.10413, 1.10411]);
  // Four quotes and no trades: the run finishes on them; with no fill, its per-fill figures say so instead of 0 %.
  await expect(page.getByTestId('run-status')).toHaveText('Done: 4 ticks', { timeout: 90_000 });
  await expect(page.getByTestId('metric-winrate')).toHaveText('n/a — no fills');
  await expect(page.getByTestId('metric-sharpe-bucket')).toHaveText('n/a — fewer than 2 buckets');
  // 879 ms of data: no PnL per hour (× 4,100) and no yearly factor (× 3.6e7) as if they meant something.
  await expect(page.getByTestId('metric-per-period')).toHaveText('n/a — under 1 min of data');
  await expect(page.getByTestId('metric-annualised-note')).toHaveText('Not annualised: the sample spans 879 ms, too short to scale to an hour, let alone a year.');
  expect(errors).toEqual([]);
});

test('three Binance bookTicker rows over 12 ms: no figure scaled from them, no empty fills views, every number box and time label readable', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 1400, height: 1000 }); // three charts a row: each about 330 px wide
  await openData(page);
  const FILE = 'BTCUSDT-bookTicker-2024-08-08.csv';
  await page.getByTestId('quotes-file').setInputFiles({ name: FILE, mimeType: 'text/csv', buffer: vendor(FILE) });
  await page.getByTestId('load-files').click();
  await expect(page.getByTestId('summary-rows')).toHaveText('3', { timeout: 60_000 });
  await expect(page.getByTestId('run-status')).toHaveText('Done: 3 ticks', { timeout: 90_000 });
  await expect(page.getByTestId('metric-per-period')).toHaveText('n/a — under 1 min of data');
  await expect(page.getByTestId('metric-annualised-note')).toHaveText('Not annualised: the sample spans 12 ms, too short to scale to an hour, let alone a year.');
  await expect(page.getByText(/^Figures over 12 ms of data: too short for a PnL per hour/)).toBeVisible();
  await expect(page.getByTestId('no-fills')).toBeVisible();
  await expect(page.getByTestId('markout-chart')).toHaveCount(0);
  await page.getByTestId('chart-histogram').scrollIntoViewIfNeeded(); // charts draw once in view
  await expect(page.getByTestId('histogram-one-bucket')).toHaveText('The data fill one bucket of 1 min: no distribution to draw.');
  // The calibrated values (γ here is 0.00100…, many digits) fit their number boxes.
  const clipped = await page.locator('.slider-number').evaluateAll((els) => (els as HTMLInputElement[]).filter((e) => e.scrollWidth > e.clientWidth).map((e) => `${e.getAttribute('aria-label')}: ${e.value}`));
  expect(clipped).toEqual([]);
  // Millisecond time labels on the PnL, drawdown, inventory and quote charts do not run into each other.
  for (const id of ['chart-pnl', 'chart-drawdown', 'chart-inventory', 'chart-quotes']) {
    const chart = page.getByTestId(id);
    await chart.scrollIntoViewIfNeeded();
    await page.evaluate(() => (window as unknown as { mmlab: { chartsSettled(): Promise<void> } }).mmlab.chartsSettled());
    await expect.poll(() => chart.locator('.mmc-x-tick').count(), { timeout: 15_000 }).toBeGreaterThan(1);
    const boxes = await chart.locator('.mmc-x-tick').evaluateAll((els) => els.map((e) => { const r = e.getBoundingClientRect(); return { text: e.textContent, left: r.left, right: r.right }; }));
    for (let k = 1; k < boxes.length; k++) expect(boxes[k].left, `${id}: ${boxes[k - 1].text} / ${boxes[k].text}`).toBeGreaterThan(boxes[k - 1].right);
  }
  expect(errors).toEqual([]);
});

/** HistData's 1-minute bars ("YYYYMMDD HHMMSS;open;high;low;close;0", no header) over `weeks` weeks of a weekday market, no weekend rows. */
function weekdayBars(weeks: number): Buffer {
  const lines: string[] = [];
  const pad = (v: number) => String(v).padStart(2, '0');
  let p = 1.085;
  for (let w = 0; w < weeks; w++) {
    for (let d = 0; d < 5; d++) {
      const day = new Date(Date.UTC(2024, 2, 4 + 7 * w + d)); // Monday 2024-03-04 onwards
      const ymd = `${day.getUTCFullYear()}${pad(day.getUTCMonth() + 1)}${pad(day.getUTCDate())}`;
      for (let m = 0; m < 1440; m++) {
        const k = (w * 5 + d) * 1440 + m;
        const c = p + 2e-5 * Math.sin(k * 0.37) + 1e-5 * Math.sin(k * 0.011);
        lines.push(`${ymd} ${pad(Math.floor(m / 60))}${pad(m % 60)}00;${p.toFixed(5)};${(Math.max(p, c) + 1e-5).toFixed(5)};${(Math.min(p, c) - 1e-5).toFixed(5)};${c.toFixed(5)};0`);
        p = c;
      }
    }
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

test('FX bars with weekends: the data panel says so, one click sets the 24/5 year, and the run leaves the weekend buckets out', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = watchErrors(page);
  await page.goto('./?sample=synthetic-3&p=pnl');
  await expect(page.getByTestId('summary-rows')).toHaveText('300,000', { timeout: 30_000 });
  await expect(page.getByTestId('run-status')).toHaveText(/^Done: /, { timeout: 90_000 });
  await page.getByTestId('quotes-file').setInputFiles({ name: 'DAT_ASCII_EURUSD_M1_202403.csv', mimeType: 'text/csv', buffer: weekdayBars(5) });
  await page.getByTestId('load-files').click();
  await expect(page.getByTestId('summary-rows')).toHaveText('36,000', { timeout: 60_000 });
  await expect(page.getByTestId('run-status')).toHaveText('Done: 36,000 ticks', { timeout: 90_000 });
  const hint = page.getByTestId('closed-time-hint');
  // HistData writes New York standard time (UTC−5): Friday 23:59 there is Saturday 04:59 UTC.
  await expect(hint).toContainText(/^The data pause for 48 h from Sat 2024-03-09 04:59 UTC: a weekend of a market that closes\?/);
  // On 24/7 the weekend days are flat day buckets.
  const before = await page.evaluate(() => { const s = window.mmlab!.lab.getState(); return { runId: s.runId, closed: s.summary!.metrics.histogram.closedBuckets, buckets: s.summary!.metrics.buckets }; });
  expect(before.closed).toBe(0);
  await hint.getByRole('button', { name: 'Use the FX year (24/5)' }).click();
  await waitForRunDone(page, before.runId);
  await expect(hint).toHaveCount(0);
  const after = await page.evaluate(() => { const m = window.mmlab!.lab.getState().summary!.metrics; return { closed: m.histogram.closedBuckets, buckets: m.buckets, annualisation: m.annualisation, basis: window.mmlab!.params.getState().params.yearBasis }; });
  expect(after.basis).toBe('24/5');
  // 5 weeks of day buckets from the first bar: 4 weekends of 2 days are closed.
  expect(after.closed).toBe(8);
  expect(after.buckets).toBe(before.buckets - 8);
  expect(after.annualisation).toMatch(/√\(260 buckets per 260 × 24 h year\); 8 buckets without a tick left out as closed market/);
  await expect(page.getByTestId('chart-histogram')).toContainText('8 without a tick left out as closed market');
  expect(errors).toEqual([]);
});
