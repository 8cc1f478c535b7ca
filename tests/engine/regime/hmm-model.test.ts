import { describe, expect, it } from 'vitest';
import { checkHmmParams, hmmLogLik, sortHmmStates } from '../../../src/engine';
import { params, simulateHmm } from './helpers';

describe('sortHmmStates', () => {
  it('reorders states by mean and permutes trans rows and columns consistently', () => {
    const m = params([2, -1, 0.5], [1, 0.5, 0.2], [0.8, 0.1, 0.1, 0.2, 0.7, 0.1, 0.05, 0.15, 0.8], [0.2, 0.3, 0.5]);
    const { model: s, order } = sortHmmStates(m);
    expect(Array.from(order)).toEqual([1, 2, 0]);
    expect(Array.from(s.means)).toEqual([-1, 0.5, 2]);
    expect(Array.from(s.init)).toEqual([0.3, 0.5, 0.2]);
    // P(new 0 → new 2) = P(old 1 → old 0)
    expect(s.trans[0 * 3 + 2]).toBe(m.trans[1 * 3 + 0]);
    expect(s.trans[2 * 3 + 1]).toBe(m.trans[0 * 3 + 2]);
    // Relabelling states leaves the likelihood unchanged.
    const { x } = simulateHmm(m, 300, 1);
    expect(hmmLogLik(x, s)).toBeCloseTo(hmmLogLik(x, m), 9);
  });
});

describe('checkHmmParams', () => {
  it('names the field that is wrong', () => {
    const ok = params([0, 1], [1, 1], [0.9, 0.1, 0.2, 0.8], [0.5, 0.5]);
    expect(checkHmmParams(ok)).toBe(2);
    expect(() => checkHmmParams({ ...ok, init: Float64Array.of(0.5, 0.6) })).toThrow(/model.init/);
    expect(() => checkHmmParams({ ...ok, trans: Float64Array.of(0.9, 0.1, 0.2) })).toThrow(/model.trans.length/);
    expect(() => checkHmmParams({ ...ok, means: Float64Array.of(0, Infinity) })).toThrow(/model.means\[1\]/);
    expect(() => checkHmmParams({ ...ok, trans: Float64Array.of(0.9, 0.1, -0.2, 1.2) })).toThrow(/row 1, column 0/);
  });
});
