/**
 * Which sides may be quoted under an inventory bound ±Q: a side is quoted only if one fill of
 * `size` keeps |q| ≤ Q (the bid buys, the ask sells). The same rule the GLFT strategy applies in
 * the backtest (Guéant 2017, §4: quotes are defined for −Q < q < Q on the side that stays in range).
 * `q`, `size` and `maxInventory` share one unit (asset units); a tiny slack absorbs rounding.
 */
export function quotedSides(q: number, size: number, maxInventory: number | undefined): { bid: boolean; ask: boolean } {
  if (maxInventory === undefined) return { bid: true, ask: true };
  const slack = 1e-12 * Math.max(1, Math.abs(maxInventory));
  return { bid: q + size <= maxInventory + slack, ask: q - size >= -maxInventory - slack };
}
