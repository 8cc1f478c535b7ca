import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyParam, clampToSpec } from '../../src/lib/params/spec';
import { BACKTEST_SPECS, CALCULATOR_SPECS } from '../../src/lib/params/catalog';

const SPECS = [...CALCULATOR_SPECS, ...BACKTEST_SPECS];

describe('applyParam: every value that comes in is kept in range, and a change is always said', () => {
  it('any finite number lands in range; a notice comes exactly when the value differs from what came in (beyond step rounding)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SPECS), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }), (spec, x) => {
        const r = applyParam(spec, x, spec.default);
        expect(r.value).toBeGreaterThanOrEqual(spec.min);
        expect(r.value).toBeLessThanOrEqual(spec.max);
        const outside = x < spec.min || x > spec.max;
        const fraction = spec.integer === true && !outside && !Number.isInteger(x);
        expect(r.notice !== undefined).toBe(outside || fraction);
        if (r.notice) expect(r.notice).toContain(spec.symbol);
      }),
      { numRuns: 3000 },
    );
  });

  it('text that is not a number keeps the fallback and names what came in', () => {
    const gamma = CALCULATOR_SPECS.find((s) => s.key === 'gamma')!;
    expect(applyParam(gamma, '0x10', 0.3)).toEqual({ value: 0.3, notice: 'Risk aversion (γ): expected a number from 0.000001 to 1000 1/(price·asset), got "0x10"; kept 0.3.' });
    const auto = BACKTEST_SPECS.find((s) => s.key === 'gamma')!;
    expect(applyParam(auto, 'abc', undefined)).toEqual({ value: undefined, notice: 'Risk aversion (γ): expected a number from 0.000001 to 1000 1/(price·asset), got "abc"; kept the calibrated value.' });
  });

  it('numbers typed as text are read exactly like numbers', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SPECS), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), (spec, x) => {
        expect(applyParam(spec, String(x), spec.default)).toEqual(applyParam(spec, x, spec.default));
      }),
      { numRuns: 2000 },
    );
  });

  it('clampToSpec never returns −0', () => {
    const q = CALCULATOR_SPECS.find((s) => s.key === 'q')!;
    expect(Object.is(clampToSpec(q, -0.2).value, 0)).toBe(true);
  });
});
