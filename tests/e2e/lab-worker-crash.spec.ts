import { expect, test, type Page } from '@playwright/test';
import { openApp, waitForRunDone } from './helpers';
import type {} from '../../src/app/devtools/console-api'; // window.mmlab type

// A lab worker that dies in the middle of a run, the way a real one can: its engine loop is stopped
// where it is and its thread ends, which fires no 'error' event on the page (no mock: the real
// worker, killed through the DevTools protocol). The page must say so, mark what it shows as not current, and
// the next Run must start a fresh worker and finish.

const LONG_TICKS = 4_000_000;


/**
 * Kills the page's lab workers the way a crash does: through the DevTools protocol (the page's own
 * CDP session, attached to its dedicated workers), Runtime.terminateExecution stops the engine loop
 * where it is (it is delivered as an interrupt, mid-loop), then the worker calls self.close(), which
 * ends its thread. Resolves with how many lab workers were killed.
 */
async function killLabWorkers(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  const sessions: string[] = [];
  const replies = new Map<string, number>();
  cdp.on('Target.attachedToTarget', (e) => { if (e.targetInfo.type === 'worker' && /lab\.worker/.test(e.targetInfo.url)) sessions.push(e.sessionId); });
  cdp.on('Target.receivedMessageFromTarget', (e) => { const m = JSON.parse(e.message) as { id?: number }; if (m.id !== undefined) replies.set(e.sessionId, (replies.get(e.sessionId) ?? 0) + 1); });
  // Attaching reports the workers alive now (flatten: false, so messages go through Target.sendMessageToTarget).
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  await expect.poll(() => sessions.length).toBeGreaterThan(0);
  for (const sessionId of sessions) {
    await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'Runtime.terminateExecution' }) });
    await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 2, method: 'Runtime.evaluate', params: { expression: 'self.close()' } }) });
  }
  // Both commands answered: the loop was stopped and close() ran.
  await expect.poll(() => sessions.every((id) => replies.get(id) === 2)).toBe(true);
  await cdp.detach();
  return sessions.length;
}

test('killing the lab worker mid-run shows an error, marks the panels stale, and Run recovers with fresh results', async ({ page }) => {
  await openApp(page, '?p=pnl,inventory');
  await waitForRunDone(page, 0, ['summary', 'regimes'], 120_000);
  const first = await page.evaluate(() => { const s = window.mmlab!.lab.getState(); return { runId: s.runId, net: s.summary!.attribution.net }; });
  await expect(page.getByTestId('metric-net')).toBeVisible();

  // A long run: a synthetic market the worker regenerates from its seed.
  await page.evaluate((nTicks) => {
    const ds = window.mmlab!.dataset.getState();
    ds.setLoaded({ name: `synthetic ${nTicks}`, source: 'synthetic', kind: 'quotes', seed: 5, nTicks, columns: { time: new Float64Array(0) }, summary: ds.dataset!.summary, rowsRead: nTicks, rowsSkipped: 0, problems: [], timeUnit: 's', mapping: {} });
  }, LONG_TICKS);
  // Mid-run: its first partial series is on the page and most of its ticks are still to go.
  await expect.poll(() => page.evaluate((n) => { const s = window.mmlab!.lab.getState(); return s.status === 'running' && s.series !== null && s.series.total === n && s.series.upTo < s.series.total / 2; }, LONG_TICKS), { intervals: [20], timeout: 120_000 }).toBe(true);
  const killedRun = await page.evaluate(() => window.mmlab!.lab.getState().runId);
  expect(await killLabWorkers(page)).toBe(1);

  // A clear error instead of "Running… x / y" for ever.
  await expect(page.getByTestId('run-error')).toContainText('The lab worker stopped', { timeout: 30_000 });
  await expect(page.getByTestId('run-status')).toHaveText('Failed');
  const after = await page.evaluate(() => { const s = window.mmlab!.lab.getState(); return { status: s.status, stale: s.stale, runId: s.runId, upTo: s.series?.upTo ?? null, total: s.series?.total ?? null }; });
  expect(after.status).toBe('error');
  expect(after.runId).toBe(killedRun);
  expect(after.stale).toBe(true);
  // What is on screen is the dead run's partial series: it never finished.
  expect(after.upTo).not.toBeNull();
  expect(after.upTo!).toBeLessThan(after.total!);
  // Every open lab panel says its figures are not the current settings' run.
  await expect(page.getByTestId('run-stale')).toBeVisible();
  for (const id of ['pnl', 'inventory']) await expect(page.locator(`#${id} [data-testid="panel-stale"]`)).toBeVisible();
  // No figure of the previous dataset's run sits beside the dead run's partial series.
  await expect(page.getByTestId('metric-net')).toHaveCount(0);
  expect(await page.evaluate(() => { const s = window.mmlab!.lab.getState(); return [s.summary, s.kalman, s.regimes, s.fills]; })).toEqual([null, null, null, null]);

  // Run again: a fresh worker, the whole run, fresh results, no error, nothing stale.
  await page.getByTestId('run-button').click();
  await waitForRunDone(page, killedRun, ['summary', 'regimes'], 120_000);
  const fresh = await page.evaluate(() => { const s = window.mmlab!.lab.getState(); return { stale: s.stale, error: s.error, upTo: s.series!.upTo, total: s.series!.total, net: s.summary!.attribution.net }; });
  expect(fresh.error).toBeNull();
  expect(fresh.stale).toBe(false);
  expect(fresh.total).toBe(LONG_TICKS);
  expect(fresh.upTo).toBe(LONG_TICKS);
  expect(fresh.net).not.toBe(first.net); // another dataset's run, not the first one's figures
  await expect(page.getByTestId('run-error')).toHaveCount(0);
  await expect(page.getByTestId('run-stale')).toHaveCount(0);
  await expect(page.locator('[data-testid="panel-stale"]')).toHaveCount(0);
  await expect(page.getByTestId('run-status')).toHaveText(/^Done: /);
});
