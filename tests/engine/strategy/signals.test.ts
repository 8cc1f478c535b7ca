import { describe, expect, it } from 'vitest';
import {
  causalRegimesInto, createAs, createAsRegime, createQuoteOut, fairValueParams, generateSyntheticMarket, kalmanFair, kalmanFairInto, runBacktest,
  type MarketView, type PositionView, type Strategy,
} from '../../../src/engine';

// The signals a strategy derives from the market alone (Kalman fair value, causal regime) are filled
// into columns before a backtest's loop. These tests hold them to the per-tick forms, bit for bit.
const market = generateSyntheticMarket({ seed: 11, nTicks: 30_000 });
const { time, mid } = market;
const fit = fairValueParams(mid, 1000, 0.01);
const model = {
  means: Float64Array.of(0, 0),
  variances: Float64Array.of(1e-4, 4e-3),
  trans: Float64Array.of(0.98, 0.02, 0.03, 0.97),
  init: Float64Array.of(0.4, 0.6),
};

/** Every tick's quote from a strategy driven tick by tick over the market, inventory held at q. */
function quotes(s: Strategy, q: number) {
  const out = createQuoteOut();
  const m: MarketView = { index: 0, time: 0, bid: 0, ask: 0, mid: 0, flowImbalance: 0 };
  const pos: PositionView = { inventory: q, cash: 0, maxInventory: Infinity };
  const fair = new Float64Array(mid.length), bid = new Float64Array(mid.length), regime = new Float64Array(mid.length);
  for (let i = 0; i < mid.length; i++) {
    m.index = i; m.time = time[i]; m.bid = market.bid[i]; m.ask = market.ask[i]; m.mid = mid[i];
    s.quote(m, pos, out);
    fair[i] = out.fairValue; bid[i] = out.bid; regime[i] = out.regime;
  }
  return { fair, bid, regime };
}

const differences = (a: Float64Array, b: Float64Array) => a.reduce((c, x, i) => c + (Object.is(x, b[i]) ? 0 : 1), 0);

describe('strategy signals filled before the run', () => {
  it('kalmanFairInto is the streaming Kalman fair value, bitwise', () => {
    const stream = kalmanFair(fit, mid[0]);
    const cols = kalmanFairInto(fit, mid, new Float64Array(mid.length));
    let differ = 0;
    for (let i = 0; i < mid.length; i++) if (!Object.is(stream(mid[i]), cols[i])) differ++;
    expect(differ).toBe(0);
  });

  it("'as-kalman' quotes the same from the column as from the stream", () => {
    const p = { gamma: 0.1, sigma: 0.05, kappa: 20, horizonSec: 30, orderSize: 1 };
    const a = quotes(createAs(p, 'as-kalman', kalmanFair(fit, mid[0])), 2);
    const b = quotes(createAs(p, 'as-kalman', kalmanFairInto(fit, mid, new Float64Array(mid.length))), 2);
    expect(differences(a.fair, b.fair)).toBe(0);
    expect(differences(a.bid, b.bid)).toBe(0);
  });

  it("'as-regime' decodes the same causal regimes before the run as tick by tick", () => {
    const p = { gamma: 0.1, horizonSec: 30, orderSize: 1, model, bucketSec: 1, sigmaByState: [0.01, 0.08], kappaByState: [30, 10] };
    const perTick = quotes(createAsRegime(p, kalmanFair(fit, mid[0])), -1);
    const regime = new Float64Array(mid.length);
    const pre = quotes(createAsRegime(p, kalmanFairInto(fit, mid, new Float64Array(mid.length)), { time, mid, regime }), -1);
    expect(differences(perTick.regime, regime)).toBe(0);
    expect(differences(perTick.regime, pre.regime)).toBe(0);
    expect(differences(perTick.bid, pre.bid)).toBe(0);
    expect(new Set(regime)).toEqual(new Set([0, 1])); // both states occur, so the test can see a wrong one
    expect(differences(causalRegimesInto(time, mid, model, 1, new Float64Array(mid.length)), regime)).toBe(0);
  });

  it("the backtest's fair-value and regime columns are those signals", () => {
    const r = runBacktest(market, { strategy: 'as-regime', regime: { model, bucketSec: 1 } });
    const k = r.kalman!;
    expect(differences(r.fairValue, kalmanFairInto(k, mid, new Float64Array(mid.length)))).toBe(0);
    expect(differences(r.regime, causalRegimesInto(time, mid, model, 1, new Float64Array(mid.length)))).toBe(0);
  });
});
