import { describe, expect, it } from 'vitest';
import { fillModelBand, runBacktest } from '../../../src/engine';
import { loadSample } from './samples';

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
