import { describe, expect, it } from 'vitest';
import {
  buildFeeModel, buildLatencyModel, feeModelSpec, feeModelSpecs, generateSyntheticMarket, latencyModelSpec, latencyModelSpecs,
  ParamError, prepareData, registerFeeModel, registerLatencyModel, resolveConfig, type FeeModel,
} from '../../../src/engine';

const market = generateSyntheticMarket({ seed: 4, nTicks: 400 });
const resolved = resolveConfig(prepareData(market), market, { strategy: 'symmetric', latencySec: 0.25, fees: { makerBps: -1, takerBps: 5 } });

describe('latency and fee model registries', () => {
  it('build the built-in models from the resolved settings: constant latency, fees in bps of notional', () => {
    expect(latencyModelSpecs().map((s) => s.id)).toContain('constant');
    expect(feeModelSpecs().map((s) => s.id)).toContain('bps');
    expect(buildLatencyModel(resolved).activeFrom(10)).toBe(10.25);
    const fees = buildFeeModel(resolved);
    expect(fees.fee(100, 2, true)).toBeCloseTo(-0.02, 15); // −1 bps of 200: a rebate
    expect(fees.fee(100, -2, false)).toBeCloseTo(0.1, 15); // 5 bps of |notional|
  });

  it('refuse an unknown id by naming the choices', () => {
    expect(() => latencyModelSpec('gaussian')).toThrow(ParamError);
    expect(() => latencyModelSpec('gaussian')).toThrow(/'constant'/);
    expect(() => feeModelSpec('tiers', 'config.fees.model')).toThrow(/config\.fees\.model.*'bps'/);
  });

  it('take a new model as one register call, replacing one with the same id', () => {
    const perFill = (fixed: number): FeeModel => ({ fee: () => fixed });
    registerFeeModel({ id: 'per-fill', describe: 'a fixed fee per fill', build: () => perFill(0.5) });
    expect(buildFeeModel(resolved, 'per-fill').fee(100, 1, true)).toBe(0.5);
    registerFeeModel({ id: 'per-fill', describe: 'a fixed fee per fill', build: () => perFill(0.7) });
    expect(feeModelSpecs().filter((s) => s.id === 'per-fill')).toHaveLength(1);
    expect(buildFeeModel(resolved, 'per-fill').fee(100, 1, true)).toBe(0.7);
    registerLatencyModel({ id: 'double', describe: 'twice the set latency', build: (p) => ({ activeFrom: (t) => t + 2 * p.latencySec }) });
    expect(buildLatencyModel(resolved, 'double').activeFrom(1)).toBe(1.5);
  });
});
