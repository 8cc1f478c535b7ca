import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createLabStore } from '../../src/stores/lab-store';
import { DEFAULT_LAB, KALMAN_SPECS, LAB_SPECS, checkKalmanValue, clampKalman } from '../../src/stores/lab-settings';
import { NUMERIC_SPECS, DEFAULT_PARAMS } from '../../src/stores/calculator-params';
import { parseUrlState, serializeUrlState } from '../../src/stores/url-state';

describe('Kalman q and r set by hand', () => {
  it('the store switches between fitted (null) and by hand, and refuses an invalid pair whole', () => {
    const lab = createLabStore();
    expect(lab.getState().settings.kalman).toBeNull();
    expect(lab.getState().setKalman({ q: 1e-4, r: 0.02 })).toBe(true);
    expect(lab.getState().settings.kalman).toEqual({ q: 1e-4, r: 0.02 });
    const before = lab.getState().settings;
    for (const bad of [{ q: -1, r: 0.02 }, { q: 1e-4, r: 0 }, { q: Number.NaN, r: 1 }, { q: 1, r: Number.POSITIVE_INFINITY }, { q: 1e13, r: 1 }]) {
      expect(lab.getState().setKalman(bad)).toBe(false);
    }
    expect(lab.getState().settings).toBe(before); // untouched: no new settings object, so no new run
    expect(lab.getState().setKalman(null)).toBe(true);
    expect(lab.getState().settings.kalman).toBeNull();
  });

  it('moves a fit into range before hand-setting starts from it (an ML r can sit at ~0)', () => {
    expect(clampKalman({ q: 0.0568, r: 5e-17 })).toEqual({ q: 0.0568, r: 1e-12 });
    expect(clampKalman({ q: 1e15, r: Number.NaN })).toEqual({ q: 1e12, r: 1e-12 });
    expect(createLabStore().getState().setKalman(clampKalman({ q: 0.0568, r: 5e-17 }))).toBe(true);
  });

  it('names the field and what was typed when a value is invalid', () => {
    expect(checkKalmanValue('q', '0.5')).toEqual({ ok: true, value: 0.5 });
    expect(checkKalmanValue('r', ' 3e-7 ')).toEqual({ ok: true, value: 3e-7 });
    const neg = checkKalmanValue('q', '-0.1');
    expect(neg.ok).toBe(false);
    if (!neg.ok) expect(neg.message).toBe('Kalman state noise q: expected a positive number from 1e-12 to 1e12 (price units² per tick), got "-0.1"');
    const hex = checkKalmanValue('r', '0x10'); // Number('0x10') is 16: must not slip through
    if (!hex.ok) expect(hex.message).toMatch(/^Kalman observation noise r: .* got "0x10"$/);
    expect(hex.ok).toBe(false);
    const empty = checkKalmanValue('r', '  ');
    if (!empty.ok) expect(empty.message).toMatch(/got nothing$/);
    expect(empty.ok).toBe(false);
  });

  it('round-trips through the URL as kq and kr, keys no other field uses', () => {
    const urlKeys = [...NUMERIC_SPECS.map((s) => s.urlKey), ...LAB_SPECS.map((s) => s.urlKey), 'v', 'm', 'y', 'st', 'gd', 'p', 'sample'];
    for (const s of KALMAN_SPECS) expect(urlKeys).not.toContain(s.urlKey);
    const lab = { ...DEFAULT_LAB, kalman: { q: 1.234e-5, r: 0.0421 } };
    const q = serializeUrlState(DEFAULT_PARAMS, {}, lab);
    expect(q).toBe('?v=2&kq=0.00001234&kr=0.0421');
    const back = parseUrlState(q);
    expect(back.notices).toEqual([]);
    expect(back.lab).toEqual(lab);
    expect(serializeUrlState(DEFAULT_PARAMS, {}, DEFAULT_LAB)).toBe('?v=2'); // fitted: nothing in the link
  });

  it('keeps any positive double exactly through the URL (property)', () => {
    fc.assert(fc.property(fc.double({ min: 1e-12, max: 1e12, noNaN: true }), fc.double({ min: 1e-12, max: 1e12, noNaN: true }), (q, r) => {
      const lab = { ...DEFAULT_LAB, kalman: { q, r } };
      expect(parseUrlState(serializeUrlState(DEFAULT_PARAMS, {}, lab)).lab.kalman).toEqual({ q, r });
    }));
  });

  it('fits both, with a notice naming the field, when a link has half a pair or a bad value', () => {
    const half = parseUrlState('?kq=0.001');
    expect(half.lab.kalman).toBeNull();
    expect(half.notices).toEqual(['Kalman q and r are set by hand together: the link gives only q; fitting q and r from the data instead.']);
    const bad = parseUrlState('?kq=0.001&kr=-2&bg=0.5');
    expect(bad.lab.kalman).toBeNull();
    expect(bad.lab.values.gamma).toBe(0.5); // other settings still apply
    expect(bad.notices).toEqual(['Kalman observation noise r: expected a positive number from 1e-12 to 1e12 (price units² per tick), got "-2"; fitting q and r from the data instead.']);
  });
});
