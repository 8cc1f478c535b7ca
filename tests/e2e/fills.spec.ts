import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { openApp } from './helpers';
import type {} from '../../src/app/devtools/console-api'; // window.mmlab type

/** Waits until a run newer than `afterRunId` has finished with its fills view. */
async function waitForFills(page: Page, afterRunId = 0) {
  await expect.poll(async () => page.evaluate((after) => {
    const s = window.mmlab!.lab.getState();
    return s.runId > after && s.status === 'done' && s.fills !== null;
  }, afterRunId), { timeout: 90_000 }).toBe(true);
}

test('fills panel: choose a fill model, see its reason, the blotter, the markout curve and the model band; export the blotter', async ({ page }) => {
  await openApp(page);
  await waitForFills(page);
  const panel = page.locator('#fills');
  await panel.scrollIntoViewIfNeeded();
  await expect(page.getByTestId('fill-model-reason')).toContainText('trade-through: default: the data has');
  await expect(page.getByTestId('blotter').getByRole('row').nth(1)).toBeVisible();
  await page.getByTestId('markout-chart').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('markout-chart').locator('.recharts-line-curve').first()).toBeVisible();

  // Choose quote-cross: the run restarts and the reason line says it was chosen.
  const runId = await page.evaluate(() => window.mmlab!.lab.getState().runId);
  await page.getByTestId('fill-model-select').selectOption('quote-cross');
  await waitForFills(page, runId);
  await expect(page.getByTestId('fill-model-reason')).toHaveText('quote-cross: chosen in the settings');

  // The blotter as CSV: one line per fill plus the header.
  const total = await page.evaluate(() => window.mmlab!.lab.getState().fills!.total);
  const download = page.waitForEvent('download');
  await page.getByTestId('blotter-csv').click();
  const file = await (await download).path();
  const lines = readFileSync(file, 'utf8').trim().split('\n');
  expect(lines[0]).toMatch(/^time_s,side/);
  expect(lines).toHaveLength(total + 1);

  // The band across fill models.
  await page.getByTestId('model-band').getByRole('button').click();
  await expect(page.getByTestId('model-band').getByRole('table')).toContainText('queue (power n = 2)', { timeout: 90_000 });

  // The calibration view: λ(δ) of the sample's trades with its fits.
  await page.getByTestId('intensity-draw').click();
  await page.getByTestId('intensity-chart').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('intensity-chart').locator('.recharts-line-curve').first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('intensity')).toContainText('trades over');
});
