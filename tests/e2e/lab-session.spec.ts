import { expect, test } from '@playwright/test';
import { openApp } from './helpers';
import { makeQuotesCsv } from '../../bench/csv.bench';
import type {} from '../../src/app/devtools/console-api'; // window.mmlab type

// The lab session's failure path: a run that fails leaves the earlier views on screen marked stale,
// with the engine's message; the next good dataset clears both.
test('a failed run marks the views stale and shows the error; the next good run clears them', async ({ page }) => {
  await openApp(page, '?p=pnl');
  await expect.poll(() => page.evaluate(() => window.mmlab!.lab.getState().status), { timeout: 60_000 }).toBe('done');
  await expect(page.getByTestId('run-stale')).toHaveCount(0);
  // One row parses, but a backtest needs two ticks.
  await page.getByTestId('quotes-file').setInputFiles({ name: 'one-row.csv', mimeType: 'text/csv', buffer: Buffer.from('time,bid,ask\n1700000000,100,100.1\n') });
  await page.getByTestId('load-files').click();
  await expect.poll(() => page.evaluate(() => window.mmlab!.lab.getState().status), { timeout: 60_000 }).toBe('error');
  await expect(page.getByTestId('run-error')).toContainText('at least 2 ticks');
  await expect(page.getByTestId('run-stale')).toBeVisible();
  expect(await page.evaluate(() => window.mmlab!.lab.getState().stale)).toBe(true);

  await page.getByTestId('quotes-file').setInputFiles({ name: 'quotes-20k.csv', mimeType: 'text/csv', buffer: Buffer.from(makeQuotesCsv(20_000, 3)) });
  await page.getByTestId('load-files').click();
  await expect.poll(() => page.evaluate(() => window.mmlab!.lab.getState().status), { timeout: 60_000 }).toBe('done');
  await expect(page.getByTestId('run-error')).toHaveCount(0);
  await expect(page.getByTestId('run-stale')).toHaveCount(0);
});

// A series shorter than one regime bucket still backtests: only the Regimes panel has nothing to show, and says why.
test('a run on a few ticks completes; the Regimes panel says why it has no view', async ({ page }) => {
  await openApp(page, '?p=regimes');
  await expect.poll(() => page.evaluate(() => window.mmlab!.lab.getState().status), { timeout: 60_000 }).toBe('done');
  await page.getByTestId('quotes-file').setInputFiles({ name: 'three-rows.csv', mimeType: 'text/csv', buffer: Buffer.from('time,bid,ask\n1700000000,100,100.1\n1700000000.001,100,100.2\n1700000000.002,100.05,100.15\n') });
  await page.getByTestId('load-files').click();
  await expect.poll(() => page.evaluate(() => window.mmlab!.dataset.getState().dataset?.name), { timeout: 60_000 }).toBe('three-rows.csv');
  await expect.poll(() => page.evaluate(() => window.mmlab!.lab.getState().status), { timeout: 60_000 }).toBe('done');
  await expect(page.getByTestId('run-error')).toHaveCount(0);
  await expect(page.getByTestId('regimes-waiting')).toContainText('No regime view for this run');
  await expect(page.getByTestId('regimes-waiting')).toContainText('less than one regime bucket');
});
