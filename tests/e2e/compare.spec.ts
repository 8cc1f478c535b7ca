import { expect, test } from '@playwright/test';
import { openApp, waitForRunDone } from './helpers';
import type {} from '../../src/app/devtools/console-api'; // window.mmlab type

test('compare: one PnL curve per strategy on one clock, legend in the ranking order, the hover reading each curve', async ({ page }) => {
  await openApp(page, '?p=compare');
  await waitForRunDone(page, 0, ['summary']);
  await page.getByTestId('compare-run').click();
  await expect.poll(() => page.evaluate(() => window.mmlab!.lab.getState().compareStatus), { timeout: 120_000 }).toBe('done');
  const chart = page.getByTestId('compare-equity-chart');
  await chart.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.mmlab!.chartsSettled());
  // The table's order (best net PnL first) is the legend's.
  const names = (await page.getByTestId('compare-table').locator('tbody th').allTextContents()).map((t) => t.trim());
  const rows = await page.evaluate(() => window.mmlab!.lab.getState().compareRows!.map((r) => ({ n: r.pnl.time.length, t0: r.pnl.time[0], t1: r.pnl.time[r.pnl.time.length - 1] })));
  await expect(chart.locator('path.mmc-line')).toHaveCount(rows.length);
  const legend = (await chart.locator('.mmc-legend-item').allTextContents()).map((t) => t.trim());
  expect(legend).toEqual(names);
  // Every curve spans the run: all strategies ran on the same ticks, each sampled on its own.
  const spans = await chart.evaluate((el) => {
    const plot = (el.querySelector('.mmc-overlay') as SVGRectElement).getBBox();
    return [...el.querySelectorAll('path.mmc-line')].map((c) => { const b = (c as SVGPathElement).getBBox(); return { l: (b.x - plot.x) / plot.width, r: (b.x + b.width - plot.x) / plot.width }; });
  });
  for (const s of spans) { expect(s.l).toBeLessThan(0.03); expect(s.r).toBeGreaterThan(0.97); }
  // Hover mid-plot: one row per strategy, each an amount in quote ccy (two decimals).
  const plot = await chart.locator('.mmc-overlay').boundingBox();
  await page.mouse.move(plot!.x + plot!.width / 2, plot!.y + plot!.height / 2);
  const tip = chart.locator('.mmc-tooltip');
  await expect(tip).toBeVisible();
  const lines = (await tip.locator('div').allTextContents()).slice(1);
  expect(lines).toHaveLength(rows.length);
  for (const l of lines) expect(l).toMatch(/: \u2212?[\d,]+\.\d\d$/);
});
