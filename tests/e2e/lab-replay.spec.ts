import { expect, test, type Locator } from '@playwright/test';
import { openApp, waitForRunDone } from './helpers';
import type {} from '../../src/app/devtools/console-api'; // window.mmlab type


interface Geometry { left: number; width: number; cursorX: number | null; right: number }

/** Where a chart draws: the plot box, the cursor line's x, and the right end of its data curves, in SVG px (null before it is drawn). */
async function geometryNow(chart: Locator): Promise<Geometry | null> {
  await chart.scrollIntoViewIfNeeded();
  return chart.evaluate((el) => {
    const gridEl = el.querySelector('.mmc-overlay') as SVGGraphicsElement | null;
    const curves = [...el.querySelectorAll('path.mmc-line')] as SVGGraphicsElement[];
    if (!gridEl || curves.length === 0) return null;
    const grid = gridEl.getBBox();
    const line = el.querySelector('.replay-cursor line');
    const right = Math.max(...curves.map((c) => { const b = c.getBBox(); return b.x + b.width; }));
    return { left: grid.x, width: grid.width, cursorX: line ? Number(line.getAttribute('x1')) : null, right };
  });
}

/** The chart's geometry once `ok` holds for it (charts redraw one per task, so this waits for its turn). */
async function geometry(chart: Locator, ok: (g: Geometry) => boolean): Promise<Geometry> {
  let last: Geometry | null = null;
  await expect.poll(async () => { last = await geometryNow(chart); return last !== null && ok(last); }, { timeout: 15_000 }).toBe(true);
  return last!;
}

test('the Kalman and regime charts follow the replay cursor: data up to it, a cursor line at it, values read out', async ({ page }) => {
  await openApp(page, '?p=kalman,regimes');
  await waitForRunDone(page, 0, ['regimes', 'kalman']);
  const charts = ['kalman-mid-chart', 'kalman-gain-chart', 'kalman-innovation-chart', 'regime-price-chart', 'regime-posterior-chart', 'regime-spread-chart'];
  for (const id of charts) {
    // Whole run: no cursor, curves across the whole axis.
    await geometry(page.getByTestId(id), (g) => g.cursorX === null && g.right > g.left + 0.97 * g.width);
  }
  await expect(page.getByTestId('kalman-at-cursor')).toHaveCount(0);
  // Scrub to 40 % of the run with the replay control.
  await page.getByLabel('Replay position').fill('400');
  await expect.poll(() => page.evaluate(() => window.mmlab!.lab.getState().replay)).toBe(0.4);
  await expect(page.getByTestId('kalman-at-cursor')).toContainText('At the replay cursor');
  await expect(page.getByTestId('regime-at-cursor')).toContainText('Viterbi regime');
  for (const id of charts) {
    const g = await geometry(page.getByTestId(id), (x) => x.cursorX !== null);
    // The axis keeps the whole run; the curves stop at the cursor, which sits at 40 % of it (to a point's spacing).
    expect(Math.abs(g.cursorX! - (g.left + 0.4 * g.width)), id).toBeLessThan(0.02 * g.width);
    expect(g.right, id).toBeLessThanOrEqual(g.cursorX! + 1);
    expect(g.right, id).toBeGreaterThan(g.left + 0.35 * g.width);
  }
  // The readout names the point at the cursor.
  const expected = await page.evaluate(() => {
    const k = window.mmlab!.lab.getState().kalman!;
    const cut = k.time[0] + 0.4 * (k.time[k.time.length - 1] - k.time[0]);
    let i = 0;
    while (i + 1 < k.time.length && k.time[i + 1] <= cut) i++;
    return { t: k.time[i] - k.time[0], filtered: k.filtered[i] };
  });
  const { fmtNum } = await import('../../src/lib/format');
  await expect(page.getByTestId('kalman-at-cursor')).toContainText(`t = ${fmtNum(expected.t)} s`);
  await expect(page.getByTestId('kalman-at-cursor')).toContainText(`filtered ${fmtNum(expected.filtered)}`);
  // Play runs the cursor to the end, and the charts are whole again.
  await page.getByRole('button', { name: 'Play' }).click();
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('10');
  await expect.poll(() => page.evaluate(() => window.mmlab!.lab.getState().replay), { timeout: 30_000 }).toBe(1);
  await expect(page.getByTestId('kalman-at-cursor')).toHaveCount(0);
  await geometry(page.getByTestId('kalman-mid-chart'), (g) => g.cursorX === null && g.right > g.left + 0.97 * g.width);
});

test('a playing replay redraws the on-screen charts without stalling the page (frames and long tasks printed for BENCHMARKS.md)', async ({ page }) => {
  await openApp(page);
  await waitForRunDone(page, 0, ['regimes', 'kalman']);
  for (const id of ['#pnl', '#kalman', '#regimes']) {
    await page.locator(id).scrollIntoViewIfNeeded();
    await page.evaluate(() => window.mmlab!.chartsSettled());
    const out = await page.evaluate(async () => {
      const longTasks: number[] = [];
      const obs = new PerformanceObserver((l) => { for (const e of l.getEntries()) longTasks.push(Math.round(e.duration)); });
      obs.observe({ type: 'longtask' });
      const lab = window.mmlab!.lab;
      // The cursor sweeps the run in 4 s, moved every animation frame as the Play button does.
      const t0 = performance.now();
      let frames = 0;
      await new Promise<void>((resolve) => {
        const step = () => {
          frames++;
          const x = Math.min(1, (performance.now() - t0) / 4000);
          lab.getState().setReplay(x);
          if (x < 1) requestAnimationFrame(step); else resolve();
        };
        requestAnimationFrame(step);
      });
      await window.mmlab!.chartsSettled();
      obs.disconnect();
      return { frames, longTasks };
    });
    console.log(`replay sweep over 4 s with ${id} on screen: ${out.frames} animation frames, long tasks ${JSON.stringify(out.longTasks)}`);
    // Timing is printed, not asserted; the sweep itself must end with the whole run shown again.
    expect(await page.evaluate(() => window.mmlab!.lab.getState().replay)).toBe(1);
    await expect(page.getByTestId('kalman-at-cursor')).toHaveCount(0);
    await expect(page.getByTestId('regime-at-cursor')).toHaveCount(0);
  }
});

test('replay moves the PnL cards and the bucket histogram too, not only the time charts', async ({ page }) => {
  await openApp(page, '?p=pnl,inventory');
  await waitForRunDone(page, 0, ['regimes', 'kalman']);
  const { fmtPnl } = await import('../../src/lib/format');
  await expect(page.getByTestId('pnl-at-cursor')).toHaveCount(0);
  const histBars = () => page.getByTestId('chart-histogram').locator('rect.mmc-bar'); // one per non-empty bin
  await page.getByTestId('chart-histogram').scrollIntoViewIfNeeded();
  await page.evaluate(() => window.mmlab!.chartsSettled());
  const wholeBars = await histBars().count();
  expect(wholeBars).toBeGreaterThan(0);
  await expect(page.getByTestId('replay-value')).toHaveText('whole run');
  await page.getByLabel('Replay position').fill('400');
  await expect.poll(() => page.evaluate(() => window.mmlab!.lab.getState().replay)).toBe(0.4);
  // The scrubber says where it is, to assistive tech and on screen: 40 % of the run and the UTC time there.
  const cursorClock = await page.evaluate(() => {
    const p = window.mmlab!.lab.getState().series!.pnl.time;
    return new Date((p[0] + 0.4 * (p[p.length - 1] - p[0])) * 1000).toISOString().slice(11, 19);
  });
  await expect(page.getByLabel('Replay position')).toHaveAttribute('aria-valuetext', `40 % of the run, at ${cursorClock} UTC`);
  await expect(page.getByTestId('replay-value')).toHaveText(`40 % of the run, at ${cursorClock} UTC`);
  // The store's own series, read at 40 % of its span: the cards must show these values.
  const expected = await page.evaluate(() => {
    const s = window.mmlab!.lab.getState();
    const p = s.series!.pnl, h = s.summary!.metrics.histogram;
    const cut = p.time[0] + 0.4 * (p.time[p.time.length - 1] - p.time[0]);
    let i = -1, dd = 0;
    while (i + 1 < p.time.length && p.time[i + 1] <= cut) { i++; dd = Math.min(dd, p.drawdown[i]); }
    const complete = Math.floor((cut - p.time[0]) / h.bucketSec);
    return { pnl: p.pnl[i], buyHold: p.buyHold[i], dd, complete, total: h.bucketPnl.length };
  });
  await expect(page.getByTestId('cursor-pnl')).toHaveText(fmtPnl(expected.pnl));
  await expect(page.getByTestId('cursor-buyhold')).toHaveText(fmtPnl(expected.buyHold));
  await expect(page.getByTestId('cursor-drawdown')).toHaveText(fmtPnl(-expected.dd));
  await expect(page.getByTestId('chart-histogram')).toContainText('complete at the replay cursor');
  // Fewer buckets are complete at 40 %: the histogram holds fewer (non-empty) bars than the whole run's.
  expect(expected.complete).toBeLessThan(expected.total);
  // Charts redraw near the viewport only: back to the histogram (the slider is at the top).
  await page.getByTestId('chart-histogram').scrollIntoViewIfNeeded();
  await page.evaluate(() => window.mmlab!.chartsSettled());
  await expect.poll(() => histBars().count()).toBeLessThan(wholeBars);
  // The PnL time charts stop at the cursor, on the whole run's axis (40 % of the plot, to a point's spacing).
  for (const id of ['chart-pnl', 'chart-drawdown']) {
    const chart = page.getByTestId(id);
    await chart.scrollIntoViewIfNeeded();
    await page.evaluate(() => window.mmlab!.chartsSettled());
    await expect.poll(() => chart.evaluate((el) => {
      const plot = (el.querySelector('.mmc-overlay') as SVGRectElement).getBBox();
      const right = Math.max(...[...el.querySelectorAll('path.mmc-line')].map((c) => { const b = (c as SVGPathElement).getBBox(); return b.x + b.width; }));
      return Math.abs((right - plot.x) / plot.width - 0.4) < 0.02;
    }), { message: id }).toBe(true);
  }
  // Back to the whole run: the cursor cards leave.
  await page.getByLabel('Replay position').fill('1000');
  await expect(page.getByTestId('pnl-at-cursor')).toHaveCount(0);
});
