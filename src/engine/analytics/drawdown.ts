/** Max drawdown of an equity curve: absolute (price units) and as % of (capital + running peak). */
export function maxDrawdown(equity: Float64Array, capital: number): { abs: number; pct: number } {
  let peak = -Infinity;
  let abs = 0;
  let pct = 0;
  for (let i = 0; i < equity.length; i++) {
    const e = equity[i];
    if (e > peak) peak = e;
    const dd = peak - e;
    if (dd > abs) abs = dd;
    const base = capital + peak;
    // The product test is necessary for the quotient one (margin 1e-9 against rounding): most ticks skip the division.
    if (base > 0 && dd * 100 > pct * base * (1 - 1e-9) && (dd / base) * 100 > pct) pct = (dd / base) * 100;
  }
  return { abs, pct };
}
