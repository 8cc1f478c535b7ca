import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deflatedSharpe, deflatedSharpeDetail, normalCdf, normalQuantile, pbo, sampleMoments, ParamError } from '../../../src/engine';

// Values computed independently with numpy/scipy by tests/fixtures/stats/make_fixtures.py.
const ref = JSON.parse(readFileSync(new URL('../../fixtures/stats/reference.json', import.meta.url), 'utf8')) as {
  dsr: { sharpe: number; trials: number; trialSharpeVariance: number; skew: number; kurtosis: number; observations: number; dsr: number; sr0: number }[];
  moments: { x: number[]; mean: number; sd: number; skew: number; kurtosis: number }[];
  normal: ({ p: number; quantile: number } | { x: number; cdf: number })[];
  pbo: { name: string; columns: number[][]; splits: number; statistic: 'sharpe' | 'mean'; pbo: number; logits: number[] }[];
};

describe('normal distribution', () => {
  it('matches scipy.stats.norm cdf and ppf', () => {
    for (const c of ref.normal) {
      if ('p' in c) expect(Math.abs(normalQuantile(c.p) - c.quantile)).toBeLessThan(1e-9 * Math.max(1, Math.abs(c.quantile)));
      else expect(Math.abs(normalCdf(c.x) - c.cdf)).toBeLessThan(1e-14 + 1e-12 * c.cdf);
    }
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(1.5)).toBeNaN();
  });
});

describe('sampleMoments', () => {
  it('matches scipy: biased skew, non-excess kurtosis, sd with n − 1', () => {
    for (const c of ref.moments) {
      const m = sampleMoments(Float64Array.from(c.x));
      expect(m.mean).toBeCloseTo(c.mean, 12);
      expect(m.sd).toBeCloseTo(c.sd, 12);
      expect(m.skew).toBeCloseTo(c.skew, 10);
      expect(m.kurtosis).toBeCloseTo(c.kurtosis, 10);
    }
  });
});

describe('deflatedSharpe', () => {
  it("reproduces the paper's numerical example: DSR ≈ 0.9004 with SR0 ≈ 0.1132 per day", () => {
    // Bailey & López de Prado (2014), §4: annualised SR 2.5 over 1250 daily observations, 100 trials, annualised V = 1/2, γ3 = −3, γ4 = 10.
    const d = deflatedSharpeDetail({ sharpe: 2.5 / Math.sqrt(250), trials: 100, trialSharpeVariance: 0.5 / 250, skew: -3, kurtosis: 10, observations: 1250 });
    expect(d.sr0).toBeCloseTo(0.1132, 4);
    expect(d.dsr).toBeCloseTo(0.9004, 4);
  });

  it('matches the scipy reference on random inputs', () => {
    for (const c of ref.dsr) {
      const d = deflatedSharpeDetail(c);
      expect(Math.abs(d.sr0 - c.sr0)).toBeLessThan(1e-10);
      expect(Math.abs(deflatedSharpe(c) - c.dsr)).toBeLessThan(1e-9);
    }
  });

  it('falls with more trials and rises with more observations', () => {
    const base = { sharpe: 0.1, trials: 10, trialSharpeVariance: 0.002, skew: 0, kurtosis: 3, observations: 500 };
    expect(deflatedSharpe({ ...base, trials: 1000 })).toBeLessThan(deflatedSharpe(base));
    expect(deflatedSharpe({ ...base, observations: 5000 })).toBeGreaterThan(deflatedSharpe(base));
    // One trial: SR0 = 0, the probabilistic Sharpe ratio against zero.
    expect(deflatedSharpeDetail({ ...base, trials: 1 }).sr0).toBe(0);
  });

  it('names the bad parameter', () => {
    const base = { sharpe: 0.1, trials: 10, trialSharpeVariance: 0.002, skew: 0, kurtosis: 3, observations: 500 };
    expect(() => deflatedSharpe({ ...base, trials: 0 })).toThrow(/trials/);
    expect(() => deflatedSharpe({ ...base, kurtosis: 0 })).toThrow(/kurtosis/);
    expect(() => deflatedSharpe({ ...base, observations: 1 })).toThrow(/observations/);
    expect(() => deflatedSharpe({ ...base, trialSharpeVariance: -1 })).toThrow(ParamError);
    expect(() => deflatedSharpe({ ...base, sharpe: NaN })).toThrow(/sharpe/);
  });
});

describe('pbo (CSCV)', () => {
  it('matches the numpy reference: PBO and every logit, combinations in lexicographic order', () => {
    for (const c of ref.pbo) {
      const r = pbo(c.columns.map((col) => Float64Array.from(col)), { splits: c.splits, statistic: c.statistic });
      expect(r.combinations).toBe(c.logits.length);
      expect(r.pbo).toBe(c.pbo);
      for (let k = 0; k < c.logits.length; k++) expect(r.logits[k]).toBeCloseTo(c.logits[k], 12);
    }
    const byName = Object.fromEntries(ref.pbo.map((c) => [c.name, c.pbo]));
    // A configuration with a real edge is never overfit; a winner that reverses mostly is.
    expect(byName.edge).toBe(0);
    expect(byName.reversal).toBeGreaterThan(0.5);
  });

  it('is deterministic and rejects bad inputs by name', () => {
    const cols = [Float64Array.of(1, 2, 3, 4), Float64Array.of(4, 3, 2, 1)];
    expect(pbo(cols, { splits: 2, statistic: 'mean' })).toEqual(pbo(cols, { splits: 2, statistic: 'mean' }));
    expect(() => pbo([cols[0]], { splits: 2 })).toThrow(/performance/);
    expect(() => pbo(cols, { splits: 3 })).toThrow(/splits/);
    expect(() => pbo(cols, { splits: 6 })).toThrow(/splits/); // 6 blocks of 4 rows: a block without a row
    expect(pbo(cols, { splits: 4 }).combinations).toBe(6); // 4 one-row blocks, two rows per half: enough for a Sharpe
    expect(() => pbo([cols[0], Float64Array.of(1, 2)], { splits: 2 })).toThrow(/performance\[1\]\.length/);
    expect(() => pbo([cols[0], Float64Array.of(1, NaN, 2, 3)], { splits: 2 })).toThrow(/performance\[1\]\[1\]/);
  });
});
