import { expect, type Page } from '@playwright/test';

/** Collects console errors and page errors so a spec can assert the page stayed clean. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

export async function openApp(page: Page, query = ''): Promise<void> {
  await page.goto(`./${query}`);
  await expect(page.getByRole('heading', { name: 'Spread calculator' })).toBeVisible();
}

/** The number box of a calculator field, by its parameter key. */
export function numberBox(page: Page, key: string) {
  return page.getByTestId(`field-${key}`).locator('input[type="number"]');
}

export function rangeInput(page: Page, key: string) {
  return page.getByTestId(`field-${key}`).locator('input[type="range"]');
}

/** Lab views a test may wait for (fields of the lab store that are null until a run has sent them). */
export type LabView = 'summary' | 'fills' | 'regimes' | 'kalman';

/** Waits until a run newer than `afterRunId` has finished in the lab with each of `views` on the page. */
export async function waitForRunDone(page: Page, afterRunId = 0, views: readonly LabView[] = ['summary'], timeout = 90_000): Promise<void> {
  await expect.poll(() => page.evaluate(({ after, need }) => {
    const s = window.mmlab!.lab.getState();
    return s.runId > after && s.status === 'done' && need.every((v) => s[v] !== null);
  }, { after: afterRunId, need: [...views] }), { timeout }).toBe(true);
}
