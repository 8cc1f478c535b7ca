import { priceTolerance } from '../costs';
import type { FillModel, FillModelSpec } from './types';

export type QueueModelKind = 'risk-averse' | 'power' | 'log';

/**
 * L1 queue position from the displayed sizes, after hftbacktest's RiskAverseQueueModel and
 * ProbQueueModel (queue.rs; Rigtorp 2013, "Estimating order queue position"). Per side:
 * - placement: the queue ahead is the displayed size at our price when our price is the best
 *   (the size of the level), 0 when our price is better than the best (we are alone at the front),
 *   unknown when it is deeper (L1 data cannot see it: the whole displayed size once the level
 *   becomes the best);
 * - a trade exactly at our price consumes the queue ahead first; the part of it beyond the queue
 *   fills us. A trade strictly through our price, or the opposite best quote reaching our price,
 *   cleared the level: it fills us (up to the trade's size / in full) and the queue ahead is 0;
 * - a decrease of the displayed size at our price not explained by trades since the last look
 *   (chg = prev − new − traded) is split between ahead and behind us: 'risk-averse' takes none of
 *   it from ahead (ahead = min(ahead, new)); 'power' / 'log' take the share 1 − p from ahead with
 *   p = f(back) / (f(back) + f(front)), f(x) = xⁿ or ln(1 + x): est = front − (1 − p)·chg +
 *   min(back − p·chg, 0), ahead = min(est, new). A decrease never fills us (ahead ≥ 0); an
 *   increase joins behind us.
 * Cancelling or replacing our order places a new one (the queue position is lost).
 */
export function queueFillModel(
  bid: Float64Array, ask: Float64Array, bidSize: Float64Array, askSize: Float64Array,
  kind: QueueModelKind, power: number, priceEps: number,
): FillModel {
  // Per side (0 = our bid, 1 = our ask): price, queue ahead (Infinity = unknown), displayed size at
  // our price at the last look (NaN = not visible), traded at our price since then, ahead before the last fill.
  const price = new Float64Array(2);
  const ahead = new Float64Array(2);
  const lastQty = new Float64Array(2);
  const traded = new Float64Array(2);
  const aheadBefore = new Float64Array(2).fill(NaN);
  const f = kind === 'log' ? (x: number) => Math.log1p(x) : (x: number) => x ** power;

  /** Displayed size at our price on side k at quote row i: the level's size, 0 when we are better than the best, NaN when deeper. */
  function levelQty(k: number, i: number): number {
    const px = price[k];
    const best = k === 0 ? bid[i] : ask[i];
    if (Math.abs(best - px) <= priceEps) return k === 0 ? bidSize[i] : askSize[i];
    const better = k === 0 ? px > best : px < best;
    return better ? 0 : NaN;
  }

  function depthChange(k: number, qty: number): void {
    const prev = lastQty[k];
    lastQty[k] = qty;
    if (prev !== prev) { // the level just became visible
      const a = ahead[k];
      ahead[k] = a === Infinity ? qty : a < qty ? a : qty;
      traded[k] = 0;
      return;
    }
    const chg = prev - qty - traded[k];
    traded[k] = 0;
    let est = ahead[k];
    if (kind !== 'risk-averse' && chg > 0) {
      const front = ahead[k];
      const back = prev - front;
      const fb = f(back > 0 ? back : 0), ff = f(front > 0 ? front : 0);
      let p = fb / (fb + ff);
      if (!Number.isFinite(p)) p = 1; // nothing on either side: the decrease cannot be ahead
      est = front - (1 - p) * chg + Math.min(back - p * chg, 0);
    }
    if (est > qty) est = qty;
    ahead[k] = est > 0 ? est : 0;
  }

  return {
    uses: { trade: true, interval: false, quote: true },
    onPlace(side, px, i) {
      const k = side > 0 ? 0 : 1;
      price[k] = px;
      const qty = levelQty(k, i);
      ahead[k] = qty === qty ? qty : Infinity;
      lastQty[k] = qty;
      traded[k] = 0;
    },
    onTrade(side, quotePrice, quoteSize, tradePrice, tradeSize) {
      const k = side > 0 ? 0 : 1;
      aheadBefore[k] = ahead[k] === Infinity ? NaN : ahead[k];
      const through = side > 0 ? tradePrice < quotePrice - priceEps : tradePrice > quotePrice + priceEps;
      if (through) {
        ahead[k] = 0;
        return tradeSize < quoteSize ? tradeSize : quoteSize;
      }
      if (ahead[k] === Infinity) return 0; // our level is not visible: its queue is unknown
      traded[k] += tradeSize;
      const left = ahead[k] - tradeSize;
      if (left >= 0) { ahead[k] = left; return 0; }
      ahead[k] = 0;
      return -left < quoteSize ? -left : quoteSize;
    },
    onInterval: () => 0,
    onQuote(side: number, quotePrice: number, quoteSize: number, mktBid: number, mktAsk: number, i: number) {
      const k = side > 0 ? 0 : 1;
      const crossed = side > 0 ? mktAsk <= quotePrice + priceEps : mktBid >= quotePrice - priceEps;
      if (crossed) {
        aheadBefore[k] = ahead[k] === Infinity ? NaN : ahead[k];
        ahead[k] = 0;
        return quoteSize;
      }
      const qty = levelQty(k, i);
      if (qty !== qty) lastQty[k] = NaN;
      else depthChange(k, qty);
      return 0;
    },
    queueAhead(side) {
      return aheadBefore[side > 0 ? 0 : 1];
    },
  };
}

export const queueSpec: FillModelSpec = {
  id: 'queue',
  describe: 'L1 queue position from the displayed sizes (hftbacktest RiskAverseQueueModel / ProbQueueModel): prints at our price first consume the queue ahead',
  unavailable: (d) => (d.nTrades === 0 ? 'the data has no trades' : d.bidSize === undefined || d.askSize === undefined ? 'the data has no displayed sizes (bidSize, askSize)' : null),
  build: ({ data: d, params: p }) => queueFillModel(d.bid, d.ask, d.bidSize!, d.askSize!, p.queueModel, p.queuePower, priceTolerance(p.tickSize)),
};
