import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { openApp, waitForRunDone } from './helpers';
import type {} from '../../src/app/devtools/console-api'; // window.mmlab type


test('fills panel: choose a fill model, see its reason, the blotter, the markout curve and the model band; export the blotter', async ({ page }) => {
  await openApp(page);
  await waitForRunDone(page, 0, ['fills']);
  const panel = page.locator('#fills');
  await panel.scrollIntoViewIfNeeded();
  await expect(page.getByTestId('fill-model-reason')).toContainText('trade-through: default: the data has');
  await expect(page.getByTestId('blotter').getByRole('row').nth(1)).toBeVisible();
  await page.getByTestId('markout-chart').scrollIntoViewIfNeeded();
  const markouts = page.getByTestId('markout-chart');
  await expect(markouts.locator('path.mmc-line').first()).toBeVisible();
  // One curve per side (buys, sells, all), error bars on buys and sells, an x tick at each horizon (log axis: 1 s sits
  // where the ratio puts it), and the hover readout: the engine's mean ± standard error at the nearest horizon.
  const pts = await page.evaluate(() => window.mmlab!.lab.getState().fills!.markouts);
  const { fmtNum, fmtDuration } = await import('../../src/lib/format');
  const hs = [...new Set(pts.map((p) => p.horizonSec))].sort((a, b) => a - b);
  await expect(markouts.locator('path.mmc-line')).toHaveCount(3);
  await expect(markouts.locator('path.mmc-err')).toHaveCount(2);
  await expect(markouts.locator('.mmc-x-tick')).toHaveText(hs.map(fmtDuration));
  const xs = await markouts.locator('.mmc-x-tick').evaluateAll((ts) => ts.map((t) => Number(t.getAttribute('x'))));
  const share = (Math.log(hs[1]) - Math.log(hs[0])) / (Math.log(hs[hs.length - 1]) - Math.log(hs[0]));
  expect(Math.abs((xs[1] - xs[0]) / (xs[xs.length - 1] - xs[0]) - share)).toBeLessThan(0.01);
  const last = await markouts.locator('.mmc-x-tick').last().boundingBox();
  const plot = await markouts.locator('.mmc-overlay').boundingBox();
  // At the last tick, a pixel inside the plot (its centre sits on the plot's right edge, where the hover area ends).
  await page.mouse.move(Math.min(last!.x + last!.width / 2, plot!.x + plot!.width - 2), plot!.y + plot!.height / 2);
  const buy = pts.find((p) => p.horizonSec === hs[hs.length - 1] && p.side === 'buy')!;
  await expect(markouts.locator('.mmc-tooltip')).toContainText(`horizon ${fmtDuration(buy.horizonSec)}`);
  await expect(markouts.locator('.mmc-tooltip')).toContainText(buy.count > 0 ? `our buys: ${fmtNum(buy.meanBps)} ± ${fmtNum(buy.stderrBps)}` : 'our buys: —');

  // Choose quote-cross: the run restarts and the reason line says it was chosen.
  const runId = await page.evaluate(() => window.mmlab!.lab.getState().runId);
  await page.getByTestId('fill-model-select').selectOption('quote-cross');
  await waitForRunDone(page, runId, ['fills']);
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
  await expect(page.getByTestId('intensity-chart').locator('path.mmc-line').first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('intensity')).toContainText('trades over');
  // On its log axis: a dot per depth with a positive empirical rate, the bootstrap band, y ticks on round values.
  const positive = await page.evaluate(() => Array.from(window.mmlab!.lab.getState().intensity!.rates).filter((r) => r > 0).length);
  const intensity = page.getByTestId('intensity-chart');
  expect((await intensity.locator('path.mmc-points').getAttribute('d'))!.match(/M/g)).toHaveLength(positive);
  await expect(intensity.locator('path.mmc-band')).toHaveCount(1);
  for (const t of await intensity.locator('.mmc-y-tick').allTextContents()) expect(t).toMatch(/^(1|2|5)(0*|e\d+)$|^0\.0*(1|2|5)$|^(1|2|5)e\u2212\d+$/);
});

test('fills: queue power on screen, λ(δ) per regime with the Regimes panel names, the fit range as a slider', async ({ page }) => {
  test.setTimeout(240_000);
  await openApp(page);
  await waitForRunDone(page, 0, ['fills']);

  // The queue model and its power n are run controls; n rides in the link (fp) and reaches the engine.
  const runId = await page.evaluate(() => window.mmlab!.lab.getState().runId);
  await page.getByTestId('fill-model-select').selectOption('queue');
  await page.getByTestId('queue-model-select').selectOption('power');
  const power = page.getByTestId('lab-queuePower');
  await expect(power.getByRole('slider')).toHaveAccessibleName(/Queue power/);
  await power.getByRole('spinbutton').fill('3');
  await power.getByRole('spinbutton').press('Enter');
  await expect(page).toHaveURL(/fp=3/);
  await expect(page).toHaveURL(/fq=power/);
  await expect.poll(() => page.evaluate((after) => {
    const s = window.mmlab!.lab.getState();
    return s.runId > after && s.status === 'done' && s.fills?.fillModel === 'queue' ? s.summary!.resolved.queuePower : null;
  }, runId), { timeout: 90_000 }).toBe(3);
  await expect(page.getByTestId('fill-model-reason')).toHaveText('queue: chosen in the settings');
  await expect(power.getByRole('slider')).toHaveAttribute('aria-valuetext', '3 exponent');

  // λ(δ): drawn for all the data, then per regime with the names the Regimes panel shows.
  await expect.poll(() => page.evaluate(() => window.mmlab!.lab.getState().regimes !== null), { timeout: 60_000 }).toBe(true);
  await page.getByTestId('intensity-draw').click();
  await expect.poll(() => page.evaluate(() => window.mmlab!.lab.getState().intensityByRegime !== null), { timeout: 60_000 }).toBe(true);
  const names = await page.evaluate(() => window.mmlab!.lab.getState().regimes!.rows.map((r) => r.label));
  // Every regime is drawn over the whole data's fit range (its default end: the 95th percentile of all trade depths).
  expect(await page.evaluate(() => {
    const s = window.mmlab!.lab.getState();
    return s.intensityByRegime!.rows.every((r) => r.curve === null || (r.curve.fitRange[0] === s.intensity!.fitRange[0] && r.curve.fitRange[1] === s.intensity!.fitRange[1]));
  })).toBe(true);
  const table = page.getByTestId('intensity-regimes');
  await table.scrollIntoViewIfNeeded();
  await expect(table.getByRole('row')).toHaveCount(1 + names.length);
  for (const n of names) await expect(table.getByRole('button', { name: n, exact: true })).toBeVisible();
  const shown = await page.evaluate(() => window.mmlab!.lab.getState().intensityByRegime!.rows.find((r) => r.curve !== null)!.label);
  await page.getByTestId('intensity-regime').selectOption({ label: `regime ${shown}` });
  await expect(page.getByTestId('intensity-chart')).toHaveAttribute('aria-label', new RegExp(`in regime ${shown.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  await expect(page.getByTestId('intensity-chart').locator('path.mmc-line').first()).toBeVisible({ timeout: 30_000 });

  // The fit range end as a slider (price units): keys move it, the curve and every regime are redrawn over the new range.
  const before = await page.evaluate(() => window.mmlab!.lab.getState().intensity!.fitRange[1]);
  const end = page.getByTestId('intensity-max-depth').getByRole('slider');
  await expect(end).toHaveAccessibleName(/Fit to depth.*price units/);
  await expect(end).toHaveAttribute('aria-valuetext', / price units$/);
  await end.focus();
  for (let k = 0; k < 20; k++) await end.press('ArrowLeft');
  await expect.poll(() => page.evaluate(() => {
    const s = window.mmlab!.lab.getState();
    const hi = s.intensity!.fitRange[1];
    return s.intensityByRegime!.rows.every((r) => r.curve === null || r.curve.fitRange[1] === hi) ? hi : null;
  }), { timeout: 30_000 }).toBeLessThan(before);

  // Two regimes instead of three: the next run redraws λ(δ) per regime with the Regimes panel's new names, over the same range.
  const hiNow = await page.evaluate(() => window.mmlab!.lab.getState().intensity!.fitRange[1]);
  await page.evaluate(() => window.mmlab!.lab.getState().setValue('nStates', 2));
  await expect.poll(() => page.evaluate(() => {
    const s = window.mmlab!.lab.getState();
    const names = s.regimes?.rows.map((r) => r.label).join('|');
    return s.status === 'done' && s.regimes?.nStates === 2 && s.intensityByRegime?.nStates === 2 && s.intensityByRegime.rows.map((r) => r.label).join('|') === names;
  }), { timeout: 90_000 }).toBe(true);
  expect(await page.evaluate(() => window.mmlab!.lab.getState().intensity!.fitRange[1])).toBe(hiNow);
  await expect(table.getByRole('row')).toHaveCount(3);
});

test('fills on quotes only (the USD-M quotes without their trades): quote-cross fills, and λ(δ) refuses clearly instead of showing the old data', async ({ page }) => {
  test.setTimeout(180_000);
  await openApp(page);
  await waitForRunDone(page, 0, ['fills']);
  await page.getByTestId('intensity-draw').click();
  await expect(page.getByTestId('intensity-chart')).toBeVisible({ timeout: 60_000 });

  const runId = await page.evaluate(() => window.mmlab!.lab.getState().runId);
  const quotes = readFileSync(new URL('../../public/samples/usdm-btcusdt-2024-08-08-bookticker.csv.gz', import.meta.url));
  await page.getByTestId('quotes-file').setInputFiles({ name: 'usdm-quotes.csv.gz', mimeType: 'application/gzip', buffer: quotes });
  await page.getByTestId('load-files').click();
  await waitForRunDone(page, runId, ['fills']);
  await expect(page.getByTestId('fill-model-reason')).toHaveText('quote-cross: default: the data has quotes but no trades: a quote fills when the opposite best quote reaches its price');
  expect(await page.evaluate(() => window.mmlab!.lab.getState().fills!.total)).toBeGreaterThan(0);
  await expect(page.getByTestId('blotter').getByRole('row').nth(1)).toContainText('quote #');
  // The default sample's λ(δ) is gone with its data; drawing again says why there is none.
  await expect(page.getByTestId('intensity-chart')).toHaveCount(0);
  await page.getByTestId('intensity-draw').click();
  await expect(page.getByTestId('intensity').getByRole('alert')).toHaveText('λ(δ) needs trades: this dataset has none (quotes only).');
});
