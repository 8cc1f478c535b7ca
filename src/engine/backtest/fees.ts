/** Fees behind a one-method interface, so a richer model (tiers, per-trade) replaces it without touching the event loop. */
export interface FeeModel {
  /** Fee paid on a fill (negative = rebate received), quote currency. */
  fee(price: number, size: number, maker: boolean): number;
}

/** Fees in bps of notional: maker (negative = rebate) and taker. */
export function bpsFees(makerBps: number, takerBps: number): FeeModel {
  const mk = makerBps / 1e4;
  const tk = takerBps / 1e4;
  return { fee: (price, size, maker) => Math.abs(price * size) * (maker ? mk : tk) };
}
