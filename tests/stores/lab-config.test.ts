import { describe, expect, it } from 'vitest';
import { toBacktestConfig, toLabSource, toMarketData } from '../../src/stores/lab-config';
import { DEFAULT_LAB } from '../../src/stores/lab-settings';
import { parseUrlState, serializeUrlState } from '../../src/stores/url-state';
import { DEFAULT_PARAMS } from '../../src/stores/calculator-params';
import type { LoadedDataset } from '../../src/workers/csv-client';

function dataset(partial: Partial<LoadedDataset>): LoadedDataset {
  return { name: 'x', source: 'file', kind: 'quotes', columns: { time: Float64Array.of(1, 2) }, summary: {} as LoadedDataset['summary'], rowsRead: 2, rowsSkipped: 0, problems: [], timeUnit: 's', mapping: {}, ...partial };
}

describe('lab config', () => {
  it('leaves unset parameters to the engine and passes the inventory limit in asset units, as set', () => {
    const c = toBacktestConfig({ ...DEFAULT_LAB, values: { ...DEFAULT_LAB.values, orderSize: 0.5, maxInventory: 6 } });
    expect(c.gamma).toBeUndefined();
    expect(c.kappa).toBeUndefined();
    expect(c.limits?.maxInventory).toBe(6);
    expect(c.sigma).toBeUndefined();
    expect(c.strategy).toBe('as-kalman');
    expect(c.regime?.nStates).toBe(3);
    expect(c.kalman).toBeUndefined(); // fitted by the engine
  });

  it('leaves the regime time bucket to the data unless set, and passes a set one to the engine', () => {
    expect(toBacktestConfig(DEFAULT_LAB).regime?.bucketSec).toBeUndefined();
    expect(toBacktestConfig({ ...DEFAULT_LAB, values: { ...DEFAULT_LAB.values, regimeBucketSec: 5 } }).regime).toEqual({ nStates: 3, bucketSec: 5 });
  });

  it('passes Kalman q and r set by hand to the engine', () => {
    const c = toBacktestConfig({ ...DEFAULT_LAB, kalman: { q: 2.5e-5, r: 0.0125 } });
    expect(c.kalman).toEqual({ q: 2.5e-5, r: 0.0125 });
  });

  it('regenerates a synthetic dataset from its seed and moves other data as columns', () => {
    expect(toLabSource(dataset({ source: 'synthetic', seed: 9, nTicks: 1000 }))).toEqual({ kind: 'synthetic', seed: 9, nTicks: 1000 });
    const s = toLabSource(dataset({ columns: { time: Float64Array.of(1, 2), bid: Float64Array.of(1, 1), ask: Float64Array.of(2, 2) } }));
    expect(s.kind).toBe('columns');
  });

  it('maps prices, bars and trades files to a mid, and trades ride along', () => {
    expect(toMarketData(dataset({ kind: 'prices', columns: { time: Float64Array.of(1), price: Float64Array.of(5) } })).mid).toEqual(Float64Array.of(5));
    expect(toMarketData(dataset({ kind: 'bars', columns: { time: Float64Array.of(1), close: Float64Array.of(7) } })).mid).toEqual(Float64Array.of(7));
    const t = toMarketData(dataset({ kind: 'trades', columns: { time: Float64Array.of(1), price: Float64Array.of(3), size: Float64Array.of(1), side: Float64Array.of(1) } }));
    expect(t.tradePrice).toEqual(Float64Array.of(3));
    expect(t.mid).toEqual(Float64Array.of(3));
  });
});

describe('lab settings in the URL', () => {
  it('round-trips strategy, explicit parameters, guard and open panels', () => {
    const lab = { strategy: 'glft' as const, guard: true, values: { ...DEFAULT_LAB.values, gamma: 0.02, maxInventory: 4 }, kalman: null, panels: ['pnl' as const, 'regimes' as const] };
    const q = serializeUrlState(DEFAULT_PARAMS, {}, lab);
    expect(q).toBe('?v=2&st=glft&gd=1&p=pnl%2Cregimes&bg=0.02&bq=4');
    const back = parseUrlState(q);
    expect(back.lab).toEqual(lab);
    expect(back.notices).toEqual([]);
  });

  it('round-trips the regime time bucket (bb) and clamps an out-of-range one by name', () => {
    const lab = { ...DEFAULT_LAB, values: { ...DEFAULT_LAB.values, regimeBucketSec: 2.5 } };
    const q = serializeUrlState(DEFAULT_PARAMS, {}, lab);
    expect(q).toContain('bb=2.5');
    expect(parseUrlState(q).lab).toEqual(lab);
    const bad = parseUrlState('?bb=0');
    expect(bad.lab.values.regimeBucketSec).toBe(0.001);
    expect(bad.notices).toEqual(['Regime time bucket (Δt) = 0 is out of range; clamped to 0.001 (allowed 0.001 to 86400 s).']);
  });

  it('names each invalid lab field: defaults for non-values, clamped numbers', () => {
    const r = parseUrlState('?st=martingale&gd=yes&p=pnl,evil&bn=9&bg=-1');
    expect(r.lab).toEqual({ ...DEFAULT_LAB, values: { ...DEFAULT_LAB.values, gamma: 1e-6, nStates: 5 } });
    expect(r.notices).toEqual([
      'strategy: expected one of symmetric, skew, as, as-kalman, as-regime, glft, got "martingale"; using the default "as-kalman".',
      'adverse-selection guard: expected 0 or 1, got "yes"; using off.',
      'open panels: unknown "evil"; showing all panels.',
      'Risk aversion (γ) = -1 is out of range; clamped to 0.000001 (allowed 0.000001 to 1000 1/(price·asset)).',
      'Regime states (K) = 9 is out of range; clamped to 5 (allowed 2 to 5 states).',
    ]);
  });
});
