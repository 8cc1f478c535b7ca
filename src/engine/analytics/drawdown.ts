/** Max drawdown of an equity curve: absolute (price units) and as % of (capital + running peak). */
export function maxDrawdown(equity: Float64Array, capital: number): { abs: number; pct: number } {
  const out = new Float64Array(4);
  drawdownScan(equity, capital, out);
  return { abs: out[0], pct: out[1] };
}

/**
 * Ticks per call of drawdownSpan. A million-tick loop in a function called once per run is entered by
 * on-stack replacement, and its OSR code deoptimised after the loop in the first runs (no feedback yet for
 * the code there): runs 1-3 of the pipeline took 6-10 ms against 1.7. A span function called ~250 times per
 * run is optimised as a whole (ARCHITECTURE.md "Hot loops and the JIT").
 */
const DRAWDOWN_SPAN = 4096;

/**
 * out = [max over i of peak_i − e_i, max over i of (peak_i − e_i)/(capital + peak_i)·100 where capital + peak_i > 0,
 * (scratch), (scratch)], peak_i the running maximum of equity up to i; out has length ≥ 4 and carries the scan's
 * state from span to span, in tick order: the same comparisons as one loop. Columns and numbers in, so V8 keeps
 * the span's loop optimised whoever calls.
 */
function drawdownScan(equity: Float64Array, capital: number, out: Float64Array): void {
  const n = equity.length;
  out[0] = 0; out[1] = 0; out[2] = -Infinity; out[3] = 0;
  for (let from = 0; from < n; from += DRAWDOWN_SPAN) drawdownSpan(equity, capital, from, Math.min(from + DRAWDOWN_SPAN, n), out);
}

/** drawdownScan over ticks [from, to), from and into s = [abs, pct, running peak, gate]. */
function drawdownSpan(equity: Float64Array, capital: number, from: number, to: number, s: Float64Array): void {
  let abs = s[0];
  let pct = s[1];
  let peak = s[2];
  // A drawdown at or below `gate` can raise neither abs nor pct: most ticks cost one subtraction and two tests.
  let gate = s[3];
  for (let i = from; i < to; i++) {
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
  s[0] = abs; s[1] = pct; s[2] = peak; s[3] = gate;
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
