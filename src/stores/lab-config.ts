import type { BacktestConfig, MarketData } from '../engine';
import type { LoadedDataset } from '../workers/csv-client';
import type { LabDataSource } from '../workers/lab-client';
import type { LabSettings } from './lab-settings';

/** The engine config for the lab's settings; unset values are left to the engine's calibration. */
export function toBacktestConfig(s: LabSettings): BacktestConfig {
  const v = s.values;
  const orderSize = v.orderSize ?? 1;
  return {
    strategy: s.strategy,
    orderSize,
    gamma: v.gamma,
    kappa: v.kappa,
    horizonSec: v.horizonSec,
    halfSpreadBps: v.halfSpreadBps,
    latencySec: v.latencySec,
    fees: { makerBps: v.makerBps },
    limits: { maxInventory: (v.maxInventory ?? 10) * orderSize },
    regime: { nStates: v.nStates ?? 3, bucketSec: v.regimeBucketSec },
    // q, r by hand drive the Kalman fair value (as-kalman, as-regime); unset, the engine fits them on the warm-up.
    kalman: s.kalman ? { q: s.kalman.q, r: s.kalman.r } : undefined,
    guard: { enabled: s.guard },
    seed: v.seed ?? 1,
    // Small chunks so the first partial view reaches the page early; the worker throttles what it sends.
    progressChunk: 20_000,
  };
}

/** What the lab worker needs from a loaded dataset: regenerate synthetic ones from their seed, move others as columns. */
export function toLabSource(d: LoadedDataset): LabDataSource {
  if (d.source === 'synthetic' && d.seed !== undefined && d.nTicks !== undefined) return { kind: 'synthetic', seed: d.seed, nTicks: d.nTicks };
  return { kind: 'columns', key: `${d.name}:${d.rowsRead}:${d.columns.time?.length ?? 0}`, data: toMarketData(d) };
}

/** Quotes (bid/ask), prices, bars (close) or trades (price) as the backtester's columns; trades ride along when present. */
export function toMarketData(d: LoadedDataset): MarketData {
  const c = d.columns;
  const out: MarketData = { time: c.time };
  if (c.bid && c.ask) { out.bid = c.bid; out.ask = c.ask; }
  else if (c.mid) out.mid = c.mid;
  else if (c.close) out.mid = c.close;
  else if (c.price) out.mid = c.price;
  if (c.tradeTime && c.tradePrice) {
    out.tradeTime = c.tradeTime; out.tradePrice = c.tradePrice; out.tradeSize = c.tradeSize; out.tradeSide = c.tradeSide;
  } else if (d.kind === 'trades' && c.price) {
    out.tradeTime = c.time; out.tradePrice = c.price; out.tradeSize = c.size; out.tradeSide = c.side;
  }
  return out;
}
