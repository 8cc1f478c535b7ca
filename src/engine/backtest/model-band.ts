import { prepareData } from './data';
import { resolveConfig } from './config';
import { createOutputs } from './recorder';
import { runBacktestInto } from './run';
import { prepareGridConfig } from './grid';
import { fillModelSpecs } from './fills/registry';
import type { BacktestConfig, FillConfig, MarketData } from './types';

/** One fill-model assumption of the band and what the same strategy made under it. */
export interface ModelBandRow {
  /** config.fill.model. */
  model: string;
  /** For 'queue': the queue model and power (n) used. */
  queueModel?: FillConfig['queueModel'];
  queuePower?: number;
  /** A short name for the row, e.g. "queue (power n = 2)". */
  label: string;
  /** Net PnL, quote currency. */
  netPnl: number;
  fills: number;
  fillRate: number;
  volume: number;
  spreadCapture: number;
  adverseSelection: number;
}

export interface ModelBand {
  rows: ModelBandRow[];
  /** Registered models that do not apply to this data, with the reason. */
  skipped: { model: string; reason: string }[];
  /** Lowest and highest net PnL over the rows (how much the conclusion depends on the fill assumption). */
  netPnlRange: [number, number];
  /** What the rows cannot say themselves, e.g. why the queue variants coincide (sameQueueNote). */
  notes: string[];
}

/**
 * Why the band leaves out 'poisson' when its arrival rate A could not be estimated: the 1-per-second
 * default is no fill model of the data (on 1-minute bars it filled both sides of every bar, the band's
 * widest row by far, out of an assumption).
 */
const POISSON_ASSUMED_A = 'no trades to estimate its arrival rate A from: the default of 1 per second would be an assumption, not this market';

/** The 'queue' variants of the band: the risk-averse model, the power model with n = 1, 2, 3, and the log model. */
const QUEUE_VARIANTS: { queueModel: NonNullable<FillConfig['queueModel']>; queuePower?: number; label: string }[] = [
  { queueModel: 'risk-averse', label: 'queue (risk-averse)' },
  { queueModel: 'power', queuePower: 1, label: 'queue (power n = 1)' },
  { queueModel: 'power', queuePower: 2, label: 'queue (power n = 2)' },
  { queueModel: 'power', queuePower: 3, label: 'queue (power n = 3)' },
  { queueModel: 'log', label: 'queue (log)' },
];

/**
 * The same strategy and settings run under every fill model that applies to the data (and the
 * queue model's variants), so a user sees how much the result depends on the fill assumption.
 * The Kalman and HMM fits are done once and shared by every run; only config.fill changes.
 * `onRow` reports each row as it is done.
 */
export function fillModelBand(data: MarketData, config: BacktestConfig = {}, onRow?: (row: ModelBandRow, done: number, total: number) => void): ModelBand {
  const d = prepareData(data);
  const base = prepareGridConfig(data, { ...config, regime: { ...config.regime, viterbi: false } }, { x: { param: 'fill.model', values: [] }, y: { param: 'fill.queuePower', values: [] } });
  const plan: { fill: FillConfig; label: string; model: string }[] = [];
  const skipped: ModelBand['skipped'] = [];
  const assumedA = resolveConfig(d, data, { ...base, fill: { ...config.fill, model: 'poisson' } }).fillAAssumed;
  for (const spec of fillModelSpecs()) {
    const why = spec.id === 'poisson' && assumedA ? POISSON_ASSUMED_A : spec.unavailable(d);
    if (why !== null) { skipped.push({ model: spec.id, reason: why }); continue; }
    if (spec.id === 'queue') for (const v of QUEUE_VARIANTS) plan.push({ model: 'queue', label: v.label, fill: { ...config.fill, model: 'queue', queueModel: v.queueModel, queuePower: v.queuePower ?? config.fill?.queuePower } });
    else plan.push({ model: spec.id, label: spec.id, fill: { ...config.fill, model: spec.id } });
  }
  const scratch = createOutputs(d.n);
  const rows: ModelBandRow[] = [];
  let lo = Infinity, hi = -Infinity;
  plan.forEach((p, k) => {
    const r = runBacktestInto(data, { ...base, fill: p.fill }, undefined, scratch);
    const row: ModelBandRow = {
      model: p.model, label: p.label,
      ...(p.model === 'queue' ? { queueModel: r.resolved.queueModel, ...(r.resolved.queueModel === 'power' ? { queuePower: r.resolved.queuePower } : {}) } : {}),
      netPnl: r.attribution.net, fills: r.metrics.fills, fillRate: r.metrics.fillRate, volume: r.metrics.volume,
      spreadCapture: r.attribution.spreadCapture, adverseSelection: r.attribution.adverseSelection,
    };
    if (row.netPnl < lo) lo = row.netPnl;
    if (row.netPnl > hi) hi = row.netPnl;
    rows.push(row);
    onRow?.(row, k + 1, plan.length);
  });
  const notes: string[] = [];
  const same = sameQueueNote(rows);
  if (same !== null) notes.push(same);
  return { rows, skipped, netPnlRange: rows.length > 0 ? [lo, hi] : [0, 0], notes };
}

/**
 * When every queue variant booked the same fills (same count, volume and net PnL), why: the variants
 * differ only in how a cancellation at our price is split between the queue ahead of our order and
 * the queue behind it (queue.ts), so that split never changed a fill — as when orders are re-placed
 * so often that they are last in their queue, with no one behind them. Else null.
 */
function sameQueueNote(rows: readonly ModelBandRow[]): string | null {
  const q = rows.filter((r) => r.model === 'queue');
  if (q.length < 2 || !q.every((r) => r.fills === q[0].fills && r.volume === q[0].volume && r.netPnl === q[0].netPnl)) return null;
  return `The ${q.length} queue variants booked the same fills. They differ only in how a cancellation at our price is split between the queue ahead of our order and the queue behind it, so here that split never changed a fill (it matters only once someone queues behind our order; an order that has just joined a level is last in its queue).`;
}
