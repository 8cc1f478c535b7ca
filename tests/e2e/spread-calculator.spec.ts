import { expect, test, type Page } from '@playwright/test';
import { computeCalculator } from '../../src/stores/calculator-derived';
import { DEFAULT_PARAMS, type CalculatorParams } from '../../src/stores/calculator-params';
import { fmtBps, fmtPrice } from '../../src/features/spread-calculator/format';
import { numberBox, openApp, rangeInput, watchErrors } from './helpers';

/** Reads the calculator's parameter boxes back into a params object. */
async function readParams(page: Page): Promise<CalculatorParams> {
  const p: CalculatorParams = { ...DEFAULT_PARAMS };
  for (const key of ['gamma', 'kappa', 'sigmaAnnualPct', 'q', 'hoursToClose', 'mid', 'maxQ', 'A'] as const) {
    // Each model shows only the fields it uses (GLFT has A, no T − t).
    if ((await numberBox(page, key).count()) > 0) p[key] = Number(await numberBox(page, key).inputValue());
  }
  if (await page.getByLabel('GLFT (infinite horizon)').isChecked()) p.model = 'glft';
  return p;
}

/** The panel shows exactly what the engine computes for the parameters it displays. */
async function expectOutputsMatchEngine(page: Page, params: CalculatorParams) {
  const r = computeCalculator(params);
  await expect(page.getByTestId('out-half-spread')).toHaveText(fmtBps(r.halfSpreadBps));
  await expect(page.getByTestId('out-skew')).toHaveText(fmtBps(r.skewBps));
  await expect(page.getByTestId('out-full-spread')).toHaveText(fmtBps(r.fullSpreadBps));
  await expect(page.getByTestId('out-bid')).toHaveText(fmtPrice(r.bid, params.mid));
  await expect(page.getByTestId('out-ask')).toHaveText(fmtPrice(r.ask, params.mid));
}

test('default state renders the engine numbers, formulas and both charts without errors', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page);
  await expectOutputsMatchEngine(page, DEFAULT_PARAMS);
  await expect(page.getByTestId('formulas').locator('.katex').first()).toBeVisible();
  await expect(page.locator('path.mmc-line')).toHaveCount(4);
  // The inventory chart marks the current q; hovering there reads the engine's quotes at that q.
  const quotes = page.getByRole('figure', { name: 'Quotes versus inventory' });
  const mark = await quotes.locator('.mmc-mark line').boundingBox();
  const plot = await quotes.locator('.mmc-overlay').boundingBox();
  await page.mouse.move(mark!.x + mark!.width / 2, plot!.y + plot!.height / 2);
  const r = computeCalculator(DEFAULT_PARAMS);
  await expect(quotes.locator('.mmc-tooltip')).toContainText(`q = ${DEFAULT_PARAMS.q} asset`);
  await expect(quotes.locator('.mmc-tooltip')).toContainText(`reservation skew: ${fmtBps(r.skewBps)} bps`);
  // δ* against γ on log scales: decade ticks, the current γ marked.
  const gamma = page.getByRole('figure', { name: 'Half-spread versus risk aversion' });
  for (const t of await gamma.locator('.mmc-x-tick').allTextContents()) expect(t).toMatch(/^1e\u2212?\d+$/);
  await expect(gamma.locator('.mmc-mark')).toHaveCount(1);
  // The inventory axis is in the unit of the q field (asset units), not lots.
  await expect(page.getByRole('figure', { name: 'Quotes versus inventory' }).getByText('inventory q (asset)')).toBeVisible();
  await expect(page.getByTestId('field-q')).toContainText('asset');
  expect(errors).toEqual([]);
});

test('arrow keys on the γ and q sliders change δ*, skew and quotes to the engine values', async ({ page }) => {
  await openApp(page);
  const before = await page.getByTestId('out-half-spread').textContent();
  await rangeInput(page, 'gamma').focus();
  for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowRight');
  const params = await readParams(page);
  expect(params.gamma).toBeGreaterThan(DEFAULT_PARAMS.gamma);
  await expectOutputsMatchEngine(page, params);
  expect(await page.getByTestId('out-half-spread').textContent()).not.toBe(before);

  await rangeInput(page, 'q').focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await expect(numberBox(page, 'q')).toHaveValue('3');
  const long = await readParams(page);
  await expectOutputsMatchEngine(page, long);
  expect(computeCalculator(long).skewBps).toBeLessThan(0); // long inventory skews quotes down
});

test('a typed out-of-range value is clamped with a visible note', async ({ page }) => {
  await openApp(page);
  await numberBox(page, 'gamma').fill('99999');
  await numberBox(page, 'gamma').press('Enter');
  await expect(numberBox(page, 'gamma')).toHaveValue('1000');
  await expect(page.getByTestId('field-gamma').getByRole('status')).toContainText('clamped to 1000');
  await expectOutputsMatchEngine(page, await readParams(page));
});

test('GLFT model shows its own formulas and numbers', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('GLFT (infinite horizon)').check();
  await expect(page.getByTestId('formulas')).toContainText('Guéant (2017)');
  const params = await readParams(page);
  expect(params.model).toBe('glft');
  await expectOutputsMatchEngine(page, params);
  await expect(page.getByTestId('field-hoursToClose')).toHaveCount(0);
  await expect(page.getByTestId('field-A')).toBeVisible();
});

test('Copy link restores the exact state in a new page', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page);
  await numberBox(page, 'kappa').fill('37.5');
  await numberBox(page, 'kappa').press('Enter');
  await numberBox(page, 'q').fill('-4');
  await numberBox(page, 'q').press('Enter');
  await page.getByLabel('GLFT (infinite horizon)').check();
  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('copy-status')).toHaveText('Link copied');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toContain('v=2');

  const other = await context.newPage();
  await other.goto(link);
  await expect(numberBox(other, 'kappa')).toHaveValue('37.5');
  await expect(numberBox(other, 'q')).toHaveValue('-4');
  await expect(other.getByLabel('GLFT (infinite horizon)')).toBeChecked();
  await expect(other.getByTestId('notice-banner')).toHaveCount(0);
  await expect(other.getByTestId('out-half-spread')).toHaveText((await page.getByTestId('out-half-spread').textContent())!);
});

test('a hostile URL falls back to defaults (non-numbers) or clamps (numbers out of range) with a notice naming the fields, and runs no script', async ({ page }) => {
  const errors = watchErrors(page);
  const hostile =
    '?v=1&g=abc&k=1e308&s=NaN&q=2.5&m=%3Cimg%20src%3Dx%20onerror%3D%22window.__pwned%3D1%22%3E' +
    '&%3Cscript%3Ewindow.__pwned%3D2%3C%2Fscript%3E=1&t=-1&S=Infinity';
  await openApp(page, hostile);
  const banner = page.getByTestId('notice-banner');
  await expect(banner).toBeVisible();
  for (const field of ['Risk aversion', 'Order-book decay', 'Volatility', 'Inventory (q)', 'Time to close', 'Mid price', 'model:', 'unknown setting']) {
    await expect(banner).toContainText(field);
  }
  await expect(banner).toContainText('<script>'); // shown as text, not parsed as markup
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  // κ = 1e308 and T − t = −1 are clamped into range, q = 2.5 rounded; the rest are defaults.
  await expectOutputsMatchEngine(page, { ...DEFAULT_PARAMS, kappa: 1e5, q: 3, hoursToClose: 0 });
  expect(errors).toEqual([]);
});

test('an oversize URL is ignored whole with a notice', async ({ page }) => {
  await openApp(page, `?v=1&g=0.5&pad=${'x'.repeat(5000)}`);
  await expect(page.getByTestId('notice-banner')).toContainText('too long');
  await expect(numberBox(page, 'gamma')).toHaveValue(String(DEFAULT_PARAMS.gamma));
});

test('a slider input updates the outputs before the next animation frame', async ({ page }) => {
  await openApp(page);
  const result = await page.evaluate(async () => {
    const range = document.querySelector<HTMLInputElement>('[data-testid="field-gamma"] input[type="range"]')!;
    const out = document.querySelector('[data-testid="out-half-spread"]')!;
    const samples: Array<{ before: string; inFrame: string }> = [];
    for (const pos of [700, 720, 740, 760, 780]) {
      const before = out.textContent ?? '';
      // What a drag does: the browser sets the value and fires `input`.
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(range, String(pos));
      range.dispatchEvent(new Event('input', { bubbles: true }));
      const inFrame = await new Promise<string>((r) => requestAnimationFrame(() => r(out.textContent ?? '')));
      samples.push({ before, inFrame });
    }
    return samples;
  });
  for (const s of result) expect(s.inFrame).not.toBe(s.before);
  // And the number shown is the engine's for the value the slider now holds.
  await expectOutputsMatchEngine(page, await readParams(page));
});
