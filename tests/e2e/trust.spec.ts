import { expect, test } from '@playwright/test';
import { openApp, waitForRunDone } from './helpers';
import type {} from '../../src/app/devtools/console-api'; // window.mmlab type


test('the default 5 min 44 s sample shows per-period figures, a Sharpe per bucket with its count and interval, and no annualised card', async ({ page }) => {
  await openApp(page, '?p=pnl');
  await waitForRunDone(page);
  const m = await page.evaluate(() => {
    const x = window.mmlab!.lab.getState().summary!.metrics;
    return { unit: x.perPeriod.unit, buckets: x.sharpeStats.buckets, annualised: x.annualised, reason: x.annualisedReason, hasCi: x.sharpeStats.ci !== null };
  });
  expect(m.annualised).toBeNull();
  expect(m.unit).toBe('hour');
  await expect(page.getByTestId('metric-per-period')).toBeVisible();
  await expect(page.getByText('PnL per hour', { exact: true })).toBeVisible();
  await expect(page.getByText(`n = ${m.buckets} buckets`)).toBeVisible();
  if (m.hasCi) await expect(page.getByTestId('metric-sharpe-ci')).toContainText('95 % CI [');
  // No annualised card at all, and the reason in words instead.
  for (const id of ['metric-annualised', 'metric-sharpe', 'metric-sortino', 'metric-calmar']) await expect(page.getByTestId(id)).toHaveCount(0);
  await expect(page.getByTestId('metric-annualised-note')).toHaveText(m.reason);
  await expect(page.getByTestId('metric-annualised-note')).toContainText('Not annualised: the sample spans 5 min 44 s');
});

test('the γ × κ grid shows the deflated Sharpe, the PBO, a colour legend, and the edge warning exactly when the best cell is on the edge', async ({ page }) => {
  await openApp(page, '?p=pnl,compare');
  await waitForRunDone(page);
  await page.getByTestId('grid-run').click();
  await expect(page.getByTestId('grid-heatmap')).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('grid-dsr')).toHaveText(/^\d+\.\d %$/);
  await expect(page.getByTestId('grid-pbo')).toHaveText(/^\d+\.\d %$/);
  await expect(page.getByTestId('grid-legend')).toBeVisible();
  await expect(page.getByTestId('grid-dsr-note')).toContainText('zero-skill cells');
  // The in-sample best cell's Sharpe on the half of the data its grid did not see.
  await expect(page.getByTestId('grid-oos')).toContainText('Out of sample: the same grid on the first 50 % of the data');
  const best = Number(await page.locator('[data-testid="grid-heatmap"] td[data-best="true"]').getAttribute('data-cell'));
  const nx = 5, ix = best % nx, iy = Math.floor(best / nx);
  const onEdge = ix === 0 || ix === nx - 1 || iy === 0 || iy === nx - 1;
  await expect(page.getByTestId('grid-edge-warning')).toHaveCount(onEdge ? 1 : 0);
});

test('the Kalman and regime panels say in words what their fits mean on the default sample', async ({ page }) => {
  await openApp(page, '?p=kalman,regimes');
  await expect.poll(async () => page.evaluate(() => { const s = window.mmlab!.lab.getState(); return s.status === 'done' && s.kalman !== null && s.regimes !== null; }), { timeout: 90_000 }).toBe(true);
  const { note, notes } = await page.evaluate(() => { const s = window.mmlab!.lab.getState(); return { note: s.kalman!.note, notes: s.regimes!.notes }; });
  expect(note).toMatch(/equals the mid/);
  await expect(page.getByTestId('kalman-note')).toHaveText(note!);
  expect(notes.length).toBeGreaterThan(0);
  await expect(page.getByTestId('regime-notes')).toContainText(notes[0]);
});

test('the Kalman charts draw K∞, the autocorrelation bars and the white-noise band from the view, and read a bar out on hover', async ({ page }) => {
  await openApp(page, '?p=kalman');
  await waitForRunDone(page, 0, ['kalman']);
  const { fmtNum } = await import('../../src/lib/format');
  const k = await page.evaluate(() => { const s = window.mmlab!.lab.getState(); const v = s.kalman!; return { kinf: v.steadyStateGain, acf: Array.from(v.acf), n: s.series?.total ?? s.total }; });
  const gain = page.getByTestId('kalman-gain-chart');
  await gain.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.mmlab!.chartsSettled());
  await expect(gain.locator('.mmc-ref text')).toHaveText(`K∞ = ${fmtNum(k.kinf)}`);
  const acf = page.getByTestId('kalman-acf-chart');
  await acf.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.mmlab!.chartsSettled());
  // One bar per lag; zero and ±1.96/√n as lines, the band symmetric about zero.
  await expect(acf.locator('rect.mmc-bar')).toHaveCount(k.acf.length);
  const ys = await acf.locator('.mmc-ref line').evaluateAll((ls) => ls.map((l) => Number(l.getAttribute('y1'))));
  expect(ys).toHaveLength(3);
  expect(Math.abs((ys[1] + ys[2]) / 2 - ys[0])).toBeLessThan(0.5);
  // The band's height against the y axis' own ticks: 2 × 1.96/√n in ρ.
  const ticks = await acf.locator('.mmc-y-tick').evaluateAll((ts) => ts.map((t) => ({ v: Number((t.textContent ?? '').replace('\u2212', '-')), y: Number(t.getAttribute('y')) })));
  const pxPerUnit = (ticks[0].y - ticks[ticks.length - 1].y) / (ticks[ticks.length - 1].v - ticks[0].v);
  expect(Math.abs(ys[2] - ys[1]) / pxPerUnit).toBeCloseTo(2 * 1.96 / Math.sqrt(k.n), 3);
  // Hover over the first bar: its lag and value as the view has them.
  const first = await acf.locator('rect.mmc-bar').first().boundingBox();
  await page.mouse.move(first!.x + first!.width / 2, first!.y + Math.max(1, first!.height / 2));
  await expect(acf.locator('.mmc-tooltip')).toContainText('lag 1');
  await expect(acf.locator('.mmc-tooltip')).toContainText(`autocorrelation: ${fmtNum(k.acf[0])}`);
});

test('the regime charts draw a line per regime, posteriors stacked to 1, and a δ* bar per regime read out on hover', async ({ page }) => {
  await openApp(page, '?p=regimes');
  await waitForRunDone(page, 0, ['regimes']);
  const { fmtBps } = await import('../../src/lib/format');
  const v = await page.evaluate(() => { const r = window.mmlab!.lab.getState().regimes!; return { K: r.nStates, rows: r.rows.map((x) => ({ state: x.state, label: x.label, d: x.halfSpreadBps })) }; });
  const names = [...v.rows].sort((a, b) => a.state - b.state).map((r) => r.label);
  const price = page.getByTestId('regime-price-chart');
  await price.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.mmlab!.chartsSettled());
  await expect(price.locator('path.mmc-line')).toHaveCount(v.K);
  await expect(price.locator('.mmc-legend-item')).toHaveText(names);
  // Stacked posteriors: the top line is the sum, 1 at every point, i.e. along the top of the plot.
  const post = page.getByTestId('regime-posterior-chart');
  await post.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.mmlab!.chartsSettled());
  await expect(post.locator('path.mmc-area')).toHaveCount(v.K);
  const top = await post.evaluate((el) => {
    const plot = (el.querySelector('.mmc-overlay') as SVGRectElement).getBBox();
    const lines = [...el.querySelectorAll('path.mmc-line')] as SVGPathElement[];
    const b = lines[lines.length - 1].getBBox();
    return { plotTop: plot.y, lineTop: b.y, lineHeight: b.height, widthShare: b.width / plot.width };
  });
  expect(Math.abs(top.lineTop - top.plotTop)).toBeLessThan(0.5);
  expect(top.lineHeight).toBeLessThan(0.5);
  expect(top.widthShare).toBeGreaterThan(0.97);
  // δ*: one bar per regime (in the table's order); the hover readout is the view's value in bps.
  const delta = page.getByTestId('regime-delta-chart');
  await delta.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.mmlab!.chartsSettled());
  await expect(delta.locator('rect.mmc-bar')).toHaveCount(v.rows.length);
  const bar = await delta.locator('rect.mmc-bar').first().boundingBox();
  await page.mouse.move(bar!.x + bar!.width / 2, bar!.y + bar!.height / 2);
  await expect(delta.locator('.mmc-tooltip')).toContainText(v.rows[0].label);
  await expect(delta.locator('.mmc-tooltip')).toContainText(`δ* (bps): ${fmtBps(v.rows[0].d)} bps`);
  // The default strategy quotes without regimes: its half-spread chart draws and lists the grey line alone.
  expect(await page.evaluate(() => window.mmlab!.lab.getState().summary!.resolved.strategy)).toBe('as-kalman');
  const spread = page.getByTestId('regime-spread-chart');
  await spread.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.mmlab!.chartsSettled());
  await expect(spread.locator('.mmc-legend-item')).toHaveText(['no regime (strategy without regimes)']);
  await expect(spread.locator('path.mmc-line')).toHaveCount(1);
});

/** y tick labels of the lab's own SVG charts (components/ui/charts). */
const Y_TICKS = '.mmc-y-tick';

test('every y axis fits its widest label, minus sign included, and writes all its ticks with the same decimals', async ({ page }) => {
  await openApp(page, '?p=pnl,inventory,kalman,regimes');
  await expect.poll(async () => page.evaluate(() => { const s = window.mmlab!.lab.getState(); return s.status === 'done' && s.regimes !== null; }), { timeout: 90_000 }).toBe(true);
  const charts = ['chart-pnl', 'chart-attribution', 'chart-drawdown', 'chart-inventory', 'chart-quotes', 'chart-skew', 'kalman-mid-chart', 'kalman-innovation-chart', 'kalman-acf-chart', 'regime-price-chart', 'regime-delta-chart'];
  let negatives = 0;
  for (const id of charts) {
    const chart = page.getByTestId(id);
    await chart.scrollIntoViewIfNeeded();
    await page.evaluate(() => window.mmlab!.chartsSettled());
    await expect.poll(() => chart.locator(Y_TICKS).count(), { timeout: 15_000 }).toBeGreaterThan(1);
    const ticks = await chart.evaluate((el, sel) => {
      // Measured against the chart's own SVG (the one drawing the tick), whose left edge clips.
      return [...el.querySelectorAll(sel)].map((t) => ({ text: t.textContent ?? '', left: t.getBoundingClientRect().left - (t as SVGTextElement).ownerSVGElement!.getBoundingClientRect().left }));
    }, Y_TICKS);
    for (const t of ticks) {
      expect(t.left, `${id}: "${t.text}" starts left of its chart`).toBeGreaterThanOrEqual(0);
      expect(t.text, `${id}: a hyphen where a minus sign belongs`).not.toMatch(/^-/);
    }
    negatives += ticks.filter((t) => t.text.startsWith('\u2212')).length;
    const decimals = new Set(ticks.filter((t) => !/e/.test(t.text)).map((t) => (t.text.split('.')[1] ?? '').length));
    expect(decimals.size, `${id}: ${ticks.map((t) => t.text).join(' / ')}`).toBeLessThanOrEqual(1);
  }
  expect(negatives).toBeGreaterThan(0); // the default run has losses and negative innovations: the check saw minus signs
});

test('the inventory histogram sits on whole lots and its labels are written in the lot size’s decimals', async ({ page }) => {
  await openApp(page, '?p=inventory');
  await expect.poll(async () => page.evaluate(() => { const s = window.mmlab!.lab.getState(); return s.status === 'done' && s.summary !== null; }), { timeout: 90_000 }).toBe(true);
  const h = await page.evaluate(() => { const s = window.mmlab!.lab.getState().summary!; return { centre: Array.from(s.inventoryHist.centre), lot: s.resolved.lotSize }; });
  expect(h.lot).toBe(0.001); // the default sample's sizes are written to 3 decimals
  expect(h.centre.length).toBeGreaterThan(1);
  for (const c of h.centre) expect(Math.abs(c / h.lot - Math.round(c / h.lot))).toBeLessThan(1e-6);
  const chart = page.getByTestId('chart-inventory-hist');
  await chart.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.mmlab!.chartsSettled());
  await expect.poll(() => chart.locator('.mmc-x-tick').count(), { timeout: 15_000 }).toBeGreaterThan(1);
  const labels = await chart.locator('.mmc-x-tick').allTextContents();
  for (const l of labels) expect(l).toMatch(/^\u2212?\d+\.\d{3}$/);
});
