/**
 * Price and size grids. Grid values are the decimal levels themselves: with the step written as
 * m / 10^d (m an integer, d ≤ 12 decimals), the level k·step is computed as (k·m) / 10^d — an exact
 * integer divided once, so the double is the one nearest the decimal level (618311 × 0.1 gives
 * 61831.1, not 61831.100000000006) and equals a price parsed from the same decimal text.
 * Steps that are not short decimals fall back to k·step.
 */
export { constantLatency, type LatencyModel } from './latency';
export { bpsFees, type FeeModel } from './fees';

/** 10^d for the fewest decimals d ≤ 12 that write `step` exactly (to 1e-6 of the last decimal); 0 when none does. */
export function gridScale(step: number): number {
  if (!(step > 0)) return 0;
  let scale = 1;
  for (let d = 0; d <= 12; d++, scale *= 10) {
    const m = Math.round(step * scale);
    if (m > 0 && Math.abs(m - step * scale) <= 1e-6) return scale;
  }
  return 0;
}

/** The grid level k·step as its decimal value (see gridScale); `scale` = gridScale(step). */
export function gridLevel(k: number, step: number, scale: number): number {
  return scale > 0 ? (k * Math.round(step * scale)) / scale : k * step;
}

/**
 * x rounded down (floorToGrid) or up (ceilToGrid) to a grid of `step` with its `scale` (step 0: no
 * grid, x itself), a 1e-9 step of slack against float residue: roundBid / roundLot and roundAsk
 * without their default argument, whose code would count against V8's inlining budget at every
 * rounding site of the event loop (a budget it shares with the fill model's hooks).
 */
export function floorToGrid(x: number, step: number, scale: number): number {
  return step > 0 ? gridLevel(floorIndex(x, step), step, scale) : x;
}
export function ceilToGrid(x: number, step: number, scale: number): number {
  return step > 0 ? gridLevel(ceilIndex(x, step), step, scale) : x;
}

/**
 * The grid index k of floorToGrid (ceilToGrid) for step > 0: the level is gridLevel(k, step, scale).
 * Apart so that a caller rounding a slowly moving price can keep the level of the last k.
 */
export function floorIndex(x: number, step: number): number {
  return Math.floor(x / step + 1e-9);
}
export function ceilIndex(x: number, step: number): number {
  return Math.ceil(x / step - 1e-9);
}

/** Rounds a bid down and an ask up to the price grid (0 = no grid). Values on the grid are kept. */
export function roundBid(price: number, tick: number, scale = gridScale(tick)): number {
  return floorToGrid(price, tick, scale);
}
export function roundAsk(price: number, tick: number, scale = gridScale(tick)): number {
  return ceilToGrid(price, tick, scale);
}
/** Floors a size to whole lots (0 = no lots). */
export function roundLot(size: number, lot: number, scale = gridScale(lot)): number {
  return floorToGrid(size, lot, scale);
}

/**
 * Two prices closer than this are the same price: a millionth of the tick (0 without a tick: exact
 * equality). Grid prices and parsed prices differ by far less; distinct levels by a whole tick.
 */
export function priceTolerance(tick: number): number {
  return tick > 0 ? tick * 1e-6 : 0;
}

/**
 * The smallest size the backtest books or quotes: one lot (less a 1e-9 slack for float residue), or
 * without a lot size 1e-9 of the order size. Anything smaller — e.g. the 1.4e-17 left under a limit
 * of 0.1 after ten fills of 0.01 — is float residue (dust) and counts as zero.
 */
export function minTradeSize(lotSize: number, orderSize: number): number {
  return lotSize > 0 ? lotSize * (1 - 1e-9) : orderSize * 1e-9;
}
