import { describe, expect, it } from 'vitest';
import { describeRegimes, fitHmm, labelRegimes, regimeFitNotes, regimeStats } from '../../../src/engine';
import { params, simulateHmm, THREE_STATE } from './helpers';

const chain = (K: number, p = 0.95) => {
  const q = (1 - p) / (K - 1);
  return Array.from({ length: K * K }, (_, i) => (Math.floor(i / K) === i % K ? p : q));
};
const uniform = (K: number) => Array.from({ length: K }, () => 1 / K);

describe('labelRegimes: states named by what tells them apart', () => {
  it('without a sample size: by volatility level only, whatever the means or the state order', () => {
    expect(labelRegimes(params([3, -2, 0.1], [2, 1, 5], chain(3), uniform(3)))).toEqual(['Mid-vol', 'Low-vol', 'High-vol']);
    expect(labelRegimes(params([1, -1], [4, 1], chain(2), uniform(2)))).toEqual(['High-vol', 'Low-vol']);
    expect(labelRegimes(params([0, 0, 0, 0], [1, 2, 3, 4], chain(4), uniform(4)))).toEqual(['Low-vol', 'Mid-low-vol', 'Mid-high-vol', 'High-vol']);
    expect(labelRegimes(params([0, 0, 0, 0, 0], [5, 4, 3, 2, 1], chain(5), uniform(5)))).toEqual(['Highest-vol', 'High-vol', 'Mid-vol', 'Low-vol', 'Lowest-vol']);
    // Nothing tells equal variances apart without a sample size: numbered.
    expect(labelRegimes(params([1, -1], [1, 1], chain(2), uniform(2)))).toEqual(['Regime (2)', 'Regime (1)']);
  });

  it('names drift only when the means differ beyond their standard errors σ_k/√(π_k·T)', () => {
    const m = params([-0.3, 0, 0.3], [1, 1, 1], chain(3), uniform(3));
    // T = 3000: n_k = 1000 per state, SE 0.032: the means differ by ~9 SE; the variances cannot be told apart.
    expect(labelRegimes(m, 3000)).toEqual(['Down-drift', 'Flat', 'Up-drift']);
    // T = 30: SE 0.32, the means are within noise: no drift named, and nothing else distinguishes them.
    expect(labelRegimes(m, 30)).toEqual(['Regime (1)', 'Regime (2)', 'Regime (3)']);
    const d = describeRegimes(m, 3000);
    expect(d[0].meanSe).toBeCloseTo(Math.sqrt(1 / 1000), 6);
    expect(d.map((x) => x.drift)).toEqual(['down', null, 'up']);
  });

  it('merges volatility levels that are within their standard errors v_k·√(2/(π_k·T)), and combines level with drift', () => {
    const m = params([0, 0.5, 0], [1, 1.05, 4], chain(3), uniform(3));
    // T = 300: variance SE ≈ 0.14 per state, 1 vs 1.05 is noise; 4 is not. Mean SE ≈ 0.1: 0.5 drifts up.
    expect(labelRegimes(m, 300)).toEqual(['Low-vol, flat', 'Low-vol, up-drift', 'High-vol, flat']);
    // Without T the levels stay apart and no drift is named.
    expect(labelRegimes(m)).toEqual(['Low-vol', 'Mid-vol', 'High-vol']);
  });

  it('one state is a single regime', () => {
    expect(labelRegimes(params([0], [1], [1], [1]), 100)).toEqual(['Single regime']);
  });

  it('gives the same labels to the same regimes across seeds and restarts', () => {
    const { x } = simulateHmm(THREE_STATE, 3000, 17);
    const names = [1, 2, 3].map((seed) => {
      const m = fitHmm(x, { nStates: 3, seed, restarts: seed + 1 });
      return labelRegimes(m, x.length).map((l, k) => `${l}:${m.means[k].toFixed(2)}`).sort().join(' ');
    });
    expect(new Set(names).size).toBe(1);
  });
});

describe('regimeStats', () => {
  it('reports occupancy from the path, duration 1/(1 − p_kk), σ per tick and the labels', () => {
    const m = params([-1, 0, 1], [0.5, 0.1, 2], [0.9, 0.05, 0.05, 0.1, 0.8, 0.1, 0.25, 0.25, 0.5], [1 / 3, 1 / 3, 1 / 3]);
    const path = Int32Array.of(0, 0, 1, 2);
    const s = regimeStats(Float64Array.of(0, 0, 0, 0), m, path);
    expect(s.map((r) => r.occupancy)).toEqual([0.5, 0.25, 0.25]);
    expect(s[0].expectedDuration).toBeCloseTo(10, 12);
    expect(s[1].expectedDuration).toBeCloseTo(5, 12);
    expect(s[2].expectedDuration).toBeCloseTo(2, 12);
    expect(s[2].sigmaPerTick).toBe(2);
    expect(s.map((r) => r.label)).toEqual(['Mid-vol', 'Low-vol', 'High-vol']);
    expect(regimeStats(Float64Array.of(0, 0, 0, 0), m, path, 10_000).map((r) => r.label)).toEqual(labelRegimes(m, 10_000));
  });
});

describe('regimeFitNotes', () => {
  const good = params([0, 0, 0], [1, 2, 4], chain(3, 0.99), uniform(3));
  it('says nothing about a well-fed, persistent, converged fit', () => {
    expect(regimeFitNotes({ model: good, fittedBuckets: 5000, bucketSec: 10, converged: true })).toEqual([]);
  });
  it('warns in plain sentences: few buckets, states lasting a bucket or two, no convergence, one state', () => {
    const flicker = params([0, 0], [1, 9], [0.3, 0.7, 0.6, 0.4], [0.5, 0.5]);
    const notes = regimeFitNotes({ model: flicker, fittedBuckets: 60, bucketSec: 0.1, converged: false }); // stays 1/(1 − 0.3) and 1/(1 − 0.4)
    expect(notes[0]).toMatch(/fitted on 60 buckets of 0\.10 s, fewer than 50 per state for 2 states/);
    expect(notes[1]).toMatch(/No state lasts more than 1\.7 buckets \(0\.17 s\)/);
    expect(notes[2]).toMatch(/stopped before converging/);
    expect(regimeFitNotes({ model: params([0], [1], [1], [1]), fittedBuckets: 500, bucketSec: 1 })).toEqual(['One regime only: the data were too short or too flat to fit more.']);
    // One lasting state and two that flick in and out (the default sample's up/down moves): named.
    const moves = params([0, 3, -3], [0.1, 2, 3], [0.9, 0.05, 0.05, 0.5, 0.4, 0.1, 0.5, 0.1, 0.4], [0.8, 0.1, 0.1]);
    const n = regimeFitNotes({ model: moves, fittedBuckets: 1000, bucketSec: 0.1 });
    expect(n).toHaveLength(1);
    expect(n[0]).toMatch(/^Some states last only a bucket or two on average \(.+ 1\.7 buckets \(0\.17 s\); .+ 1\.7 buckets \(0\.17 s\)\): they mark single price moves/);
  });
});
