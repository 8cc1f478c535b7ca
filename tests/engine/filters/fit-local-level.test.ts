// Reference values: tests/fixtures/statsmodels/reference.json, made by
// `/usr/bin/python3 tests/fixtures/statsmodels/make_fixtures.py`: statsmodels 0.13.5
// UnobservedComponents('llevel', use_exact_diffuse=True, ssm.tolerance = 0), its loglike at fixed
// (q, r) and its MLE (L-BFGS then a tight Nelder-Mead). The series are synthetic and the first
// 2000 mids of the real Binance USD-M sample.
import { describe, expect, it } from 'vitest';
import { fitLocalLevel, localLevelLogLik } from '../../../src/engine';
import { ref, relClose } from './reference';

describe('localLevelLogLik', () => {
  for (const c of ref.localLevelFit) {
    it(`${c.name}: equals statsmodels' exact diffuse log-likelihood to 1e-9`, () => {
      const y = Float64Array.from(c.y);
      for (const at of c.llfAt) expect(relClose(localLevelLogLik(y, at.q, at.r), at.llf, 1e-9)).toBe(true);
    });
  }
});

describe('fitLocalLevel', () => {
  for (const c of ref.localLevelFit) {
    it(`${c.name}: reaches statsmodels' maximum (log-likelihood to 1e-9, q and r close)`, () => {
      const y = Float64Array.from(c.y);
      const fit = fitLocalLevel(y);
      expect(relClose(fit.logLik, c.llf, 1e-9)).toBe(true);
      expect(fit.logLik).toBeGreaterThanOrEqual(c.llf - 1e-9 * Math.abs(c.llf));
      expect(relClose(fit.q, c.q, 1e-5)).toBe(true);
      // r is ~0 on the tick-grid mids (a pure random walk): compare on the scale of q there.
      expect(Math.abs(fit.r - c.r)).toBeLessThanOrEqual(1e-5 * Math.max(c.r, c.q));
      expect(relClose(localLevelLogLik(y, fit.q, fit.r), fit.logLik, 1e-12)).toBe(true);
    });
  }

  it('recovers q and r from a long simulated random walk plus noise', () => {
    const n = 20000;
    const y = new Float64Array(n);
    let level = 0;
    let s = 12345;
    const gauss = () => {
      // Box-Muller on an LCG, good enough for a statistical check here.
      s = (s * 1103515245 + 12345) % 2147483648; const u = (s + 1) / 2147483649;
      s = (s * 1103515245 + 12345) % 2147483648; const v = (s + 1) / 2147483649;
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    };
    for (let i = 0; i < n; i++) { level += 0.1 * gauss(); y[i] = level + 0.3 * gauss(); }
    const fit = fitLocalLevel(y);
    expect(fit.q).toBeGreaterThan(0.01 * 0.8);
    expect(fit.q).toBeLessThan(0.01 * 1.25);
    expect(fit.r).toBeGreaterThan(0.09 * 0.9);
    expect(fit.r).toBeLessThan(0.09 * 1.1);
  });

  it('rejects a constant series and NaN by index', () => {
    expect(() => fitLocalLevel(new Float64Array(10).fill(3))).toThrow(/constant/);
    expect(() => fitLocalLevel(Float64Array.of(1, 2, NaN, 4))).toThrow(/y\[2\]/);
  });
});
