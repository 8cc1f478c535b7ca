import { applyFill, type Account } from './account';
import { roundLot } from './costs';
import { room } from './risk';
import type { FeeModel } from './fees';
import type { FillModel } from './fills/types';
import type { Strategy } from '../strategy/types';

/** Everything booking a passive fill needs, built once per run. */
export interface FillDesk {
  acc: Account;
  strategy: Strategy;
  fees: FeeModel;
  model: FillModel;
  lotSize: number;
  /** gridScale(lotSize): lot multiples are their decimal values. */
  lotScale: number;
  /** minTradeSize(lotSize, orderSize): smaller sizes are dust and never booked. */
  minSize: number;
  /** Per side (0 bid, 1 ask): the live order has filled at least once. The loop clears it when a new order goes live. */
  hit: Uint8Array;
  /** Orders that filled at least in part (metrics.filledQuotes). */
  filledQuotes: number;
  /**
   * The event being booked: its time (s), the prevailing mid and the inventory limit there (asset
   * units), our order's price and the size the fill model offered (asset units), written by the
   * event loop just before it calls takeFill. They travel here, not as arguments: V8 boxes a
   * fractional number passed to a call it does not inline (a heap number per argument and call:
   * for the price and the offer 3.75 MB per 10^6-tick pipeline run, 117k fills; a shared time or
   * mid argument once cost one per trade or tick, ~16 MB), while a store into these fields
   * writes in place and allocates nothing.
   */
  time: number;
  mid: number;
  lim: number;
  price: number;
  offer: number;
  /** takeFill's answer: the size it filled (asset units; 0 for none), returned here for the same reason. */
  filled: number;
}

/** A fill desk for one run (the event fields start as NaN: each call sets them). */
export function createFillDesk(parts: Pick<FillDesk, 'acc' | 'strategy' | 'fees' | 'model' | 'lotSize' | 'lotScale' | 'minSize'>): FillDesk {
  const { acc, strategy, fees, model, lotSize, lotScale, minSize } = parts;
  return { acc, strategy, fees, model, lotSize, lotScale, minSize, hit: new Uint8Array(2), filledQuotes: 0, time: NaN, mid: NaN, lim: NaN, price: NaN, offer: NaN, filled: 0 };
}

// Module-local bindings: some loaders (tsx's CJS interop) turn each call of an imported function into a getter call.
const fRoom = room;
const fLot = roundLot;
const fFill = applyFill;

/**
 * The one fill block of the event loop: books what the fill model offered (desk.offer, asset units)
 * for our resting quote on `side` at desk.price, capped by the room left under the inventory limit
 * desk.lim and floored to whole lots (dust below desk.minSize is none), as a maker fill at desk.time,
 * tick `index`, with the prevailing desk.mid. Tells the strategy. The size filled (0 for none), to
 * take off the live order, goes to desk.filled.
 */
export function takeFill(desk: FillDesk, side: number, index: number, source: number, sourceIndex: number): void {
  desk.filled = 0;
  const { acc, time, mid, lim, price, offer } = desk;
  if (!(offer > 0)) return;
  let s = offer;
  const cap = fRoom(side, acc.inventory, lim);
  if (s > cap) s = cap;
  s = fLot(s, desk.lotSize, desk.lotScale);
  if (!(s >= desk.minSize)) return;
  const qa = desk.model.queueAhead !== undefined ? desk.model.queueAhead(side) : NaN;
  fFill(acc, time, index, side, price, s, mid, desk.fees.fee(price, s, true), true, qa, source, sourceIndex);
  desk.strategy.onFill(side, price, s, time);
  const k = side > 0 ? 0 : 1;
  if (desk.hit[k] === 0) { desk.hit[k] = 1; desk.filledQuotes++; }
  desk.filled = s;
}
