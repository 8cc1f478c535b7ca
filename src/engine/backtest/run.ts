import { createStrategy, strategyHasRegimes } from '../strategy/create';
import { forgetSignalColumn } from '../strategy/signal-columns';
import { regimePath } from '../strategy/regime-path';
import { attributePnl, markoutMids } from '../analytics/attribution';
import { buyAndHold, computeMetrics, regimeShares } from '../analytics/metrics';
import { prepareData } from './data';
import { resolveConfig } from './config';
import { buildFillModel } from './fills/registry';
import { buildLatencyModel } from './latency-registry';
import { buildFeeModel } from './fee-registry';
import { gridScale, minTradeSize, priceTolerance } from './costs';
import { createAccount, type Account } from './account';
import { createFillDesk, type FillDesk } from './fill-desk';
import { runEventLoop } from './event-loop';
import { createOutputs, defineCash, defineNoRegime, hasRegimeColumn, viewOutputs, withInput, type RunOutputs } from './recorder';
import { createRiskLog } from './risk';
import { keepShapes } from './shape-anchor';
import type { Strategy } from '../strategy/types';
import { kalmanFitNote } from '../filters/kalman-diagnostics';
import type { BuyAndHold } from '../analytics/types';
import type { BacktestConfig, BacktestProgress, BacktestResult, BacktestSeries, MarketData, ResolvedParams } from './types';

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
 * loop itself. The result's outputs, and its fill columns, are then views of `reuse` and of fill
 * buffers kept with it, overwritten by the next run over the same columns (e.g.
 * the lab worker's previous result, replaced by this one: mode 'full').
 * `result.time` and `result.mid` are the input's own columns (the mid computed once per dataset
 * when only bid and ask were given), not copies: 16 bytes per tick fewer, and read-only like the input.
 * The reused columns must hold what the last run left there: a fair-value or regime column still marked
 * as holding this dataset's signal is read as it is (strategy/signal-columns.ts), not recomputed.
 */
export function runBacktestInto(
  data: MarketData, config: BacktestConfig = {}, onProgress?: (p: BacktestProgress) => void, reuse?: BacktestSeries | RunOutputs,
  /** 'cell' (the default with `reuse`): metrics without the bootstrap Sharpe interval and no Viterbi path, as grid cells need; 'full': the whole result, as runBacktest. */
  mode: 'full' | 'cell' = reuse === undefined ? 'full' : 'cell',
): BacktestResult {
  const d = prepareData(data);
  const rp = resolveConfig(d, data, config);
  const model = buildFillModel({ data: d, params: rp });
  const latency = buildLatencyModel(rp); // the registered models (latency-registry.ts, fee-registry.ts), as fills/registry.ts
  const fees = buildFeeModel(rp);
  const { n, time, bid: mktBid, ask: mktAsk, mid, nTrades, tradeTime, tradePrice, tradeSize, tradeSide } = d;
  // A strategy without regimes reports NaN at every tick: that column is not stored (made only if read).
  const recordRegime = strategyHasRegimes(rp.strategy);
  const series = withInput(reuse !== undefined && reuse.equity.length >= n && (!recordRegime || reuse.regime.length >= n) ? viewOutputs(reuse, n) : createOutputs(n, recordRegime), time, mid, recordRegime);
  // What the strategy derives from the market alone (Kalman fair value, causal regime) is filled into its output columns before the loop.
  const signals = { fairValue: series.fairValue, regime: recordRegime ? series.regime : undefined };
  const { strategy, regimeLabels, regimeModel, regimeSetup: regimeFit, regimeKappaByState, kalman } = createStrategy({ ...rp, kalman: config.kalman, regime: config.regime, guard: config.guard }, d.time, d.mid, signals);
  // Without a Kalman fair value the loop writes the strategy's own into that column: it no longer holds the signal.
  if (kalman === undefined) forgetSignalColumn(series.fairValue);
  const acc: Account = createAccount(1024, reuse !== undefined ? reusedFills.get(reuse.equity.buffer) : undefined);
  const risk = createRiskLog();
  const { maxInventory, maxPositionValue, tickSize, lotSize } = rp;
  const tickScale = gridScale(tickSize), lotScale = gridScale(lotSize);
  const eps = priceTolerance(tickSize);
  const minSize = minTradeSize(lotSize, rp.orderSize);
  const desk: FillDesk = createFillDesk({ acc, strategy, fees, model, lotSize, lotScale, minSize });

  const { quoteUpdates, timeKilledSec } = runEventLoop({
    n, time, bid: mktBid, ask: mktAsk, mid, nTrades, tradeTime, tradePrice, tradeSize, tradeSide,
    model, latency, fees, strategy, acc, desk, risk, series, recordRegime,
    tickSize, tickScale, lotSize, lotScale, eps, minSize, maxInventory, maxPositionValue,
    maxDailyLoss: rp.maxDailyLoss, dayLengthSec: rp.dayLengthSec, flattenOnKill: rp.flattenOnKill, warmupTicks: rp.warmupTicks,
    progressChunk: rp.progressChunk, needFlow: config.guard?.enabled === true, onProgress,
  });

  const result = finish(d.time, mid, mktAsk[0], series, acc, rp, strategy.id, regimeLabels, risk, quoteUpdates, desk.filledQuotes, timeKilledSec, mode === 'full');
  // The result's fills are views of the account's buffers: a later run over the same columns writes over them, as over its series.
  if (reuse !== undefined) reusedFills.set(series.equity.buffer, acc.fills);
  // The loop's per-run objects outlive the run (shape-anchor.ts), without the run's big arrays: the
  // account lets go of its fill columns, the desk of the strategy (which holds the fair-value and regime columns).
  acc.fills = NO_FILLS;
  desk.strategy = NO_STRATEGY;
  keepShapes('run', [desk, acc, risk, model, latency, fees]);
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
    result.regimeViterbi = regimePath(d.time, mid, regimeModel, rp.regimeBucketSec).tickState; // shared with the regime view: read-only
  }
  return result;
}

/** What a finished run's account and fill desk hold instead of its fill columns and strategy (shape-anchor.ts). */
const NO_FILLS = createAccount(0).fills;
const NO_STRATEGY: Strategy = { id: 'symmetric', quote: () => {}, onFill: () => {} };

/**
 * Fill buffers kept with a reused series, so later runs stop re-growing them. Keyed by the equity
 * column's buffer, which every run writing over it shares: the lab worker hands in a new outputs
 * object per run (outputsOf) and each result holds new views, so keying by either object never hit.
 */
const reusedFills = new WeakMap<ArrayBufferLike, Account['fills']>();

/** The fill buffers the next run writing over `outputs` will start from (undefined: it grows its own); for tests. */
export function heldFillBuffers(outputs: Pick<RunOutputs, 'equity'>): Account['fills'] | undefined {
  return reusedFills.get(outputs.equity.buffer);
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

function finish(
  time: Float64Array, mid: Float64Array, firstAsk: number, series: BacktestSeries, acc: Account, rp: ResolvedParams,
  id: BacktestResult['strategy'], regimeLabels: string[], risk: ReturnType<typeof createRiskLog>, quoteUpdates: number, filledQuotes: number, timeKilledSec: number,
  sharpeInterval: boolean,
): BacktestResult {
  const k = acc.fillCount;
  const f = acc.fills;
  const midAfter = new Float64Array(k);
  markoutMids(time, mid, f.time, k, rp.markoutSec, midAfter);
  const cut = (c: Float64Array) => c.subarray(0, k); // views, no copy (a copy per run cost 6-9 ms per 10^5 fills)
  const fills = {
    time: cut(f.time), side: cut(f.side), price: cut(f.price), size: cut(f.size), midAtFill: cut(f.midAtFill), midAfter,
    fee: cut(f.fee), liquidity: cut(f.liquidity), index: cut(f.index), queueAhead: cut(f.queueAhead), source: cut(f.source), sourceIndex: cut(f.sourceIndex),
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
