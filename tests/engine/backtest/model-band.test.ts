import { describe, expect, it } from 'vitest';
import { fillModelBand, runBacktest } from '../../../src/engine';
import { loadSample, minuteBars } from './samples';

describe('fillModelBand: one strategy under every applicable fill model', () => {
  it('runs trade-through, quote-cross, poisson and the queue variants on the USD-M sample, each row equal to its own run', async () => {
    const d = await loadSample('usdm-btcusdt-2024-08-08');
    const config = { strategy: 'symmetric' as const, orderSize: 0.01, limits: { maxInventory: 0.1 } };
    const seen: string[] = [];
    const band = fillModelBand(d, config, (row, done, total) => { seen.push(row.label); expect(done).toBeLessThanOrEqual(total); });
    expect(band.rows.map((r) => r.label)).toEqual([
      'trade-through', 'quote-cross', 'poisson',
      'queue (risk-averse)', 'queue (power n = 1)', 'queue (power n = 2)', 'queue (power n = 3)', 'queue (log)',
    ]);
    expect(seen).toEqual(band.rows.map((r) => r.label));
    expect(band.skipped).toEqual([{ model: 'bar', reason: 'the data are not OHLC bars (no high and low columns)' }]);
    for (const row of band.rows) {
      const r = runBacktest(d, { ...config, fill: { model: row.model, queueModel: row.queueModel, queuePower: row.queuePower } });
      expect(row.netPnl).toBe(r.attribution.net);
      expect(row.fills).toBe(r.metrics.fills);
      expect(row.fills).toBeGreaterThan(0);
      expect(Number.isFinite(row.netPnl)).toBe(true);
    }
    expect(band.netPnlRange[0]).toBe(Math.min(...band.rows.map((r) => r.netPnl)));
    expect(band.netPnlRange[1]).toBe(Math.max(...band.rows.map((r) => r.netPnl)));
  }, 60_000);

  it('leaves poisson out on data without trades unless its arrival rate A is set, and says why', async () => {
    const bars = minuteBars(await loadSample('usdm-btcusdt-2024-08-08'));
    expect(bars.tradeTime === undefined || bars.tradeTime.length === 0).toBe(true);
    const band = fillModelBand(bars, {});
    expect(band.rows.map((r) => r.model)).not.toContain('poisson');
    expect(band.skipped).toContainEqual({ model: 'poisson', reason: expect.stringMatching(/^no trades to estimate its arrival rate A from/) });
    expect(runBacktest(bars, { fill: { model: 'poisson' } }).resolved.fillAAssumed).toBe(true);
    // Set by the user, A is no longer an assumption of the band's: the row is run.
    const withA = fillModelBand(bars, { fill: { A: 0.01 } });
    expect(withA.rows.map((r) => r.model)).toContain('poisson');
    expect(withA.skipped.map((s) => s.model)).not.toContain('poisson');
  }, 60_000);

  it('says why the queue variants coincide when they book the same fills, and says nothing when they differ', async () => {
    const d = await loadSample('usdm-btcusdt-2024-08-08');
    const same = fillModelBand(d, {});
    const q = same.rows.filter((r) => r.model === 'queue');
    expect(new Set(q.map((r) => r.netPnl)).size).toBe(1); // the default AS re-places its orders at most ticks
    expect(same.notes).toEqual([expect.stringMatching(/^The 5 queue variants booked the same fills\. They differ only in how a cancellation at our price is split/)]);
    const differ = fillModelBand(d, { strategy: 'symmetric', orderSize: 0.01, limits: { maxInventory: 0.1 } });
    const q2 = differ.rows.filter((r) => r.model === 'queue');
    expect(new Set(q2.map((r) => `${r.fills} ${r.netPnl}`)).size).toBeGreaterThan(1);
    expect(differ.notes).toEqual([]);
  }, 60_000);
});
