import { expect, test } from '@playwright/test';
import { openApp, watchErrors } from './helpers';
import type {} from '../../src/app/devtools/console-api'; // window.mmlab type

const num = (text: string | null) => Number((text ?? '').replace('\u2212', '-').replace(/[^0-9eE+\-.]/g, ''));

test('walk-forward on the default sample shows one row per fold with finite figures, and pooled out-of-sample figures', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, '?p=walk-forward');
  await expect.poll(async () => page.evaluate(() => { const s = window.mmlab!.lab.getState(); return s.status === 'done' && s.summary !== null; }), { timeout: 90_000 }).toBe(true);
  await page.getByTestId('wf-folds').fill('4');
  await page.getByTestId('wf-anchored').check();
  await page.getByTestId('wf-run').click();
  await expect(page.getByTestId('wf-table')).toBeVisible({ timeout: 90_000 });
  const rows = page.getByTestId('wf-fold');
  await expect(rows).toHaveCount(4);
  for (let i = 0; i < 4; i++) {
    const row = rows.nth(i);
    expect(Number.isFinite(num(await row.getByTestId('wf-fold-pnl').textContent()))).toBe(true);
    expect(Number.isFinite(num(await row.getByTestId('wf-fold-fills').textContent()))).toBe(true);
    await expect(row.getByTestId('wf-fold-sharpe')).toContainText('(n = ');
    // Train and test parts as UTC clock ranges.
    await expect(row.getByRole('cell').nth(0)).toHaveText(/^\d\d:\d\d:\d\d – \d\d:\d\d:\d\d$/);
  }
  await expect(page.getByTestId('wf-table')).toContainText('4 anchored folds');
  // The page shows what the lab worker computed (the store holds the engine's result).
  const pooled = await page.evaluate(() => { const r = window.mmlab!.lab.getState().walkForward!; return { net: r.pooled.netPnl, n: r.pooled.sharpe.buckets, folds: r.folds.length, anchored: r.options.anchored }; });
  expect(pooled).toMatchObject({ folds: 4, anchored: true });
  expect(Number.isFinite(pooled.net)).toBe(true);
  expect(Math.abs(num(await page.getByTestId('wf-pooled-pnl').textContent()) - pooled.net)).toBeLessThanOrEqual(0.005 + 1e-9);
  await expect(page.getByTestId('wf-pooled')).toContainText(`n = ${pooled.n} buckets`);
  expect(errors).toEqual([]);
});
