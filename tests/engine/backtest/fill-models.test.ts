import { describe, expect, it } from 'vitest';
import { createRng, poissonFillModel, quoteCrossFillModel, runBacktest, tradeThroughFillModel } from '../../../src/engine';

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

describe('quote-cross fills in a run', () => {
  it('are booked at the mid the quote rested against, the move through it counted as adverse selection, the parts summing to net', () => {
    // A 1-wide market at 100 for five ticks, then the ask falls to 99.5 (mid 99.25): our bid (below 100) is crossed.
    const bid = Float64Array.of(99.5, 99.5, 99.5, 99.5, 99.5, 99, 99, 99);
    const ask = Float64Array.of(100.5, 100.5, 100.5, 100.5, 100.5, 99.5, 99.5, 99.5);
    const time = Float64Array.from(bid, (_, i) => 1_700_000_000 + i);
    const r = runBacktest({ time, bid, ask }, { strategy: 'symmetric', halfSpreadBps: 20, warmupTicks: 1, tickSize: 0.01 });
    expect(r.resolved.fillModel).toBe('quote-cross');
    const k = Array.from(r.fills.side).indexOf(1);
    expect(k).toBeGreaterThanOrEqual(0);
    expect(r.fills.index[k]).toBe(5);
    expect(r.fills.price[k]).toBeCloseTo(99.8, 9); // 20 bps under 100
    expect(r.fills.midAtFill[k]).toBe(100); // the mid before the crossing update, not 99.25
    expect(r.attribution.spreadCapture).toBeGreaterThan(0);
    expect(r.attribution.adverseSelection).toBeLessThan(0);
    const a = r.attribution;
    expect(a.spreadCapture + a.adverseSelection + a.inventoryCarry + a.fees).toBeCloseTo(a.net, 9);
    expect(a.net).toBeCloseTo(r.equity[r.equity.length - 1] - r.equity[0], 9);
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
