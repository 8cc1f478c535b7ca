import { growColumn } from './recorder';

/**
 * The one place that does the accounting. Equity = cash + inventory × mid. A fill moves cash by
 * −side·price·size − fee and inventory by side·size; at the prevailing mid this changes equity by
 * side·size·(mid − price) − fee, which is what the attribution books as spread capture and fees.
 */
export interface Account {
  cash: number;
  inventory: number;
  feesPaid: number;
  volume: number;
  /** Σ side·size·(midAtFill − price). */
  spreadCapture: number;
  /** Σ inventory·Δmid, booked as the mid moves. */
  inventoryPnl: number;
  fillCount: number;
  fills: {
    time: Float64Array; side: Float64Array; price: Float64Array; size: Float64Array;
    midAtFill: Float64Array; fee: Float64Array; liquidity: Float64Array; index: Float64Array;
    queueAhead: Float64Array; source: Float64Array; sourceIndex: Float64Array;
  };
}

/** A fresh account; `fills` may hand in the (grown) fill buffers of an earlier run to write over. */
export function createAccount(capacity: number, fills?: Account['fills']): Account {
  const c = Math.max(16, capacity);
  return {
    cash: 0, inventory: 0, feesPaid: 0, volume: 0, spreadCapture: 0, inventoryPnl: 0, fillCount: 0,
    fills: fills ?? {
      time: new Float64Array(c), side: new Float64Array(c), price: new Float64Array(c), size: new Float64Array(c),
      midAtFill: new Float64Array(c), fee: new Float64Array(c), liquidity: new Float64Array(c), index: new Float64Array(c),
      queueAhead: new Float64Array(c), source: new Float64Array(c), sourceIndex: new Float64Array(c),
    },
  };
}

/**
 * Books one fill (side +1 = we bought) and appends it to the fills table, with the queue ahead
 * (NaN unknown) and the event that filled it (FILL_SOURCE_* code and its trade or quote row).
 */
export function applyFill(
  a: Account, time: number, index: number, side: number, price: number, size: number, mid: number, fee: number, maker: boolean,
  queueAhead = NaN, source = 0, sourceIndex = -1,
): void {
  a.cash -= side * price * size + fee;
  a.inventory += side * size;
  a.feesPaid += fee;
  a.volume += size;
  a.spreadCapture += side * size * (mid - price);
  const f = a.fills;
  if (a.fillCount === f.time.length) growFills(f);
  const k = a.fillCount++;
  f.time[k] = time; f.side[k] = side; f.price[k] = price; f.size[k] = size;
  f.midAtFill[k] = mid; f.fee[k] = fee; f.liquidity[k] = maker ? 1 : -1; f.index[k] = index;
  f.queueAhead[k] = queueAhead; f.source[k] = source; f.sourceIndex[k] = sourceIndex;
}

/** Moves the mark: the inventory earns inventory × Δmid. */
/**
 * The fill columns at twice their length. Its own function: inside applyFill it made applyFill's
 * bytecode too long for V8 to inline it into takeFill, and each fill then boxed a dozen numbers.
 */
function growFills(f: Account['fills']): void {
  const cap = f.time.length * 2;
  f.time = growColumn(f.time, cap); f.side = growColumn(f.side, cap); f.price = growColumn(f.price, cap); f.size = growColumn(f.size, cap);
  f.midAtFill = growColumn(f.midAtFill, cap); f.fee = growColumn(f.fee, cap); f.liquidity = growColumn(f.liquidity, cap); f.index = growColumn(f.index, cap);
  f.queueAhead = growColumn(f.queueAhead, cap); f.source = growColumn(f.source, cap); f.sourceIndex = growColumn(f.sourceIndex, cap);
}

export function markMid(a: Account, prevMid: number, mid: number): void {
  a.inventoryPnl += a.inventory * (mid - prevMid);
}
