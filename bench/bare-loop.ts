/**
 * The reference for issue 15's "within 2.5× of a bare loop": the least a market-making backtest
 * does per tick, in one function with no calls. Avellaneda–Stoikov (2008, eqs. 29–30) quotes on
 * the raw mid with constant γ, σ, κ, T − t; trade-through fills of a fixed size (a print at or
 * through our price fills us); an inventory limit; and the same six per-tick columns the engine
 * writes (fair value, bid, ask, inventory, equity, regime; cash is derived, as in the engine). No latency, tick grid, fees,
 * Kalman, regime filter, attribution or metrics: what the full pipeline adds is what the ratio measures.
 */
export interface BareLoopInput {
  time: Float64Array; bid: Float64Array; ask: Float64Array;
  tradeTime: Float64Array; tradePrice: Float64Array;
  gamma: number; sigma: number; kappa: number; horizonSec: number; orderSize: number; maxInventory: number;
}

export interface BareLoopOutput {
  fairValue: Float64Array; bid: Float64Array; ask: Float64Array; inventory: Float64Array; equity: Float64Array; regime: Float64Array;
  fills: number;
}

/** Fresh output columns, as runBacktest allocates per run, or those of `reuse` (an earlier output), as runBacktestInto writes over a reused result's. */
export function bareLoop(x: BareLoopInput, reuse?: BareLoopOutput): BareLoopOutput {
  const n = x.time.length;
  const o: BareLoopOutput = reuse ?? {
    fairValue: new Float64Array(n), bid: new Float64Array(n), ask: new Float64Array(n), inventory: new Float64Array(n),
    equity: new Float64Array(n), regime: new Float64Array(n), fills: 0,
  };
  const { time, bid, ask, tradeTime, tradePrice, gamma, sigma, kappa, horizonSec, orderSize, maxInventory } = x;
  const nT = tradeTime.length;
  const skewPerUnit = gamma * sigma * sigma * horizonSec;
  const half = skewPerUnit / 2 + Math.log(1 + gamma / kappa) / gamma;
  let q = 0, cash = 0, j = 0, fills = 0;
  let myBid = NaN, myAsk = NaN;
  for (let i = 0; i < n; i++) {
    const t = time[i];
    while (j < nT && tradeTime[j] <= t) {
      const px = tradePrice[j];
      if (px <= myBid && q + orderSize <= maxInventory) { q += orderSize; cash -= myBid * orderSize; fills++; }
      if (px >= myAsk && q - orderSize >= -maxInventory) { q -= orderSize; cash += myAsk * orderSize; fills++; }
      j++;
    }
    const m = 0.5 * (bid[i] + ask[i]);
    const r = m - q * skewPerUnit;
    myBid = Math.min(r - half, bid[i]);
    myAsk = Math.max(r + half, ask[i]);
    o.fairValue[i] = m; o.bid[i] = myBid; o.ask[i] = myAsk; o.inventory[i] = q; o.equity[i] = cash + q * m; o.regime[i] = 0;
  }
  o.fills = fills;
  return o;
}
