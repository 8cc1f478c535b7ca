import { describe, expect, it } from 'vitest';
import { createParamsStore } from '../../src/stores/params-store';
import { createLabStore } from '../../src/stores/lab-store';
import { DEFAULT_PARAMS } from '../../src/stores/calculator-params';
import { DEFAULT_LAB } from '../../src/stores/lab-settings';
import { copyCalculatorToBacktest, resetAllParameters } from '../../src/stores/param-transfer';
import { CALCULATOR_SPECS, BACKTEST_SPECS, SHARED_PARAMS } from '../../src/lib/params/catalog';

describe('one parameter system', () => {
  it('declares each shared parameter with the same unit and range on both sides', () => {
    for (const { calculator, backtest } of SHARED_PARAMS) {
      const c = CALCULATOR_SPECS.find((s) => s.key === calculator)!;
      const b = BACKTEST_SPECS.find((s) => s.key === backtest)!;
      expect([c.symbol, c.unit, c.min, c.max, c.step, c.integer]).toEqual([b.symbol, b.unit, b.min, b.max, b.step, b.integer]);
    }
    const urlKeys = [...CALCULATOR_SPECS, ...BACKTEST_SPECS].map((s) => s.urlKey);
    expect(new Set(urlKeys).size).toBe(urlKeys.length);
  });

  it('"Use in backtest" copies γ, κ, σ and Q as they are', () => {
    const params = createParamsStore({ ...DEFAULT_PARAMS, gamma: 0.37, kappa: 42, sigmaAnnualPct: 80, maxQ: 7 });
    const lab = createLabStore();
    copyCalculatorToBacktest(params, lab);
    expect(lab.getState().settings.values).toMatchObject({ gamma: 0.37, kappa: 42, sigmaAnnualPct: 80, maxInventory: 7 });
    expect(lab.getState().valueNotes).toEqual({});
  });

  it('Reset puts the calculator and every backtest setting back to the defaults', () => {
    const params = createParamsStore({ ...DEFAULT_PARAMS, gamma: 2, model: 'glft' });
    const lab = createLabStore();
    lab.getState().setStrategy('glft');
    lab.getState().setValue('gamma', 5000);
    expect(lab.getState().valueNotes.gamma).toContain('clamped to 1000');
    lab.getState().togglePanel('kalman');
    resetAllParameters(params, lab);
    expect(params.getState().params).toEqual(DEFAULT_PARAMS);
    expect(lab.getState().settings).toEqual(DEFAULT_LAB);
    expect(lab.getState().valueNotes).toEqual({});
  });
});
