import { describe, expect, it } from 'vitest';
import { createParamsStore } from '../../src/stores/params-store';
import { DEFAULT_PARAMS } from '../../src/stores/calculator-params';

describe('params store', () => {
  it('clamps an out-of-range value and explains it in a note', () => {
    const s = createParamsStore();
    s.getState().setNumber('gamma', 5000);
    expect(s.getState().params.gamma).toBe(1000);
    expect(s.getState().clampNotes.gamma).toBe('Risk aversion (γ) = 5000 is out of range; clamped to 1000 (allowed 0.000001 to 1000 1/(price·asset)).');
    s.getState().setNumber('gamma', 0.5);
    expect(s.getState().params.gamma).toBe(0.5);
    expect(s.getState().clampNotes.gamma).toBeUndefined();
  });

  it('rounds integers and keeps the old value on non-numbers', () => {
    const s = createParamsStore();
    s.getState().setNumber('q', 2.6);
    expect(s.getState().params.q).toBe(3);
    expect(s.getState().clampNotes.q).toBe('Inventory (q) takes whole numbers; 2.6 rounded to 3.');
    s.getState().setNumber('q', Number.NaN);
    expect(s.getState().params.q).toBe(3);
    expect(s.getState().clampNotes.q).toBe('Inventory (q): expected a number from -1000 to 1000 asset, got "NaN"; kept 3.');
  });

  it('resets to the defaults and clears notices', () => {
    const s = createParamsStore(DEFAULT_PARAMS, ['x']);
    s.getState().setModel('glft');
    s.getState().reset();
    expect(s.getState().params).toEqual(DEFAULT_PARAMS);
    expect(s.getState().notices).toEqual([]);
  });
});
