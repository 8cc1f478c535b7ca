import type { Attribution } from './types';

/**
 * For each fill time t, the mid prevailing at t + horizonSec (the last tick at or before it; the
 * last mid when the horizon runs past the data). Fill times must be non-decreasing. Writes `out`.
 */
export function markoutMids(time: Float64Array, mid: Float64Array, fillTime: Float64Array, count: number, horizonSec: number, out: Float64Array): void {
  const n = time.length;
  let p = 0;
  for (let k = 0; k < count; k++) {
    const target = fillTime[k] + horizonSec;
    while (p + 1 < n && time[p + 1] <= target) p++;
    out[k] = mid[p];
  }
}

/**
 * Splits net PnL into spread capture, adverse selection, inventory carry and fees. With equity =
 * cash + q·mid, every fill adds side·size·(midAtFill − price) − fee and every mid move adds q·Δmid;
 * adverse selection is the part of q·Δmid owed to each fill's first `markout` seconds,
 * side·size·(midAfter − midAtFill); carry is the rest (a mark-out decomposition as in
 * Cartea, Jaimungal & Penalva 2015, §10.4). The parts sum to net by construction.
 */
export function attributePnl(
  fills: { side: Float64Array; size: Float64Array; midAtFill: Float64Array; midAfter: Float64Array; price: Float64Array; fee: Float64Array },
  count: number,
  inventoryPnl: number,
  net: number,
): Attribution {
  let spreadCapture = 0;
  let adverseSelection = 0;
  let fees = 0;
  for (let k = 0; k < count; k++) {
    const s = fills.side[k] * fills.size[k];
    spreadCapture += s * (fills.midAtFill[k] - fills.price[k]);
    adverseSelection += s * (fills.midAfter[k] - fills.midAtFill[k]);
    fees -= fills.fee[k];
  }
  return { spreadCapture, adverseSelection, inventoryCarry: inventoryPnl - adverseSelection, fees, net };
}
