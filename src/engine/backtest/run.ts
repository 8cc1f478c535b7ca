import { viterbi, type HmmParams } from '../regime';
import { bucketReturns, tickBuckets } from '../series/time-buckets';
import { createStrategy, strategyHasRegimes } from '../strategy/create';
import { createQuoteOut, type MarketView, type PositionView } from '../strategy/types';
import { attributePnl, markoutMids } from '../analytics/attribution';
import { buyAndHold, computeMetrics, regimeShares } from '../analytics/metrics';
import { prepareData } from './data';
import { resolveConfig } from './config';
import { buildFillModel } from './fills/registry';
import { buildLatencyModel } from './latency-registry';
import { buildFeeModel } from './fee-registry';
import { gridScale, minTradeSize, priceTolerance, roundAsk, roundBid, roundLot } from './costs';
import { applyFill, createAccount, markMid, type Account } from './account';
import { takeFill, type FillDesk } from './fill-desk';
import { createOutputs, defineCash, defineNoRegime, hasRegimeColumn, sliceSeries, viewOutputs, withInput, type RunOutputs } from './recorder';
import { createRiskLog, inventoryLimit, logRisk, room } from './risk';
import { kalmanFitNote } from '../filters/kalman-diagnostics';
import type { BuyAndHold } from '../analytics/types';
import { FILL_SOURCE_FLATTEN, FILL_SOURCE_INTERVAL, FILL_SOURCE_QUOTE, FILL_SOURCE_TRADE } from './types';
import type { BacktestConfig, BacktestProgress, BacktestResult, BacktestSeries, MarketData, ResolvedParams } from './types';

// Module-local bindings of the helpers the event loop calls per tick: some loaders (tsx's CJS
// interop) turn each call of an imported function into a getter call, which costs more than the helper.
const fLot = roundLot;
const fRoom = room;
const fBid = roundBid;
const fAsk = roundAsk;
const fFill = applyFill;
const fMark = markMid;
const fLimit = inventoryLimit;
const fTake = takeFill;

/** Half-life of the order-flow imbalance the strategies see, seconds. */
const FLOW_HALF_LIFE_SEC = 10;

/**
 * Event-driven market-making backtest over columnar ticks (and trades, if any). The rules, in the
 * order the loop applies them at each quote row i (time t_i); README "Backtest event loop" says the same:
 *
 * 1. Trades in (t_{i−1}, t_i], one at a time: an order of ours whose latency has elapsed by the
 *    trade's time becomes live first; then, with a fill model that uses trades ('trade-through',
 *    'queue'), a print at or through our bid (ask) is offered to the model; fills are booked at the
 *    trade's time against the prevailing mid of row i − 1.
 * 2. Orders whose latency has elapsed by t_i become live. With an interval model ('poisson') each
 *    live quote may fill over the time it was live in (t_{i−1}, t_i], against the mid of row i − 1.
 * 3. The mid moves to row i's; the inventory is marked (inventory PnL).
 * 4. With a model that uses quotes ('quote-cross', 'queue', 'bar') the live quotes meet row i's best
 *    quotes (or bar i's range); fills are booked at t_i against the new mid.
 * 5. Risk: a new day (dayLengthSec) resets the daily-loss budget and lifts a kill; a loss beyond it
 *    kills quoting (orders cancelled, optionally flattened at the touch as a taker).
 * 6. The inventory, cash and equity of row i are recorded.
 * 7. The strategy sees row i and quotes (after the warm-up, unless killed). Bids are rounded down
 *    and asks up to the tick grid, to the decimal level itself (costs.ts gridLevel); post-only: a
 *    bid at or above the best ask is moved to one tick under the ask (the best bid without a tick
 *    size), an ask at or below the best bid likewise. Sizes are capped by the room left under the
 *    inventory limit and floored to the lot; a size below one lot (1e-9 of the order size without
 *    a lot) is dust and means no quote. A side with no room is not quoted and the stop is logged.
 *    Changed quotes are sent and become live latencySec later, so a quote never fills on the event
 *    at which it was placed; a replaced quote loses its place in the queue.
 *
 * Prices within a millionth of the tick are the same price (priceTolerance): a print "at our
 * price" is at it, not through it. Without a tick size prices compare exactly.
 *
 * Every passive fill, whatever the model, goes through one block (takeFill): the model's offer is
 * capped by the room under the inventory limit, floored to the lot (dust dropped), booked as a maker fill and told
 * to the strategy. Deterministic for a given config.seed.
 */
export function runBacktest(data: MarketData, config: BacktestConfig = {}, onProgress?: (p: BacktestProgress) => void): BacktestResult {
  return runBacktestInto(data, config, onProgress);
}

/**
 * runBacktest writing its per-tick outputs into `reuse` when given (and long enough), e.g. grid
 * cells that only keep the metrics: fresh columns per run cost more in page faults than the event
 * loop itself. The result's outputs are then views of `reuse`, overwritten by the next run (e.g.
 * the lab worker's previous result, replaced by this one: mode 'full').
 * `result.time` and `result.mid` are the input's own columns (the mid computed once per dataset
 * when only bid and ask were given), not copies: 16 bytes per tick fewer, and read-only like the input.
 */
export function runBacktestInto(
  data: MarketData, config: BacktestConfig = {}, onProgress?: (p: BacktestProgress) => void, reuse?: BacktestSeries | RunOutputs,
  /** 'cell' (the default with `reuse`): metrics without the bootstrap Sharpe interval and no Viterbi path, as grid cells need; 'full': the whole result, as runBacktest. */
  mode: 'full' | 'cell' = reuse === undefined ? 'full' : 'cell',
): BacktestResult {
  const d = prepareData(data);
  const rp = resolveConfig(d, data, config);
  const model = buildFillModel({ data: d, params: rp });
  const useTrades = model.uses.trade;
  const useInterval = model.uses.interval;
  const useQuote = model.uses.quote;
  const onPlace = model.onPlace;
  const latency = buildLatencyModel(rp); // the registered models (latency-registry.ts, fee-registry.ts), as fills/registry.ts
  const fees = buildFeeModel(rp);
  const { n, time, bid: mktBid, ask: mktAsk, mid, nTrades, tradeTime, tradePrice, tradeSize, tradeSide } = d;
  // A strategy without regimes reports NaN at every tick: that column is not stored (made only if read).
  const recordRegime = strategyHasRegimes(rp.strategy);
  const series = withInput(reuse !== undefined && reuse.equity.length >= n && (!recordRegime || reuse.regime.length >= n) ? viewOutputs(reuse, n) : createOutputs(n, recordRegime), time, mid, recordRegime);
  // What the strategy derives from the market alone (Kalman fair value, causal regime) is filled into its output columns before the loop.
  const signals = { fairValue: series.fairValue, regime: recordRegime ? series.regime : undefined };
  const { strategy, regimeLabels, regimeModel, regimeSetup: regimeFit, regimeKappaByState, kalman } = createStrategy({ ...rp, kalman: config.kalman, regime: config.regime, guard: config.guard }, d.time, d.mid, signals);
  // Locals, so the loop does not reload them after every call into the strategy or fill model.
  const sInv = series.inventory, sEq = series.equity, sFair = series.fairValue;
  const sRegime = recordRegime ? series.regime : null, sBid = series.bid, sAsk = series.ask;
  const { dayLengthSec, maxDailyLoss, progressChunk } = rp;
  const acc: Account = createAccount(1024, reuse !== undefined ? reusedFills.get(reuse) : undefined);
  const risk = createRiskLog();
  const out = createQuoteOut();
  const market: MarketView = { index: 0, time: time[0], bid: mktBid[0], ask: mktAsk[0], mid: mid[0], flowImbalance: 0 };
  const pos: PositionView = { inventory: 0, cash: 0, maxInventory: rp.maxInventory };
  const { maxInventory, maxPositionValue, tickSize, lotSize, warmupTicks } = rp;
  const tickScale = gridScale(tickSize), lotScale = gridScale(lotSize);
  const eps = priceTolerance(tickSize);
  const minSize = minTradeSize(lotSize, rp.orderSize);
  const desk: FillDesk = { acc, strategy, fees, model, lotSize, lotScale, minSize, hit: new Uint8Array(2), filledQuotes: 0 };
  const hit = desk.hit;
  const flowDecayPerSec = Math.LN2 / FLOW_HALF_LIFE_SEC;
  const needFlow = config.guard?.enabled === true; // only the guard reads the order-flow imbalance

  // Our orders: the live one on each side and at most one pending replacement (size 0 = cancel).
  let liveBid = NaN, liveBidSize = 0, liveAsk = NaN, liveAskSize = 0;
  let pendBid = NaN, pendBidSize = 0, pendBidAt = Infinity;
  let pendAsk = NaN, pendAskSize = 0, pendAskAt = Infinity;
  let hasPendBid = false, hasPendAsk = false;
  let quoteUpdates = 0;
  let flowNum = 0, flowDen = 0, flowTime = time[0];
  let killed = false, timeKilled = 0;
  let blockedBid = false, blockedAsk = false;
  const t0 = time[0];
  let nextDayAt = t0 + dayLengthSec;
  let dayStartEquity = 0;
  let j = 0;
  while (j < nTrades && tradeTime[j] <= t0) j++; // trades before the first quote meet no order
  let prevMid = mid[0];
  let prevT = t0;
  let chunkFrom = 0;

  const valueLimited = Number.isFinite(maxPositionValue);
  let limPrev = valueLimited ? fLimit(maxInventory, maxPositionValue, prevMid) : maxInventory;
  for (let i = 0; i < n; i++) {
    const t = time[i];
    const prevRow = i > 0 ? i - 1 : 0; // the quote row prevailing until t
    // (1) trades in (prevT, t], at the prevailing mid prevMid.
    while (j < nTrades && tradeTime[j] <= t) {
      const tt = tradeTime[j];
      if (hasPendBid && pendBidAt <= tt) {
        liveBid = pendBid; liveBidSize = pendBidSize; hasPendBid = false; hit[0] = 0;
        if (onPlace !== undefined && liveBidSize > 0) model.onPlace!(1, liveBid, prevRow);
      }
      if (hasPendAsk && pendAskAt <= tt) {
        liveAsk = pendAsk; liveAskSize = pendAskSize; hasPendAsk = false; hit[1] = 0;
        if (onPlace !== undefined && liveAskSize > 0) model.onPlace!(-1, liveAsk, prevRow);
      }
      if (needFlow) {
        const decay = Math.exp(-flowDecayPerSec * (tt - flowTime));
        flowTime = tt;
        flowNum = flowNum * decay + tradeSide[j] * tradeSize[j];
        flowDen = flowDen * decay + tradeSize[j];
      }
      if (useTrades) {
        const px = tradePrice[j];
        // A print above our bid (below our ask) cannot reach it, whatever the model.
        if (liveBidSize > 0 && px <= liveBid + eps) {
          liveBidSize -= fTake(desk, 1, liveBid, model.onTrade(1, liveBid, liveBidSize, px, tradeSize[j], j), tt, i, prevMid, limPrev, FILL_SOURCE_TRADE, j);
        }
        if (liveAskSize > 0 && px >= liveAsk - eps) {
          liveAskSize -= fTake(desk, -1, liveAsk, model.onTrade(-1, liveAsk, liveAskSize, px, tradeSize[j], j), tt, i, prevMid, limPrev, FILL_SOURCE_TRADE, j);
        }
      }
      j++;
    }
    // (2) orders whose latency has elapsed by t become live; the interval model counts only their live time.
    let bidFrom = prevT, askFrom = prevT;
    if (hasPendBid && pendBidAt <= t) {
      liveBid = pendBid; liveBidSize = pendBidSize; hasPendBid = false; hit[0] = 0; if (pendBidAt > bidFrom) bidFrom = pendBidAt;
      if (onPlace !== undefined && liveBidSize > 0) model.onPlace!(1, liveBid, prevRow);
    }
    if (hasPendAsk && pendAskAt <= t) {
      liveAsk = pendAsk; liveAskSize = pendAskSize; hasPendAsk = false; hit[1] = 0; if (pendAskAt > askFrom) askFrom = pendAskAt;
      if (onPlace !== undefined && liveAskSize > 0) model.onPlace!(-1, liveAsk, prevRow);
    }
    if (useInterval && i > 0) {
      if (liveBidSize > 0) liveBidSize -= fTake(desk, 1, liveBid, model.onInterval(1, liveBid, liveBidSize, prevMid, t - bidFrom), t, i, prevMid, limPrev, FILL_SOURCE_INTERVAL, i);
      if (liveAskSize > 0) liveAskSize -= fTake(desk, -1, liveAsk, model.onInterval(-1, liveAsk, liveAskSize, prevMid, t - askFrom), t, i, prevMid, limPrev, FILL_SOURCE_INTERVAL, i);
    }
    // (3) the mid moves; the inventory is marked.
    const m = mid[i];
    fMark(acc, prevMid, m);
    const limNow = valueLimited ? fLimit(maxInventory, maxPositionValue, m) : maxInventory;
    // (4) the live quotes meet the new market quotes (or bar), at the new mid.
    if (useQuote && i > 0) {
      const mb = mktBid[i], ma = mktAsk[i];
      if (liveBidSize > 0) liveBidSize -= fTake(desk, 1, liveBid, model.onQuote(1, liveBid, liveBidSize, mb, ma, i), t, i, m, limNow, FILL_SOURCE_QUOTE, i);
      if (liveAskSize > 0) liveAskSize -= fTake(desk, -1, liveAsk, model.onQuote(-1, liveAsk, liveAskSize, mb, ma, i), t, i, m, limNow, FILL_SOURCE_QUOTE, i);
    }
    // (5) risk: a new day resets the loss budget and lifts a kill; a loss beyond it kills quoting.
    if (killed) timeKilled += t - prevT;
    let equity = acc.cash + acc.inventory * m;
    if (t >= nextDayAt) {
      const day = Math.floor((t - t0) / dayLengthSec);
      nextDayAt = t0 + (day + 1) * dayLengthSec;
      dayStartEquity = equity;
      if (killed) { killed = false; logRisk(risk, t, i, 'restart', 'both', 'new day: daily-loss budget reset', day); }
    }
    if (!killed && equity - dayStartEquity < -maxDailyLoss) {
      killed = true;
      logRisk(risk, t, i, 'stop', 'both', `daily loss exceeded the limit ${rp.maxDailyLoss}`, dayStartEquity - equity);
      liveBidSize = 0; liveAskSize = 0; hasPendBid = false; hasPendAsk = false;
      const q = acc.inventory;
      if (rp.flattenOnKill && q !== 0) {
        const px = q > 0 ? mktBid[i] : mktAsk[i];
        fFill(acc, t, i, q > 0 ? -1 : 1, px, Math.abs(q), m, fees.fee(px, Math.abs(q), false), false, NaN, FILL_SOURCE_FLATTEN, i);
        equity = acc.cash + acc.inventory * m;
      }
    }
    // (6) record.
    sInv[i] = acc.inventory;
    sEq[i] = equity;
    // (7) the strategy sees this tick (always, so its filters warm up) and quotes after the warm-up.
    market.index = i; market.time = t; market.bid = mktBid[i]; market.ask = mktAsk[i]; market.mid = m;
    if (flowDen > 0) market.flowImbalance = flowNum / flowDen; // decay since the last trade cancels in the ratio
    pos.inventory = acc.inventory; pos.cash = acc.cash;
    strategy.quote(market, pos, out);
    sFair[i] = out.fairValue;
    if (sRegime !== null) sRegime[i] = out.regime;
    let qb = NaN, qbs = 0, qa = NaN, qas = 0;
    if (i >= warmupTicks && !killed) {
      qb = fBid(out.bid, tickSize, tickScale);
      qa = fAsk(out.ask, tickSize, tickScale);
      // Post-only: a quote that would cross the market is moved back to the touch.
      if (qb >= mktAsk[i] - eps) qb = tickSize > 0 ? fBid(mktAsk[i] - tickSize, tickSize, tickScale) : mktBid[i];
      if (qa <= mktBid[i] + eps) qa = tickSize > 0 ? fAsk(mktBid[i] + tickSize, tickSize, tickScale) : mktAsk[i];
      const roomB = fRoom(1, acc.inventory, limNow);
      const roomA = fRoom(-1, acc.inventory, limNow);
      qbs = Number.isFinite(qb) && out.bidSize > 0 ? fLot(Math.min(out.bidSize, roomB), lotSize, lotScale) : 0;
      qas = Number.isFinite(qa) && out.askSize > 0 ? fLot(Math.min(out.askSize, roomA), lotSize, lotScale) : 0;
      if (qbs < minSize) qbs = 0; // dust: no quote below one lot (or 1e-9 of the order size)
      if (qas < minSize) qas = 0;
      const nowBlockedB = out.bidSize > 0 && qbs <= 0;
      const nowBlockedA = out.askSize > 0 && qas <= 0;
      if (nowBlockedB !== blockedBid) {
        blockedBid = nowBlockedB;
        logRisk(risk, t, i, nowBlockedB ? 'stop' : 'restart', 'bid', nowBlockedB ? 'inventory at the buy limit' : 'inventory back under the buy limit', acc.inventory);
      }
      if (nowBlockedA !== blockedAsk) {
        blockedAsk = nowBlockedA;
        logRisk(risk, t, i, nowBlockedA ? 'stop' : 'restart', 'ask', nowBlockedA ? 'inventory at the sell limit' : 'inventory back under the sell limit', acc.inventory);
      }
      if (qbs <= 0) qb = NaN;
      if (qas <= 0) qa = NaN;
    }
    sBid[i] = qb;
    sAsk[i] = qa;
    // Send what changed (against the pending order if any, else the live one).
    const curB = hasPendBid ? pendBid : liveBid, curBs = hasPendBid ? pendBidSize : liveBidSize;
    if (qbs !== curBs || (qbs > 0 && qb !== curB)) {
      pendBid = qb; pendBidSize = qbs; pendBidAt = latency.activeFrom(t); hasPendBid = true;
      if (qbs > 0) quoteUpdates++;
    }
    const curA = hasPendAsk ? pendAsk : liveAsk, curAs = hasPendAsk ? pendAskSize : liveAskSize;
    if (qas !== curAs || (qas > 0 && qa !== curA)) {
      pendAsk = qa; pendAskSize = qas; pendAskAt = latency.activeFrom(t); hasPendAsk = true;
      if (qas > 0) quoteUpdates++;
    }
    prevMid = m;
    prevT = t;
    limPrev = limNow;
    if (onProgress !== undefined && (i + 1 - chunkFrom >= progressChunk || i === n - 1)) {
      onProgress(progressOf(series, chunkFrom, i + 1, n, acc.fillCount));
      chunkFrom = i + 1;
    }
  }

  const result = finish(d.time, mid, mktAsk[0], series, acc, rp, strategy.id, regimeLabels, risk, quoteUpdates, desk.filledQuotes, timeKilled, mode === 'full');
  if (reuse !== undefined) reusedFills.set(reuse, acc.fills); // finish copied the fills out: the buffers can serve the next run
  // The smoothed (Viterbi) path uses the whole series: for display only, never for quoting. Grid cells skip it.
  if (regimeModel !== undefined) result.regimeBucketSec = rp.regimeBucketSec; // the bucket regimeSetup was given
  if (regimeKappaByState !== undefined) result.regimeKappaByState = regimeKappaByState;
  if (regimeFit !== undefined) result.regimeModel = regimeFit; // the regime view decodes with this model instead of refitting
  if (kalman !== undefined) {
    result.kalman = kalman;
    const kNote = kalmanFitNote(kalman); // e.g. the fit makes the fair value equal the mid (H-trust, issue 14)
    if (kNote !== null) result.notes.push(kNote);
  }
  if (regimeModel !== undefined && mode === 'full' && config.regime?.viterbi !== false) {
    result.regimeViterbi = viterbiPath(d.time, mid, regimeModel, rp.regimeBucketSec);
  }
  return result;
}

/** Fill buffers kept with a reused series, so grid cells stop re-growing them. */
const reusedFills = new WeakMap<BacktestSeries | RunOutputs, Account['fills']>();

/** A progress report: the live series (ticks [0, to) final) and, only if read, a copy of ticks [from, to). */
function progressOf(series: BacktestSeries, from: number, to: number, total: number, fills: number): BacktestProgress {
  let partial: BacktestSeries | undefined;
  return {
    done: to, total, from, to, series, fills,
    get partial() { return (partial ??= sliceSeries(series, from, to)); },
  };
}

/** Buy-and-hold depends only on the data and four settings: computed once per (data, settings), e.g. across grid cells. */
const benchmarkCache = new WeakMap<Float64Array, { time: Float64Array; key: string; value: BuyAndHold }>();

function benchmarkFor(time: Float64Array, mid: Float64Array, firstAsk: number, rp: ResolvedParams): BuyAndHold {
  const key = `${rp.orderSize}|${rp.takerBps}|${rp.bucketSec}|${rp.yearBasis}`;
  const hit = benchmarkCache.get(mid);
  if (hit !== undefined && hit.time === time && hit.key === key) return { ...hit.value };
  const value = buyAndHold(time, mid, firstAsk, rp.orderSize, rp.takerBps, rp.bucketSec, rp.yearBasis);
  benchmarkCache.set(mid, { time, key, value });
  return { ...value };
}

/** The Viterbi path over the time buckets, per tick: each tick gets the state of the bucket it lies in. */
function viterbiPath(time: Float64Array, mid: Float64Array, model: HmmParams, bucketSec: number): Int32Array {
  const x = bucketReturns(time, mid, bucketSec);
  const byBucket = x.length > 0 ? viterbi(x, model) : Int32Array.of(0);
  const bucketOf = tickBuckets(time, bucketSec, byBucket.length - 1);
  for (let i = 0; i < bucketOf.length; i++) bucketOf[i] = byBucket[bucketOf[i]];
  return bucketOf;
}

function finish(
  time: Float64Array, mid: Float64Array, firstAsk: number, series: BacktestSeries, acc: Account, rp: ResolvedParams,
  id: BacktestResult['strategy'], regimeLabels: string[], risk: ReturnType<typeof createRiskLog>, quoteUpdates: number, filledQuotes: number, timeKilledSec: number,
  sharpeInterval: boolean,
): BacktestResult {
  const k = acc.fillCount;
  const f = acc.fills;
  const midAfter = new Float64Array(k);
  markoutMids(time, mid, f.time, k, rp.markoutSec, midAfter);
  const fills = {
    time: f.time.slice(0, k), side: f.side.slice(0, k), price: f.price.slice(0, k), size: f.size.slice(0, k),
    midAtFill: f.midAtFill.slice(0, k), midAfter, fee: f.fee.slice(0, k), liquidity: f.liquidity.slice(0, k), index: f.index.slice(0, k),
    queueAhead: f.queueAhead.slice(0, k), source: f.source.slice(0, k), sourceIndex: f.sourceIndex.slice(0, k),
  };
  const n = series.equity.length;
  const net = series.equity[n - 1];
  const attribution = attributePnl(fills, k, acc.inventoryPnl, net);
  const metrics = computeMetrics({
    time: series.time, mid: series.mid, inventory: series.inventory, equity: series.equity, fills, fillCount: k,
    quoteUpdates, filledQuotes, volume: acc.volume, feesPaid: acc.feesPaid, maxInventory: rp.maxInventory, bucketSec: rp.bucketSec,
    yearBasis: rp.yearBasis, capital: rp.capital, timeKilledSec,
    sharpeInterval, // grid cells (a reused series) keep the Sharpe but skip its bootstrap interval
  });
  // cash is derived when read (recorder.ts cashOf): spreading the series would derive it now.
  const { time: sTime, mid: sMid, fairValue, bid, ask, inventory, equity } = series;
  const result = {
    time: sTime, mid: sMid, fairValue, bid, ask, inventory, equity,
    strategy: id,
    fills,
    attribution,
    metrics,
    benchmark: benchmarkFor(time, mid, firstAsk, rp),
    regimeShares: regimeLabels.length > 0 ? regimeShares(series.time, series.equity, series.regime, regimeLabels) : [],
    regimeLabels,
    riskLog: risk.events,
    riskEventsDropped: risk.dropped,
    resolved: rp,
    notes: rp.notes,
  };
  // The regime column as the series has it: stored, or the all-NaN one made only if read.
  return defineCash(hasRegimeColumn(series) ? Object.assign(result, { regime: series.regime }) : defineNoRegime(result, n), true);
}
