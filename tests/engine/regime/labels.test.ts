import { describe, expect, it } from 'vitest';
import { fitHmm, labelRegimes, regimeStats } from '../../../src/engine';
import { params, simulateHmm, THREE_STATE } from './helpers';

const chain = (K: number) => {
  const p = 0.95, q = (1 - p) / (K - 1);
  return Array.from({ length: K * K }, (_, i) => (Math.floor(i / K) === i % K ? p : q));
};

describe('labelRegimes', () => {
  it('K = 3: Bear, Sideways, Bull by mean, whatever the state order', () => {
    const m = params([0.1, -2, 3], [1, 1, 1], chain(3), [1 / 3, 1 / 3, 1 / 3]);
    expect(labelRegimes(m)).toEqual(['Sideways', 'Bear', 'Bull']);
  });

  it('K = 2, 4, 5 name the extra states by variance', () => {
    expect(labelRegimes(params([1, -1], [1, 1], chain(2), [0.5, 0.5]))).toEqual(['Bull', 'Bear']);
    expect(labelRegimes(params([0, -1, 1, 0.2], [1, 1, 1, 5], chain(4), [0.25, 0.25, 0.25, 0.25]))).toEqual(['Sideways', 'Bear', 'Bull', 'High-vol']);
    expect(labelRegimes(params([0, -1, 1, 0.2, 0.1], [1, 1, 1, 5, 0.1], chain(5), [0.2, 0.2, 0.2, 0.2, 0.2]))).toEqual(['Sideways', 'Bear', 'Bull', 'High-vol', 'Low-vol']);
  });

  it('gives the same labels to the same regimes across seeds and restarts', () => {
    const { x } = simulateHmm(THREE_STATE, 3000, 17);
    const names = [1, 2, 3].map((seed) => {
      const m = fitHmm(x, { nStates: 3, seed, restarts: seed + 1 });
      return labelRegimes(m).map((l, k) => `${l}:${m.means[k].toFixed(2)}`).join(' ');
    });
    expect(new Set(names).size).toBe(1);
  });
});

describe('regimeStats', () => {
  it('reports occupancy from the path, duration 1/(1 − p_kk) and σ per tick', () => {
    const m = params([-1, 0, 1], [0.5, 0.1, 2], [0.9, 0.05, 0.05, 0.1, 0.8, 0.1, 0.25, 0.25, 0.5], [1 / 3, 1 / 3, 1 / 3]);
    const path = Int32Array.of(0, 0, 1, 2);
    const s = regimeStats(Float64Array.of(0, 0, 0, 0), m, path);
    expect(s.map((r) => r.occupancy)).toEqual([0.5, 0.25, 0.25]);
    expect(s[0].expectedDuration).toBeCloseTo(10, 12);
    expect(s[1].expectedDuration).toBeCloseTo(5, 12);
    expect(s[2].expectedDuration).toBeCloseTo(2, 12);
    expect(s[2].sigmaPerTick).toBe(2);
    expect(s.map((r) => r.label)).toEqual(['Bear', 'Sideways', 'Bull']);
  });
});
