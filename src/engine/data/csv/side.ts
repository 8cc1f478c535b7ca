/**
 * Trade signing where a file gives no side (Lee & Ready 1991, "Inferring Trade Direction from
 * Intraday Data", J. Finance 46(2), §III): the quote rule (above the prevailing mid → buy, below →
 * sell) when a quote is known, else the tick rule (above the previous different price → buy,
 * below → sell; a zero tick repeats the previous sign).
 */

/** How many trades were signed by each rule. */
export interface SideInference {
  quoteRule: number;
  tickRule: number;
  /** Trades before any price change (no tick to read): given the sign of the first signed trade, or +1 when none. */
  filled: number;
}

/**
 * Fill `side` where it is NaN or 0 (unknown), in place, and mark those rows in `inferred`.
 * `bid`/`ask` (optional, the book just before each trade, e.g. Databento TBBO) enable the quote rule.
 */
export function inferSides(price: Float64Array, side: Float64Array, inferred: Uint8Array, bid?: Float64Array, ask?: Float64Array): SideInference {
  const n = price.length;
  const out: SideInference = { quoteRule: 0, tickRule: 0, filled: 0 };
  let lastDiffSign = NaN; // sign of the last non-zero price change
  let prev = NaN;
  let pending = 0; // unknown-side trades still without a sign, before the first signed one
  let firstSign = NaN;
  for (let i = 0; i < n; i++) {
    const p = price[i];
    if (p > prev) lastDiffSign = 1;
    else if (p < prev) lastDiffSign = -1;
    prev = p;
    const s = side[i];
    if (s === 1 || s === -1) {
      if (firstSign !== firstSign) firstSign = s;
      continue;
    }
    inferred[i] = 1;
    let v = NaN;
    if (bid && ask && bid[i] > 0 && ask[i] >= bid[i]) {
      const mid = (bid[i] + ask[i]) / 2;
      if (p > mid) v = 1;
      else if (p < mid) v = -1;
      if (v === v) out.quoteRule++;
    }
    if (v !== v && lastDiffSign === lastDiffSign) {
      v = lastDiffSign;
      out.tickRule++;
    }
    side[i] = v;
    if (v === v) {
      if (firstSign !== firstSign) firstSign = v;
    } else pending++;
  }
  if (pending > 0) {
    const fill = firstSign === firstSign ? firstSign : 1;
    for (let i = 0; i < n && pending > 0; i++) {
      if (side[i] !== side[i]) {
        side[i] = fill;
        pending--;
        out.filled++;
      }
    }
  }
  return out;
}

/** One line for the detection report. */
export function describeInference(r: SideInference, total: number): string {
  const parts: string[] = [];
  if (r.quoteRule) parts.push(`${r.quoteRule} by the quote rule against the book before the trade`);
  if (r.tickRule) parts.push(`${r.tickRule} by the tick rule`);
  if (r.filled) parts.push(`${r.filled} before any price change given the first known sign`);
  const k = r.quoteRule + r.tickRule + r.filled;
  return `side inferred for ${k} of ${total} trades (Lee & Ready 1991): ${parts.join(', ')}; with quotes loaded, the aligner re-signs them by the quote rule`;
}
