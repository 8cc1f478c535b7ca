import { describe, expect, it } from 'vitest';
import { createRng, poissonFillModel, quoteCrossFillModel, tradeThroughFillModel } from '../../../src/engine';

describe('trade-through fill model', () => {
  const m = tradeThroughFillModel(0.25);
  it('fills our bid on trades at or below it, capped by the trade size', () => {
    expect(m.onTrade(1, 100, 2, 99.9, 5)).toBe(2); // through: the whole quote
    expect(m.onTrade(1, 100, 2, 99.9, 0.7)).toBeCloseTo(0.7, 12); // through: capped by the trade
    expect(m.onTrade(1, 100, 2, 100, 2)).toBeCloseTo(1.5, 12); // at our price: 25 % went to the queue ahead
    expect(m.onTrade(1, 100, 2, 100.01, 5)).toBe(0);
  });
  it('fills our ask on trades at or above it', () => {
    expect(m.onTrade(-1, 100, 1, 100.2, 5)).toBe(1);
    expect(m.onTrade(-1, 100, 1, 99.99, 5)).toBe(0);
  });
});

describe('quote-cross fill model', () => {
  const m = quoteCrossFillModel();
  it('fills when the opposite best price reaches our quote', () => {
    expect(m.onQuote(1, 100, 1, 99.8, 100)).toBe(1);
    expect(m.onQuote(1, 100, 1, 99.9, 100.01)).toBe(0);
    expect(m.onQuote(-1, 100, 1, 100, 100.2)).toBe(1);
    expect(m.onQuote(-1, 100, 1, 99.99, 100.2)).toBe(0);
  });
});

describe('Poisson fill model', () => {
  it('fills with probability 1 − exp(−A·e^(−κδ)·dt)', () => {
    const A = 2, kappa = 10, dt = 0.3, depth = 0.05;
    const m = poissonFillModel(A, kappa, 'exp', createRng(1));
    const N = 200_000;
    let hits = 0;
    for (let k = 0; k < N; k++) if (m.onInterval(1, 100 - depth, 1, 100, dt) > 0) hits++;
    const p = 1 - Math.exp(-A * Math.exp(-kappa * depth) * dt);
    expect(Math.abs(hits / N - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / N));
  });
  it("uses the paper's min(1, λ·dt) when asked, and never fills over zero time", () => {
    const m = poissonFillModel(50, 1, 'linear', createRng(2));
    let hits = 0;
    for (let k = 0; k < 1000; k++) hits += m.onInterval(-1, 100, 1, 100, 0.1); // λdt = 5 → probability 1
    expect(hits).toBe(1000);
    expect(m.onInterval(1, 100, 1, 100, 0)).toBe(0);
  });
  it('draws one uniform per interval with dt > 0, in order: the same fills as rng.uniform() < p call by call', () => {
    const A = 3, kappa = 20;
    const m = poissonFillModel(A, kappa, 'exp', createRng(7));
    const ref = createRng(7), args = createRng(8);
    let fills = 0;
    for (let k = 0; k < 5000; k++) { // across several refills of the model's uniform buffer
      const side = args.uniform() < 0.5 ? 1 : -1, depth = args.uniform() * 0.2, size = 1 + args.int(3);
      const dt = args.uniform() < 0.1 ? 0 : args.uniform(); // dt = 0 draws nothing
      const want = dt > 0 && ref.uniform() < 1 - Math.exp(-A * Math.exp(-kappa * depth) * dt) ? size : 0;
      const got = m.onInterval(side, side > 0 ? 100 - depth : 100 + depth, size, 100, dt);
      expect(got).toBe(want);
      if (got > 0) fills++;
    }
    expect(fills).toBeGreaterThan(100);
  });
});
