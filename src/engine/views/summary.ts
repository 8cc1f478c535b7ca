import { gather, strideIndices } from '../series';
import type { BacktestResult } from '../backtest';
import { referenceMid } from '../data/dataset';

export interface RunSummaryView {
  metrics: BacktestResult['metrics'];
  attribution: BacktestResult['attribution'];
  benchmark: BacktestResult['benchmark'];
  regimeShares: BacktestResult['regimeShares'];
  riskLog: BacktestResult['riskLog'];
  resolved: BacktestResult['resolved'];
  /** The run's reference mid (engine/data/dataset.ts referenceMid), at which σ converts to and from %/yr. */
  refMid: number;
  fills: number;
  /** Downsampled fills for markers: time, price, side (+1 bought). */
  fillMarks: { time: Float64Array; price: Float64Array; side: Float64Array };
  /** Histogram of inventory (time-weighted by ticks): bin centres and shares. */
  inventoryHist: { centre: Float64Array; share: Float64Array };
}

export function buildSummaryView(r: BacktestResult): RunSummaryView {
  const nf = r.fills.time.length;
  const fi = strideIndices(nf, 2000);
  const inv = r.inventory;
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < inv.length; i++) { if (inv[i] < lo) lo = inv[i]; if (inv[i] > hi) hi = inv[i]; }
  const bins = Math.max(1, Math.min(41, Math.round(hi - lo) + 1));
  const width = hi > lo ? (hi - lo) / bins : 1;
  const counts = new Float64Array(bins);
  for (let i = 0; i < inv.length; i++) counts[Math.min(bins - 1, Math.floor((inv[i] - lo) / width))]++;
  const centre = new Float64Array(bins);
  for (let b = 0; b < bins; b++) { centre[b] = lo + (b + 0.5) * width; counts[b] /= Math.max(1, inv.length); }
  return {
    metrics: r.metrics,
    attribution: r.attribution,
    benchmark: r.benchmark,
    regimeShares: r.regimeShares,
    riskLog: r.riskLog.slice(0, 200),
    resolved: r.resolved,
    refMid: referenceMid({ mid: r.mid }),
    fills: nf,
    fillMarks: { time: gather(r.fills.time, fi), price: gather(r.fills.price, fi), side: gather(r.fills.side, fi) },
    inventoryHist: { centre, share: counts },
  };
}

