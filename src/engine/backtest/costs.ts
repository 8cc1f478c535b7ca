/**
 * Latency and fee models, each behind a one-method interface so richer ones (random latency,
 * tiered fees) can replace them without touching the event loop.
 */
export interface LatencyModel {
  /** Time from which an order sent at `time` can fill, seconds. */
  activeFrom(time: number): number;
}

export function constantLatency(latencySec: number): LatencyModel {
  return { activeFrom: (time) => time + latencySec };
}

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

/** Rounds a bid down and an ask up to the price grid (0 = no grid). */
export function roundBid(price: number, tick: number): number {
  return tick > 0 ? Math.floor(price / tick + 1e-9) * tick : price;
}
export function roundAsk(price: number, tick: number): number {
  return tick > 0 ? Math.ceil(price / tick - 1e-9) * tick : price;
}
/** Floors a size to whole lots (0 = no lots). */
export function roundLot(size: number, lot: number): number {
  return lot > 0 ? Math.floor(size / lot + 1e-9) * lot : size;
}
