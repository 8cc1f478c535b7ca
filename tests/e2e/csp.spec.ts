import { expect, test } from '@playwright/test';
import { openApp, watchErrors } from './helpers';
import type {} from '../../src/app/devtools/console-api'; // window.mmlab type

// The Content-Security-Policy in index.html: present, strict on scripts, and nothing the app does
// (workers, KaTeX fonts and styles, charts, a full run with its views) violates it.
test('the CSP meta tag is present and a full run raises no securitypolicyviolation', async ({ page }) => {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
  const errors = watchErrors(page);
  await openApp(page, '?p=pnl,kalman,regimes');
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).not.toBeNull();
  const scriptSrc = csp!.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'))!;
  expect(scriptSrc.split(/\s+/)).toContain("'self'");
  expect(scriptSrc).not.toContain('unsafe-eval');
  expect(scriptSrc).not.toContain('unsafe-inline');
  await expect.poll(() => page.evaluate(() => {
    const s = window.mmlab!.lab.getState();
    return s.status === 'done' && s.regimes !== null && s.kalman !== null;
  }), { timeout: 90_000 }).toBe(true);
  // KaTeX typeset the formulas (its stylesheet and fonts loaded under the policy).
  await expect(page.locator('.katex').first()).toBeVisible();
  await page.evaluate(() => document.fonts.ready);
  const violations = await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
  expect(violations).toEqual([]);
  expect(errors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
  // The policy is live, not just present: an injected inline script does not run, and is reported.
  await page.evaluate(() => {
    const el = document.createElement('script');
    el.textContent = 'window.__inlineRan = true';
    document.head.append(el);
  });
  await expect.poll(() => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual(['script-src-elem inline']);
  expect(await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan)).toBeUndefined();
});
