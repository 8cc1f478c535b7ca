import { expect, test, type Page } from '@playwright/test';
import { DEFAULT_PARAMS, NUMERIC_SPECS } from '../../src/stores/calculator-params';
import { DEFAULT_LAB, LAB_PANELS, LAB_SPECS } from '../../src/stores/lab-settings';
import { clampToSpec } from '../../src/lib/params/spec';
import { annualPctToSigmaPerSqrtSec, sigmaPerSqrtSecToAnnualPct } from '../../src/engine';
import { numberBox, openApp, waitForRunDone } from './helpers';
import type {} from '../../src/app/devtools/console-api'; // window.mmlab type

// One parameter system: the calculator and the backtest share γ, κ, σ and Q in the same units.

async function runId(page: Page): Promise<number> {
  return page.evaluate(() => window.mmlab!.lab.getState().runId);
}


const labBox = (page: Page, key: string) => page.getByTestId(`lab-${key}`).locator('input[type="number"]');

test('γ moved in the calculator and sent with "Use in backtest" is the γ the run uses, in the same unit', async ({ page }) => {
  await openApp(page, '?st=as');
  await waitForRunDone(page);
  await numberBox(page, 'gamma').fill('0.37');
  await numberBox(page, 'gamma').press('Enter');
  await numberBox(page, 'maxQ').fill('7');
  await numberBox(page, 'maxQ').press('Enter');
  const before = await runId(page);
  await page.getByTestId('use-in-backtest').click();
  await waitForRunDone(page, before);
  const run = await page.evaluate(() => {
    const s = window.mmlab!.lab.getState();
    return { gamma: s.summary!.resolved.gamma, sigma: s.summary!.resolved.sigma, refMid: s.summary!.refMid, maxInventory: s.summary!.resolved.maxInventory, values: s.settings.values };
  });
  expect(run.gamma).toBe(0.37);
  // σ travels in %/yr and reaches the engine in price/√s at the run's reference mid (24/7 year by default).
  expect(run.values.sigmaAnnualPct).toBe(DEFAULT_PARAMS.sigmaAnnualPct);
  expect(run.sigma).toBeCloseTo(annualPctToSigmaPerSqrtSec(DEFAULT_PARAMS.sigmaAnnualPct, run.refMid, '24/7'), 12);
  expect(run.maxInventory).toBe(7);
  expect(run.values.gamma).toBe(0.37);
  await expect(labBox(page, 'gamma')).toHaveValue('0.37');
  const gammaSpecs = [NUMERIC_SPECS.find((s) => s.key === 'gamma')!, LAB_SPECS.find((s) => s.key === 'gamma')!];
  expect(gammaSpecs[0].unit).toBe(gammaSpecs[1].unit);
  await expect(page.getByTestId('lab-gamma')).toContainText(gammaSpecs[0].unit);
});

test('"Load from run" puts the run\'s γ, κ, σ, Q and mid into the calculator', async ({ page }) => {
  await openApp(page, '?st=as');
  await waitForRunDone(page);
  const resolved = await page.evaluate(() => window.mmlab!.lab.getState().summary!.resolved);
  await page.getByTestId('load-from-run').click();
  const spec = (key: string) => NUMERIC_SPECS.find((s) => s.key === key)!;
  await expect.poll(() => page.evaluate(() => window.mmlab!.params.getState().params.gamma)).toBe(clampToSpec(spec('gamma'), resolved.gamma).value);
  const p = await page.evaluate(() => window.mmlab!.params.getState().params);
  expect(p.kappa).toBe(clampToSpec(spec('kappa'), resolved.kappa).value);
  expect(p.maxQ).toBe(clampToSpec(spec('maxQ'), resolved.maxInventory).value);
  const refMid = await page.evaluate(() => window.mmlab!.lab.getState().summary!.refMid);
  expect(p.mid).toBe(clampToSpec(spec('mid'), refMid).value);
  expect(p.sigmaAnnualPct).toBe(clampToSpec(spec('sigmaAnnualPct'), sigmaPerSqrtSecToAnnualPct(resolved.sigma, refMid, p.yearBasis)).value);
});

test('Reset returns every calculator and backtest control to its default', async ({ page }) => {
  await openApp(page);
  await waitForRunDone(page);
  await numberBox(page, 'gamma').fill('2');
  await numberBox(page, 'gamma').press('Enter');
  await numberBox(page, 'q').fill('-3');
  await numberBox(page, 'q').press('Enter');
  await page.getByLabel('GLFT (infinite horizon)').check();
  await page.getByTestId('strategy-select').selectOption('glft');
  await labBox(page, 'gamma').fill('0.5');
  await labBox(page, 'gamma').press('Enter');
  await labBox(page, 'orderSize').fill('2');
  await labBox(page, 'orderSize').press('Enter');
  await page.getByRole('group', { name: 'Panels' }).getByLabel('Kalman').uncheck();
  await expect.poll(() => page.evaluate(() => window.mmlab!.lab.getState().settings.values.orderSize)).toBe(2);

  await page.getByTestId('reset-parameters').click();
  await expect(page.getByLabel('Avellaneda–Stoikov (finite horizon)')).toBeChecked();
  for (const spec of NUMERIC_SPECS) {
    if ((await numberBox(page, spec.key).count()) > 0) await expect(numberBox(page, spec.key)).toHaveValue(String(DEFAULT_PARAMS[spec.key]));
  }
  await expect(page.getByTestId('strategy-select')).toHaveValue(DEFAULT_LAB.strategy);
  const state = await page.evaluate(() => ({ params: window.mmlab!.params.getState().params, settings: window.mmlab!.lab.getState().settings }));
  expect(state.params).toEqual(DEFAULT_PARAMS);
  // Panels: the page registers more than the stores' built-in list (fills, walk-forward, …); every registered one is open.
  expect({ ...state.settings, panels: null }).toEqual({ ...DEFAULT_LAB, panels: null });
  const toggles = page.getByRole('group', { name: 'Panels' }).getByRole('checkbox');
  expect(await toggles.count()).toBe(state.settings.panels.length);
  for (let i = 0; i < state.settings.panels.length; i++) await expect(toggles.nth(i)).toBeChecked();
  for (const spec of LAB_SPECS) {
    if (spec.default !== undefined && (await labBox(page, spec.key).count()) > 0) await expect(labBox(page, spec.key)).toHaveValue(String(spec.default));
  }
  await expect(page.getByTestId('lab-gamma')).toContainText('(auto)');
  for (const label of ['Kalman', 'Regimes', 'Inventory', 'PnL & risk', 'Compare']) {
    await expect(page.getByRole('group', { name: 'Panels' }).getByLabel(label)).toBeChecked();
  }
  expect(LAB_PANELS.length).toBe(5);
});

test('an old v=1 link opens with its values (the inventory limit migrated from lots to asset units) and is rewritten as v=2', async ({ page }) => {
  await openApp(page, '?v=1&m=glft&g=0.37&q=-4&Q=20&st=as&bg=0.02&bo=0.5&bq=6&bn=4');
  await expect(page.getByTestId('notice-banner')).toHaveCount(0);
  await expect(page.getByLabel('GLFT (infinite horizon)')).toBeChecked();
  await expect(numberBox(page, 'gamma')).toHaveValue('0.37');
  await expect(numberBox(page, 'q')).toHaveValue('-4');
  await expect(numberBox(page, 'maxQ')).toHaveValue('20');
  await expect(page.getByTestId('strategy-select')).toHaveValue('as');
  await expect(labBox(page, 'gamma')).toHaveValue('0.02');
  await expect(labBox(page, 'orderSize')).toHaveValue('0.5');
  await expect(labBox(page, 'maxInventory')).toHaveValue('3'); // 6 lots of 0.5
  await waitForRunDone(page);
  expect(await page.evaluate(() => window.mmlab!.lab.getState().summary!.resolved.maxInventory)).toBe(3);
  await expect.poll(() => page.evaluate(() => window.location.search)).toContain('v=2');
});

test('Q bounds the calculator quotes: at q ≥ Q the bid is not quoted, in AS and in GLFT', async ({ page }) => {
  await openApp(page, '?q=5&Q=100');
  await expect(page.getByTestId('out-bid')).not.toHaveText('not quoted');
  for (const model of ['Avellaneda–Stoikov (finite horizon)', 'GLFT (infinite horizon)']) {
    await page.getByLabel(model).check();
    await numberBox(page, 'maxQ').fill('5');
    await numberBox(page, 'maxQ').press('Enter');
    await expect(page.getByTestId('out-bid')).toHaveText('not quoted');
    await expect(page.getByTestId('out-ask')).not.toHaveText('not quoted');
    await expect(page.getByTestId('out-unquoted')).toContainText('No bid');
    await numberBox(page, 'maxQ').fill('100');
    await numberBox(page, 'maxQ').press('Enter');
    await expect(page.getByTestId('out-bid')).not.toHaveText('not quoted');
  }
});
