import { describe, expect, it } from 'vitest';
import { createRng, type MarketData } from '../../../src/engine';
import { buildKalmanView } from '../../../src/engine/views';

/** Quotes one unit either side of `mid`, a tick a second. */
function quotesAround(mid: Float64Array): MarketData {
  const n = mid.length;
  return { time: Float64Array.from({ length: n }, (_, i) => 1_700_000_000 + i), bid: mid.map((m) => m - 1), ask: mid.map((m) => m + 1) };
}

describe('the Kalman view’s OU caveat', () => {
  it('a random-walk mid: the OU figures come with a note that a Dickey–Fuller test does not reject a random walk', () => {
    const rng = createRng(5);
    const mid = new Float64Array(3000);
    mid[0] = 1000;
    for (let i = 1; i < mid.length; i++) mid[i] = mid[i - 1] + rng.normal();
    const v = buildKalmanView(quotesAround(mid), mid, { q: 1, r: 1e-6 });
    expect(v.ou).not.toBeNull();
    expect(v.ou!.dickeyFuller.rejected).toBe(false);
    expect(v.ouNote).toMatch(/^No evidence of mean reversion: a Dickey–Fuller test on the same regression does not reject a random walk \(τ = −?\d+\.\d\d, 5 % critical value −2\.86\)/);
  });

  it('a mean-reverting mid: no caveat', () => {
    const rng = createRng(6);
    const mid = new Float64Array(3000);
    mid[0] = 1000;
    for (let i = 1; i < mid.length; i++) mid[i] = 1000 + 0.95 * (mid[i - 1] - 1000) + rng.normal();
    const v = buildKalmanView(quotesAround(mid), mid, { q: 1, r: 1e-6 });
    expect(v.ou!.dickeyFuller.rejected).toBe(true);
    expect(v.ouNote).toBeNull();
  });
});
