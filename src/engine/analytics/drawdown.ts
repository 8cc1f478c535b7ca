/** Max drawdown of an equity curve: absolute (price units) and as % of (capital + running peak). */
export function maxDrawdown(equity: Float64Array, capital: number): { abs: number; pct: number } {
  const out = new Float64Array(2);
  drawdownScan(equity, capital, out);
  return { abs: out[0], pct: out[1] };
}

/**
 * out = [max over i of peak_i − e_i, max over i of (peak_i − e_i)/(capital + peak_i)·100 where capital + peak_i > 0],
 * peak_i the running maximum of equity up to i. Columns and numbers in, so V8 keeps this loop optimised whoever calls.
 */
function drawdownScan(equity: Float64Array, capital: number, out: Float64Array): void {
  let peak = -Infinity;
  let abs = 0;
  let pct = 0;
  // A drawdown at or below `gate` can raise neither abs nor pct: most ticks cost one subtraction and two tests.
  let gate = 0;
  for (let i = 0; i < equity.length; i++) {
    const e = equity[i];
    if (e > peak) {
      peak = e; // a drawdown of 0 changes nothing
      gate = gateOf(abs, pct, capital + peak);
      continue;
    }
    const dd = peak - e;
    if (!(dd > gate)) continue;
    if (dd > abs) abs = dd;
    const base = capital + peak;
    // The product test is necessary for the quotient one (margin 1e-9 against rounding): most ticks skip the division.
    if (base > 0 && dd * 100 > pct * base * (1 - 1e-9) && (dd / base) * 100 > pct) pct = (dd / base) * 100;
    gate = gateOf(abs, pct, base);
  }
  out[0] = abs;
  out[1] = pct;
}

/**
 * A drawdown that passes neither test of drawdownScan when at or below it: at most abs and, when base > 0,
 * under p/100 for the product p = pct·base·(1 − 1e-9) by a relative 1e-12, so dd·100, rounded, stays at or
 * under p (0 near the subnormal range, where that margin does not hold; p = +∞ never passes).
 */
function gateOf(abs: number, pct: number, base: number): number {
  if (!(base > 0)) return abs;
  const p = pct * base * (1 - 1e-9);
  const g = p > 1e-290 ? (p / 100) * (1 - 1e-12) : 0;
  return g < abs ? g : abs;
}
