import { createQuoteOut, type MarketView, type PositionView, type QuoteOut, type Strategy } from '../strategy/types';
import { applyFill, markMid, type Account } from './account';
import { ceilIndex, ceilToGrid, floorIndex, floorToGrid, gridLevel } from './costs';
import { takeFill, type FillDesk } from './fill-desk';
import type { FeeModel } from './fees';
import type { FillModel } from './fills/types';
import type { LatencyModel } from './latency';
import { sliceSeries } from './recorder';
import { keepShapes } from './shape-anchor';
import { inventoryLimit, logRisk, room, type RiskLog } from './risk';
import { FILL_SOURCE_FLATTEN, FILL_SOURCE_INTERVAL, FILL_SOURCE_QUOTE, FILL_SOURCE_TRADE } from './types';
import type { BacktestProgress, BacktestSeries } from './types';

// Module-local bindings of the helpers the event loop calls per tick: some loaders (tsx's CJS
// interop) turn each call of an imported function into a getter call, which costs more than the helper.
const fFloor = floorToGrid;
const fCeil = ceilToGrid;
const fFloorIndex = floorIndex;
const fCeilIndex = ceilIndex;
const fLevel = gridLevel;
const fRoom = room;
const fFill = applyFill;
const fMark = markMid;
const fLimit = inventoryLimit;
const fTake = takeFill;

/** Half-life of the order-flow imbalance the strategies see, seconds. */
const FLOW_HALF_LIFE_SEC = 10;

/**
 * Everything the event loop reads, built at one place (run.ts), so that its shape is the same in
 * every run: the loop then stays optimised across runs instead of re-entering through on-stack
 * replacement and deoptimising at per-run objects (resolved settings, config) whose shapes vary.
 */
export interface EventLoopInput {
  n: number;
  /** Quote rows: time (s), best bid and ask, mid. */
  time: Float64Array; bid: Float64Array; ask: Float64Array; mid: Float64Array;
  /** Trades: count, time (s), price, size, side (+1 buyer-initiated). */
  nTrades: number; tradeTime: Float64Array; tradePrice: Float64Array; tradeSize: Float64Array; tradeSide: Float64Array;
  model: FillModel; latency: LatencyModel; fees: FeeModel; strategy: Strategy;
  acc: Account; desk: FillDesk; risk: RiskLog;
  /** The run's output columns (written per tick); `regime` only when the strategy reports one. */
  series: BacktestSeries; recordRegime: boolean;
  /** Price and lot grids (0 = none), their gridScale, the price tolerance and the dust size (costs.ts). */
  tickSize: number; tickScale: number; lotSize: number; lotScale: number; eps: number; minSize: number;
  /** Inventory limit (asset units) and position-value limit (quote currency; Infinity = none). */
  maxInventory: number; maxPositionValue: number;
  /** Daily-loss budget (quote currency) per day of dayLengthSec; flatten at the touch when killed. */
  maxDailyLoss: number; dayLengthSec: number; flattenOnKill: boolean;
  warmupTicks: number;
  /** Ticks between progress reports. */
  progressChunk: number;
  /** Only the guard reads the order-flow imbalance. */
  needFlow: boolean;
  onProgress: ((p: BacktestProgress) => void) | undefined;
}

/** What the loop counted besides the account: quotes sent (size > 0) and seconds spent killed. */
export interface EventLoopTotals {
  quoteUpdates: number;
  timeKilledSec: number;
}

/** Ticks per call of the chunk function (runChunk). */
const CHUNK_TICKS = 16_384;
/** Empty calls of the chunk function before the first chunk (see runEventLoop). */
const WARM_CALLS = 12;

// Slots of LoopState.v (the loop's numbers between chunks; flags as 0 / 1).
const S_LIVE_BID = 0;
const S_LIVE_BID_SIZE = 1;
const S_LIVE_ASK = 2;
const S_LIVE_ASK_SIZE = 3;
const S_PEND_BID = 4;
const S_PEND_BID_SIZE = 5;
const S_PEND_BID_AT = 6;
const S_PEND_ASK = 7;
const S_PEND_ASK_SIZE = 8;
const S_PEND_ASK_AT = 9;
const S_HAS_PEND_BID = 10;
const S_HAS_PEND_ASK = 11;
const S_QUOTE_UPDATES = 12;
const S_FLOW_NUM = 13;
const S_FLOW_DEN = 14;
const S_FLOW_TIME = 15;
const S_KILLED = 16;
const S_TIME_KILLED = 17;
const S_BLOCKED_BID = 18;
const S_BLOCKED_ASK = 19;
const S_NEXT_DAY_AT = 20;
const S_DAY_START_EQUITY = 21;
const S_J = 22;
const S_PREV_MID = 23;
const S_PREV_T = 24;
const S_LIM_PREV = 25;
const S_CHUNK_FROM = 26;
// What the strategy's views hold between chunks: the quote it last wrote (a strategy may leave a
// field as it was) and the flow imbalance (updated only when there is flow); the other view fields
// are set at every tick before the strategy reads them.
const S_OUT_BID = 27;
const S_OUT_ASK = 28;
const S_OUT_BID_SIZE = 29;
const S_OUT_ASK_SIZE = 30;
const S_OUT_FAIR = 31;
const S_OUT_REGIME = 32;
const S_FLOW_IMBALANCE = 33;
const STATE_SLOTS = 34;

// Slots of LoopState.k (the run's constants; flags as 0 / 1).
const K_N = 0;
const K_N_TRADES = 1;
const K_TICK_SIZE = 2;
const K_TICK_SCALE = 3;
const K_LOT_SIZE = 4;
const K_LOT_SCALE = 5;
const K_EPS = 6;
const K_MIN_SIZE = 7;
const K_MAX_INVENTORY = 8;
const K_MAX_POSITION_VALUE = 9;
const K_MAX_DAILY_LOSS = 10;
const K_DAY_LENGTH = 11;
const K_FLATTEN_ON_KILL = 12;
const K_WARMUP = 13;
const K_PROGRESS_CHUNK = 14;
const K_NEED_FLOW = 15;
const K_USE_TRADES = 16;
const K_USE_INTERVAL = 17;
const K_USE_QUOTE = 18;
const K_ON_PLACE = 19;
const CONST_SLOTS = 20;

/** The regime column of a run that records none (LoopState.sRegime is always a Float64Array), and every column of a finished run's state. */
const EMPTY_COLUMN = new Float64Array(0);
const NO_HIT = new Uint8Array(0);

/**
 * Everything runChunk reads outside its loop, in fields whose kinds never change: typed arrays only
 * (the run's columns, its constants in `k`, the state between chunks in `v`). runChunk's code before
 * and after its loop then checks no object whose hidden class a later run can change. It did read the
 * run's objects there (the input, the fill model, the series): a run that changed one of their classes
 * (another strategy, fill model or series kind, as a user switching strategy does) deoptimised the
 * function there, before its loop, where V8 kept running the loop in the on-stack-replacement code
 * it had compiled along the way, which it never replaced: 'as-regime' re-runs after a few 'as' and
 * 'as-kalman' runs took 84–169 ms per 10^6 ticks instead of 66–73, in every later run of the process
 * (--trace-opt --trace-deopt: "wrong map" at the input, then no recompilation in 38 runs).
 * The objects (fill model, strategy, account, ...) are runChunk's arguments, read only inside the loop.
 * The numbers sit in Float64Arrays: their reads and writes keep one type whatever the values (object
 * fields that start as small integers change representation when they first hold a fraction).
 */
class LoopState {
  readonly v = new Float64Array(STATE_SLOTS);
  readonly k = new Float64Array(CONST_SLOTS);
  time: Float64Array; bid: Float64Array; ask: Float64Array; mid: Float64Array;
  tradeTime: Float64Array; tradePrice: Float64Array; tradeSize: Float64Array; tradeSide: Float64Array;
  /** The output columns (sRegime is empty when the run records no regime). */
  sInv: Float64Array; sEq: Float64Array; sFair: Float64Array; sRegime: Float64Array;
  sBid: Float64Array; sAsk: Float64Array;
  /** The fill desk's per-side "filled since placed" flags. */
  hit: Uint8Array;

  constructor(x: EventLoopInput) {
    const { time, bid, ask, mid, nTrades, tradeTime, dayLengthSec, maxInventory, maxPositionValue, series, model } = x;
    this.time = time; this.bid = bid; this.ask = ask; this.mid = mid;
    this.tradeTime = tradeTime; this.tradePrice = x.tradePrice; this.tradeSize = x.tradeSize; this.tradeSide = x.tradeSide;
    this.sInv = series.inventory; this.sEq = series.equity; this.sFair = series.fairValue; this.sRegime = x.recordRegime ? series.regime : EMPTY_COLUMN;
    this.sBid = series.bid; this.sAsk = series.ask;
    this.hit = x.desk.hit;
    const k = this.k;
    k[K_N] = x.n; k[K_N_TRADES] = nTrades;
    k[K_TICK_SIZE] = x.tickSize; k[K_TICK_SCALE] = x.tickScale; k[K_LOT_SIZE] = x.lotSize; k[K_LOT_SCALE] = x.lotScale;
    k[K_EPS] = x.eps; k[K_MIN_SIZE] = x.minSize; k[K_MAX_INVENTORY] = maxInventory; k[K_MAX_POSITION_VALUE] = maxPositionValue;
    k[K_MAX_DAILY_LOSS] = x.maxDailyLoss; k[K_DAY_LENGTH] = dayLengthSec; k[K_FLATTEN_ON_KILL] = x.flattenOnKill ? 1 : 0;
    k[K_WARMUP] = x.warmupTicks; k[K_PROGRESS_CHUNK] = x.progressChunk; k[K_NEED_FLOW] = x.needFlow ? 1 : 0;
    k[K_USE_TRADES] = model.uses.trade ? 1 : 0; k[K_USE_INTERVAL] = model.uses.interval ? 1 : 0; k[K_USE_QUOTE] = model.uses.quote ? 1 : 0;
    k[K_ON_PLACE] = model.onPlace !== undefined ? 1 : 0;
    const v = this.v;
    const t0 = time[0];
    v[S_LIVE_BID] = NaN; v[S_LIVE_ASK] = NaN; v[S_PEND_BID] = NaN; v[S_PEND_ASK] = NaN;
    v[S_PEND_BID_AT] = Infinity; v[S_PEND_ASK_AT] = Infinity;
    v[S_FLOW_TIME] = t0;
    v[S_NEXT_DAY_AT] = t0 + dayLengthSec;
    let j = 0;
    while (j < nTrades && tradeTime[j] <= t0) j++; // trades before the first quote meet no order
    v[S_J] = j;
    v[S_PREV_MID] = mid[0];
    v[S_PREV_T] = t0;
    v[S_LIM_PREV] = Number.isFinite(maxPositionValue) ? fLimit(maxInventory, maxPositionValue, mid[0]) : maxInventory;
    // The strategy's quote before its first call.
    const q = createQuoteOut();
    v[S_OUT_BID] = q.bid; v[S_OUT_ASK] = q.ask; v[S_OUT_BID_SIZE] = q.bidSize; v[S_OUT_ASK_SIZE] = q.askSize; v[S_OUT_FAIR] = q.fairValue; v[S_OUT_REGIME] = q.regime;
    v[S_FLOW_IMBALANCE] = 0;
  }

  /** Lets go of the run's columns (the state outlives the run, see runEventLoop): empty arrays of the same kinds, so the class keeps its fields' types. */
  releaseColumns(): void {
    this.time = this.bid = this.ask = this.mid = EMPTY_COLUMN;
    this.tradeTime = this.tradePrice = this.tradeSize = this.tradeSide = EMPTY_COLUMN;
    this.sInv = this.sEq = this.sFair = this.sRegime = this.sBid = this.sAsk = EMPTY_COLUMN;
    this.hit = NO_HIT;
  }
}

/**
 * The per-tick event loop of runBacktest (run.ts documents its rules, steps 1–7): reads the market,
 * writes the series columns, books fills into `acc` and risk events into `risk`.
 * It runs in chunks of CHUNK_TICKS ticks, one call each, with its state carried in a LoopState: a
 * function called once per run whose body is one long loop runs that loop in on-stack-replacement
 * code, and V8's OSR code kept loop variables boxed (a heap number per tick and variable: 40–60 MB
 * of garbage per 10^6-tick run in most processes); a function called many times gets regular
 * optimised code, which keeps them unboxed. The results do not depend on `chunkTicks` (a test runs 1 to n).
 */
export function runEventLoop(x: EventLoopInput, chunkTicks = CHUNK_TICKS): EventLoopTotals {
  const st = new LoopState(x);
  // Empty chunks first: the chunk function's code after its loop then runs, with type feedback (V8
  // allocates a function's feedback after several calls), before V8 optimises the loop; else that
  // code, met with no feedback, deoptimised the optimised loop at the end of every chunk.
  const { model, latency, fees, strategy, acc, desk, risk, series, onProgress } = x;
  for (let k = 0; k < WARM_CALLS; k++) runChunk(st, model, latency, fees, strategy, acc, desk, risk, series, onProgress, 0, 0);
  for (let from = 0; from < x.n; from += chunkTicks) runChunk(st, model, latency, fees, strategy, acc, desk, risk, series, onProgress, from, Math.min(x.n, from + chunkTicks));
  // The loop state's hidden class must outlive the run, or a GC between runs deoptimises runChunk (shape-anchor.ts); its columns need not.
  st.releaseColumns();
  keepShapes('event-loop', [st]);
  return { quoteUpdates: st.v[S_QUOTE_UPDATES], timeKilledSec: st.v[S_TIME_KILLED] };
}

/**
 * Ticks [from, to) of runEventLoop, from and into `st`; the run's objects are arguments, read only
 * inside the loop (see LoopState).
 */
function runChunk(
  st: LoopState, model: FillModel, latency: LatencyModel, fees: FeeModel, strategy: Strategy, acc: Account, desk: FillDesk, risk: RiskLog,
  series: BacktestSeries, onProgress: ((p: BacktestProgress) => void) | undefined, from: number, to: number,
): void {
  const { time, bid: mktBid, ask: mktAsk, mid, tradeTime, tradePrice, tradeSize, tradeSide, sInv, sEq, sFair, sBid, sAsk, hit, k } = st;
  const n = k[K_N], nTrades = k[K_N_TRADES] | 0;
  const tickSize = k[K_TICK_SIZE], tickScale = k[K_TICK_SCALE], lotSize = k[K_LOT_SIZE], lotScale = k[K_LOT_SCALE];
  const eps = k[K_EPS], minSize = k[K_MIN_SIZE], maxInventory = k[K_MAX_INVENTORY], maxPositionValue = k[K_MAX_POSITION_VALUE];
  const maxDailyLoss = k[K_MAX_DAILY_LOSS], dayLengthSec = k[K_DAY_LENGTH], flattenOnKill = k[K_FLATTEN_ON_KILL] !== 0;
  const warmupTicks = k[K_WARMUP], progressChunk = k[K_PROGRESS_CHUNK], needFlow = k[K_NEED_FLOW] !== 0;
  const useTrades = k[K_USE_TRADES] !== 0, useInterval = k[K_USE_INTERVAL] !== 0, useQuote = k[K_USE_QUOTE] !== 0;
  const onPlace = k[K_ON_PLACE] !== 0;
  const sRegime = st.sRegime.length > 0 ? st.sRegime : null; // empty: the run records no regime
  const v = st.v;
  // The strategy's three views as fresh objects per chunk: objects made in this function and only read by the
  // inlined strategy can live in registers (V8's escape analysis); kept in the state they were memory, written
  // and read back every tick. Made from constants and then set, so their hidden classes hold doubles from the
  // start whatever the values (see LoopState).
  const out: QuoteOut = { bid: NaN, ask: NaN, bidSize: NaN, askSize: NaN, fairValue: NaN, regime: NaN };
  out.bid = v[S_OUT_BID]; out.ask = v[S_OUT_ASK]; out.bidSize = v[S_OUT_BID_SIZE]; out.askSize = v[S_OUT_ASK_SIZE];
  out.fairValue = v[S_OUT_FAIR]; out.regime = v[S_OUT_REGIME];
  const market: MarketView = { index: 0, time: NaN, bid: NaN, ask: NaN, mid: NaN, flowImbalance: NaN };
  market.flowImbalance = v[S_FLOW_IMBALANCE];
  const pos: PositionView = { inventory: NaN, cash: NaN, maxInventory: NaN };
  pos.maxInventory = maxInventory;
  const flowDecayPerSec = Math.LN2 / FLOW_HALF_LIFE_SEC;
  const t0 = time[0];
  const valueLimited = Number.isFinite(maxPositionValue);
  // The last quote's grid indices and their levels, prices and sizes (see the rounding below).
  let lastKb = NaN, lastQb = NaN, lastKa = NaN, lastQa = NaN;
  let lastLb = NaN, lastSb = NaN, lastLa = NaN, lastSa = NaN;

  let liveBid = v[S_LIVE_BID];
  let liveBidSize = v[S_LIVE_BID_SIZE];
  let liveAsk = v[S_LIVE_ASK];
  let liveAskSize = v[S_LIVE_ASK_SIZE];
  let pendBid = v[S_PEND_BID];
  let pendBidSize = v[S_PEND_BID_SIZE];
  let pendBidAt = v[S_PEND_BID_AT];
  let pendAsk = v[S_PEND_ASK];
  let pendAskSize = v[S_PEND_ASK_SIZE];
  let pendAskAt = v[S_PEND_ASK_AT];
  let hasPendBid = v[S_HAS_PEND_BID] !== 0;
  let hasPendAsk = v[S_HAS_PEND_ASK] !== 0;
  let quoteUpdates = v[S_QUOTE_UPDATES];
  let flowNum = v[S_FLOW_NUM];
  let flowDen = v[S_FLOW_DEN];
  let flowTime = v[S_FLOW_TIME];
  let killed = v[S_KILLED] !== 0;
  let timeKilled = v[S_TIME_KILLED];
  let blockedBid = v[S_BLOCKED_BID] !== 0;
  let blockedAsk = v[S_BLOCKED_ASK] !== 0;
  let nextDayAt = v[S_NEXT_DAY_AT];
  let dayStartEquity = v[S_DAY_START_EQUITY];
  let j = v[S_J] | 0; // an int32 again: it indexes the trade columns (a double index is converted at every read)
  let prevMid = v[S_PREV_MID];
  let prevT = v[S_PREV_T];
  let limPrev = v[S_LIM_PREV];
  let chunkFrom = v[S_CHUNK_FROM];

  for (let i = from; i < to; i++) {
    const t = time[i];
    const prevRow = i > 0 ? i - 1 : 0; // the quote row prevailing until t
    // (1) trades in (prevT, t], at the prevailing mid prevMid.
    while (j < nTrades && tradeTime[j] <= t) {
      const tt = tradeTime[j];
      if (hasPendBid && pendBidAt <= tt) {
        liveBid = pendBid; liveBidSize = pendBidSize; hasPendBid = false; hit[0] = 0;
        if (onPlace && liveBidSize > 0) model.onPlace!(1, liveBid, prevRow);
      }
      if (hasPendAsk && pendAskAt <= tt) {
        liveAsk = pendAsk; liveAskSize = pendAskSize; hasPendAsk = false; hit[1] = 0;
        if (onPlace && liveAskSize > 0) model.onPlace!(-1, liveAsk, prevRow);
      }
      if (needFlow) {
        const decay = Math.exp(-flowDecayPerSec * (tt - flowTime));
        flowTime = tt;
        flowNum = flowNum * decay + tradeSide[j] * tradeSize[j];
        flowDen = flowDen * decay + tradeSize[j];
      }
      if (useTrades) {
        const px = tradePrice[j];
        // A print above our bid (below our ask) cannot reach it, whatever the model. An offer of 0
        // (most events, for every model) skips the fill block: no call with a dozen boxed numbers.
        if (liveBidSize > 0 && px <= liveBid + eps) {
          const offer = model.onTrade(1, liveBid, liveBidSize, px, tradeSize[j], j);
          if (offer > 0) { desk.time = tt; desk.mid = prevMid; desk.lim = limPrev; desk.price = liveBid; desk.offer = offer; fTake(desk, 1, i, FILL_SOURCE_TRADE, j); liveBidSize -= desk.filled; }
        }
        if (liveAskSize > 0 && px >= liveAsk - eps) {
          const offer = model.onTrade(-1, liveAsk, liveAskSize, px, tradeSize[j], j);
          if (offer > 0) { desk.time = tt; desk.mid = prevMid; desk.lim = limPrev; desk.price = liveAsk; desk.offer = offer; fTake(desk, -1, i, FILL_SOURCE_TRADE, j); liveAskSize -= desk.filled; }
        }
      }
      j++;
    }
    // (2) orders whose latency has elapsed by t become live; the interval model counts only their live time.
    let bidFrom = prevT, askFrom = prevT;
    if (hasPendBid && pendBidAt <= t) {
      liveBid = pendBid; liveBidSize = pendBidSize; hasPendBid = false; hit[0] = 0; if (pendBidAt > bidFrom) bidFrom = pendBidAt;
      if (onPlace && liveBidSize > 0) model.onPlace!(1, liveBid, prevRow);
    }
    if (hasPendAsk && pendAskAt <= t) {
      liveAsk = pendAsk; liveAskSize = pendAskSize; hasPendAsk = false; hit[1] = 0; if (pendAskAt > askFrom) askFrom = pendAskAt;
      if (onPlace && liveAskSize > 0) model.onPlace!(-1, liveAsk, prevRow);
    }
    if (useInterval && i > 0) {
      if (liveBidSize > 0) {
        const offer = model.onInterval(1, liveBid, liveBidSize, prevMid, t - bidFrom);
        if (offer > 0) { desk.time = t; desk.mid = prevMid; desk.lim = limPrev; desk.price = liveBid; desk.offer = offer; fTake(desk, 1, i, FILL_SOURCE_INTERVAL, i); liveBidSize -= desk.filled; }
      }
      if (liveAskSize > 0) {
        const offer = model.onInterval(-1, liveAsk, liveAskSize, prevMid, t - askFrom);
        if (offer > 0) { desk.time = t; desk.mid = prevMid; desk.lim = limPrev; desk.price = liveAsk; desk.offer = offer; fTake(desk, -1, i, FILL_SOURCE_INTERVAL, i); liveAskSize -= desk.filled; }
      }
    }
    const m = mid[i];
    const limNow = valueLimited ? fLimit(maxInventory, maxPositionValue, m) : maxInventory;
    // (3) the live quotes meet the new market quotes (or bar): a quote the market moved through filled
    // on the way, so it is booked at the mid it rested against (prevMid) and its inventory then carried
    // through the move below, which the markouts count as adverse selection. Booked at the new mid, every
    // such fill would show a negative spread capture (the new mid is already past our price).
    if (useQuote && i > 0) {
      const mb = mktBid[i], ma = mktAsk[i];
      if (liveBidSize > 0) {
        const offer = model.onQuote(1, liveBid, liveBidSize, mb, ma, i);
        if (offer > 0) { desk.time = t; desk.mid = prevMid; desk.lim = limNow; desk.price = liveBid; desk.offer = offer; fTake(desk, 1, i, FILL_SOURCE_QUOTE, i); liveBidSize -= desk.filled; }
      }
      if (liveAskSize > 0) {
        const offer = model.onQuote(-1, liveAsk, liveAskSize, mb, ma, i);
        if (offer > 0) { desk.time = t; desk.mid = prevMid; desk.lim = limNow; desk.price = liveAsk; desk.offer = offer; fTake(desk, -1, i, FILL_SOURCE_QUOTE, i); liveAskSize -= desk.filled; }
      }
    }
    // (4) the mid moves; the inventory (with this tick's quote fills) is marked.
    fMark(acc, prevMid, m);
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
      logRisk(risk, t, i, 'stop', 'both', `daily loss exceeded the limit ${maxDailyLoss}`, dayStartEquity - equity);
      liveBidSize = 0; liveAskSize = 0; hasPendBid = false; hasPendAsk = false;
      const q = acc.inventory;
      if (flattenOnKill && q !== 0) {
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
      // To the tick grid; a quote that stays on the same grid index keeps its level (no second division).
      if (tickSize > 0) {
        const kb = fFloorIndex(out.bid, tickSize), ka = fCeilIndex(out.ask, tickSize);
        if (kb !== lastKb) { lastKb = kb; lastQb = fLevel(kb, tickSize, tickScale); }
        if (ka !== lastKa) { lastKa = ka; lastQa = fLevel(ka, tickSize, tickScale); }
        qb = lastQb; qa = lastQa;
      } else {
        qb = out.bid; qa = out.ask;
      }
      // Post-only: a quote that would cross the market is moved back to the touch.
      if (qb >= mktAsk[i] - eps) qb = tickSize > 0 ? fFloor(mktAsk[i] - tickSize, tickSize, tickScale) : mktBid[i];
      if (qa <= mktBid[i] + eps) qa = tickSize > 0 ? fCeil(mktBid[i] + tickSize, tickSize, tickScale) : mktAsk[i];
      const roomB = fRoom(1, acc.inventory, limNow);
      const roomA = fRoom(-1, acc.inventory, limNow);
      // Sizes floored to whole lots, each side's level kept while its lot index stays (as the prices above).
      qbs = 0; qas = 0;
      if (Number.isFinite(qb) && out.bidSize > 0) {
        const sb = Math.min(out.bidSize, roomB);
        if (lotSize > 0) {
          const kb = fFloorIndex(sb, lotSize);
          if (kb !== lastLb) { lastLb = kb; lastSb = fLevel(kb, lotSize, lotScale); }
          qbs = lastSb;
        } else qbs = sb;
      }
      if (Number.isFinite(qa) && out.askSize > 0) {
        const sa = Math.min(out.askSize, roomA);
        if (lotSize > 0) {
          const ka = fFloorIndex(sa, lotSize);
          if (ka !== lastLa) { lastLa = ka; lastSa = fLevel(ka, lotSize, lotScale); }
          qas = lastSa;
        } else qas = sa;
      }
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

  v[S_LIVE_BID] = liveBid;
  v[S_LIVE_BID_SIZE] = liveBidSize;
  v[S_LIVE_ASK] = liveAsk;
  v[S_LIVE_ASK_SIZE] = liveAskSize;
  v[S_PEND_BID] = pendBid;
  v[S_PEND_BID_SIZE] = pendBidSize;
  v[S_PEND_BID_AT] = pendBidAt;
  v[S_PEND_ASK] = pendAsk;
  v[S_PEND_ASK_SIZE] = pendAskSize;
  v[S_PEND_ASK_AT] = pendAskAt;
  v[S_HAS_PEND_BID] = hasPendBid ? 1 : 0;
  v[S_HAS_PEND_ASK] = hasPendAsk ? 1 : 0;
  v[S_QUOTE_UPDATES] = quoteUpdates;
  v[S_FLOW_NUM] = flowNum;
  v[S_FLOW_DEN] = flowDen;
  v[S_FLOW_TIME] = flowTime;
  v[S_KILLED] = killed ? 1 : 0;
  v[S_TIME_KILLED] = timeKilled;
  v[S_BLOCKED_BID] = blockedBid ? 1 : 0;
  v[S_BLOCKED_ASK] = blockedAsk ? 1 : 0;
  v[S_NEXT_DAY_AT] = nextDayAt;
  v[S_DAY_START_EQUITY] = dayStartEquity;
  v[S_J] = j;
  v[S_PREV_MID] = prevMid;
  v[S_PREV_T] = prevT;
  v[S_LIM_PREV] = limPrev;
  v[S_CHUNK_FROM] = chunkFrom;
  v[S_OUT_BID] = out.bid; v[S_OUT_ASK] = out.ask; v[S_OUT_BID_SIZE] = out.bidSize; v[S_OUT_ASK_SIZE] = out.askSize;
  v[S_OUT_FAIR] = out.fairValue; v[S_OUT_REGIME] = out.regime;
  v[S_FLOW_IMBALANCE] = market.flowImbalance;
}

/** A progress report: the live series (ticks [0, to) final) and, only if read, a copy of ticks [from, to). */
function progressOf(series: BacktestSeries, from: number, to: number, total: number, fills: number): BacktestProgress {
  let partial: BacktestSeries | undefined;
  return {
    done: to, total, from, to, series, fills,
    get partial() { return (partial ??= sliceSeries(series, from, to)); },
  };
}
