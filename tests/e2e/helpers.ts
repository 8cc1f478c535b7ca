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
