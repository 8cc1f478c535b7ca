import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test, type Page } from '@playwright/test';
import { openApp } from './helpers';
import type {} from '../../src/app/devtools/console-api'; // window.mmlab type

// The page's CSP (script-src 'self', no inline script; tests/e2e/csp.spec.ts checks it) blocks the inline
// <script> addScriptTag makes of axe-core's source, so this spec alone lifts the CSP in its browser context.
// axe only reads the DOM and computed styles, which the CSP does not change.
test.use({ bypassCSP: true });

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation { id: string; impact: string | null; help: string; nodes: { target: string[]; failureSummary?: string }[] }

/** Runs axe-core over the whole page; returns the serious and critical violations, one line each with where. */
async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.length} nodes, e.g. ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`).join(' | ')}`);
}

test('axe-core finds no serious or critical violation on the full page after a run and after a γ × κ grid', async ({ page }) => {
  test.setTimeout(240_000);
  // Every panel is open by default: the audit covers the whole page.
  await openApp(page);
  await expect.poll(async () => page.evaluate(() => { const s = window.mmlab!.lab.getState(); return s.status === 'done' && s.summary !== null && s.regimes !== null; }), { timeout: 90_000 }).toBe(true);
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByTestId('grid-run').click();
  await expect(page.getByTestId('grid-heatmap')).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('grid-overfitting')).toBeVisible();
  await page.getByTestId('wf-run').click();
  await expect(page.getByTestId('wf-table')).toBeVisible({ timeout: 90_000 });
  expect(await seriousViolations(page)).toEqual([]);
  // The audit really judged the heatmap's text on its coloured cells (not left them "incomplete").
  const contrast = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: object, opts: object): Promise<Record<'passes' | 'violations' | 'incomplete', { nodes: unknown[] }[]>> } }).axe;
    const r = await axe.run({ include: [['[data-testid="grid-heatmap"] tbody']] }, { runOnly: ['color-contrast'] });
    const count = (k: 'passes' | 'violations' | 'incomplete') => r[k].reduce((s, x) => s + x.nodes.length, 0);
    const why = r.incomplete.flatMap((x) => (x.nodes as { target: string[]; any: { message: string }[] }[]).map((n) => `${n.target.join(' ')}: ${n.any.map((c) => c.message).join('; ')}`));
    return { passes: count('passes'), violations: count('violations'), why };
  });
  // The best cell's decorative ★ (aria-hidden) is not text, so axe cannot rate it; every other cell must be rated.
  expect(contrast.violations).toBe(0);
  expect(contrast.why.filter((w) => !w.includes('only non-text characters'))).toEqual([]);
  expect(contrast.passes).toBeGreaterThanOrEqual(25);
});
