import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { makeQuotesCsv } from '../../bench/csv.bench';
import { numberBox, watchErrors } from './helpers';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/csv/${name}`, import.meta.url));
const summaryRows = (page: Page) => page.getByTestId('summary-rows');

async function openData(page: Page, query = ''): Promise<void> {
  await page.goto(`./${query}`);
  await expect(page.getByRole('heading', { name: 'Data' })).toBeVisible();
}

/** Records every text the progress element shows (it may be on screen only briefly). */
async function recordProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { progressTexts: string[] };
    w.progressTexts = [];
    new MutationObserver(() => {
      const el = document.querySelector('[data-testid="load-progress"]');
      if (el?.textContent) w.progressTexts.push(el.textContent);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

const progressTexts = (page: Page) => page.evaluate(() => (window as unknown as { progressTexts: string[] }).progressTexts);

test('the first visit loads the real Binance sample by default and names it in the URL', async ({ page }) => {
  const errors = watchErrors(page);
  await openData(page);
  await expect(summaryRows(page)).toHaveText('66,089', { timeout: 20_000 });
  await expect(page.getByTestId('dataset-name')).toContainText('usdm-btcusdt-2024-08-08-bookticker.csv.gz');
  await expect(page.getByTestId('dataset-summary')).toContainText('aligned trades');
  await expect(page).toHaveURL(/sample=usdm-btcusdt/);
  expect(errors).toEqual([]);
});

test('a link naming the synthetic sample regenerates it from its seed', async ({ page }) => {
  await openData(page, '?sample=synthetic-7');
  await expect(summaryRows(page)).toHaveText('300,000', { timeout: 20_000 });
  await expect(page.getByTestId('dataset-summary')).toContainText('seed 7');
});

test('uploads a CSV through the file input, shows progress and the summary, and keeps it across a reload', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await openData(page);
  await expect(summaryRows(page)).toHaveText('66,089', { timeout: 20_000 });
  const rows = 200_000;
  await page.getByTestId('quotes-file').setInputFiles({ name: 'my-quotes.csv', mimeType: 'text/csv', buffer: Buffer.from(makeQuotesCsv(rows, 11)) });
  await recordProgress(page);
  await page.getByTestId('load-files').click();
  await expect(summaryRows(page)).toHaveText('200,000', { timeout: 60_000 });
  await expect(page.getByTestId('dataset-name')).toHaveText('my-quotes.csv');
  await expect(page.getByTestId('summary-skipped')).toHaveText('0');
  const texts = await progressTexts(page);
  expect(texts.some((t) => /Loading my-quotes\.csv/.test(t))).toBe(true);
  expect(texts.some((t) => /MB of [\d.]+ MB, [\d,]+ rows/.test(t))).toBe(true);
  await expect(page).not.toHaveURL(/sample=/);

  await page.reload();
  await expect(summaryRows(page)).toHaveText('200,000', { timeout: 30_000 });
  await expect(page.getByTestId('dataset-name')).toHaveText('my-quotes.csv');
  await expect(page.getByTestId('restored-note')).toBeVisible();

  // Clearing the saved data brings the default sample back on the next visit.
  await page.getByTestId('clear-saved').click();
  await expect(page.getByTestId('clear-saved-note')).toContainText('Saved data cleared');
  await page.reload();
  await expect(summaryRows(page)).toHaveText('66,089', { timeout: 20_000 });
  expect(errors).toEqual([]);
});

test('uploads a gzip quotes file and a gzip trades file together, aligned on one clock', async ({ page }) => {
  await openData(page, '?sample=synthetic-3');
  await expect(summaryRows(page)).toHaveText('300,000', { timeout: 20_000 });
  const sample = (n: string) => readFileSync(new URL(`../../public/samples/${n}`, import.meta.url));
  await page.getByTestId('quotes-file').setInputFiles({ name: 'spot-quotes.csv.gz', mimeType: 'application/gzip', buffer: sample('spot-btcusdt-2024-08-09-bookticker.csv.gz') });
  await page.getByTestId('trades-file').setInputFiles({ name: 'spot-trades.csv.gz', mimeType: 'application/gzip', buffer: sample('spot-btcusdt-2024-08-09-trades.csv.gz') });
  await page.getByTestId('load-files').click();
  await expect(summaryRows(page)).toHaveText('45,134', { timeout: 20_000 });
  await expect(page.getByTestId('dataset-name')).toHaveText('spot-quotes.csv.gz + spot-trades.csv.gz');
  await expect(page.getByTestId('dataset-summary')).toContainText(/with [\d,]+ aligned trades/);
  await expect(page).not.toHaveURL(/sample=/);
});

test('parameters come back from IndexedDB when the app is opened without them in the link', async ({ page }) => {
  await openData(page);
  await expect(summaryRows(page)).toHaveText('66,089', { timeout: 20_000 });
  await numberBox(page, 'gamma').fill('0.5');
  await numberBox(page, 'gamma').press('Enter');
  await expect(page).toHaveURL(/g=0\.5/);
  // Saved after a short debounce: wait until IndexedDB holds it.
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          new Promise<unknown>((resolve) => {
            const open = indexedDB.open('mm-lab');
            open.onsuccess = () => {
              const req = open.result.transaction('saved').objectStore('saved').get('params:v1');
              req.onsuccess = () => resolve((req.result as { params?: { gamma?: number } } | undefined)?.params?.gamma);
              req.onerror = () => resolve(undefined);
            };
            open.onerror = () => resolve(undefined);
          }),
      ),
    )
    .toBe(0.5);
  await page.goto('./');
  await expect(numberBox(page, 'gamma')).toHaveValue('0.5');
  // A link's own parameters win over the saved ones.
  await page.goto('./?v=1&g=2');
  await expect(numberBox(page, 'gamma')).toHaveValue('2');
});

test('a broken file shows its message with the line number (stop) or lists the skipped line (skip)', async ({ page }) => {
  await openData(page);
  await expect(summaryRows(page)).toHaveText('66,089', { timeout: 20_000 });
  await page.getByTestId('policy-stop').check();
  await page.getByTestId('quotes-file').setInputFiles({ name: 'broken-quotes.csv', mimeType: 'text/csv', buffer: fixture('broken-quotes.csv') });
  await page.getByTestId('load-files').click();
  const error = page.getByTestId('load-error');
  await expect(error).toContainText('broken-quotes.csv, line 4, field "bid"');
  await expect(error).toContainText('not a number: "abc"');

  await page.getByText('skip and list them').check();
  await page.getByTestId('load-files').click();
  await expect(summaryRows(page)).toHaveText('3');
  await expect(page.getByTestId('summary-skipped')).toHaveText('1');
  await expect(page.getByTestId('problems')).toContainText('broken-quotes.csv, line 4, bid: not a number: "abc"');
});

test('an unreadable header opens the column-mapping dialog, and the mapping loads the file', async ({ page }) => {
  await openData(page);
  await expect(summaryRows(page)).toHaveText('66,089', { timeout: 20_000 });
  await page.getByTestId('quotes-file').setInputFiles({ name: 'unnamed-columns.csv', mimeType: 'text/csv', buffer: fixture('unnamed-columns.csv') });
  await page.getByTestId('load-files').click();
  await expect(page.getByTestId('load-error')).toContainText('line 1');
  await expect(page.getByTestId('load-error')).toContainText('no usable columns: found a, b, c');
  const dialog = page.getByTestId('column-mapping');
  await dialog.getByLabel('column for time', { exact: true }).selectOption('a');
  await dialog.getByLabel('column for bid', { exact: true }).selectOption('b');
  await dialog.getByLabel('column for ask', { exact: true }).selectOption('c');
  await dialog.getByRole('button', { name: 'Read the file with this mapping' }).click();
  await expect(summaryRows(page)).toHaveText('3');
});

test('Cancel stops a large load and keeps the previous dataset', async ({ page }) => {
  test.setTimeout(120_000);
  await openData(page);
  await expect(summaryRows(page)).toHaveText('66,089', { timeout: 20_000 });
  await page.getByTestId('quotes-file').setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(makeQuotesCsv(1_000_000, 3)) });
  await page.getByTestId('load-files').click();
  await page.getByTestId('cancel-load').click();
  await expect(page.getByTestId('load-progress')).toHaveCount(0);
  await expect(summaryRows(page)).toHaveText('66,089');
});

test('Chromium: 1e6 quote rows parse in the worker while the main thread stays free (figures printed, not asserted)', async ({ page }) => {
  test.setTimeout(180_000);
  await openData(page);
  await expect(summaryRows(page)).toHaveText('66,089', { timeout: 20_000 });
  const csv = makeQuotesCsv(1_000_000, 5);
  await page.getByTestId('quotes-file').setInputFiles({ name: 'quotes-1e6.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[]; frames: number };
    w.longTasks = [];
    w.frames = 0;
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({ type: 'longtask' });
    const tick = () => {
      w.frames++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const t0 = Date.now();
  await page.getByTestId('load-files').click();
  await expect(summaryRows(page)).toHaveText('1,000,000', { timeout: 120_000 });
  const wall = Date.now() - t0;
  const workerMs = Number(await page.getByTestId('load-ms').textContent());
  const { longTasks, frames } = await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[]; frames: number };
    return { longTasks: w.longTasks, frames: w.frames };
  });
  const mb = Buffer.byteLength(csv) / 1e6;
  console.log(`[bench] Chromium worker parse of 1e6 quote rows (${mb.toFixed(1)} MB): ${workerMs} ms = ${(mb / (workerMs / 1000)).toFixed(0)} MB/s; click-to-summary ${wall} ms; main-thread long tasks (>50 ms) during the load: ${longTasks.length ? longTasks.map((d) => d.toFixed(0)).join(', ') + ' ms' : 'none'}; animation frames: ${frames}`);
  expect(workerMs).toBeGreaterThan(0);
});
