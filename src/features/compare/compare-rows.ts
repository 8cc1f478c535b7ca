import type { StrategyId } from '../../engine';
import { rankCompareRows } from '../../stores/figures';
import type { CompareRow } from '../../stores/lab-store';
import { LAB_STRATEGIES } from '../../stores/lab-settings';
import { secondsFrom } from '../../lib/format';

export const STRATEGY_COLOURS: Record<StrategyId, string> = {
  symmetric: '#9aa5b1',
  skew: '#d68910',
  as: '#2457c5',
  'as-kalman': '#1e874b',
  'as-regime': '#8e44ad',
  glft: '#b83227',
};

export function strategyLabel(id: StrategyId): string {
  return LAB_STRATEGIES.find((s) => s.id === id)?.label ?? id;
}

/** The engine's ranking (rankByNetPnl, through the stores): best net PnL first, NaN last, ties in input order. */
export function rankByNet(rows: readonly CompareRow[]): CompareRow[] {
  return rankCompareRows(rows);
}

/** Best Sharpe first; a NaN Sharpe (no PnL variation) ranks last; ties broken by net PnL. (Kept for callers; the panel ranks by net PnL.) */
export function rankBySharpe(rows: readonly CompareRow[]): CompareRow[] {
  const key = (r: CompareRow) => (Number.isNaN(r.metrics.sharpe) ? -Infinity : r.metrics.sharpe);
  return [...rows].sort((a, b) => key(b) - key(a) || b.attribution.net - a.attribution.net);
}

export interface EquityLine { strategy: StrategyId; x: Float64Array; pnl: Float64Array }

/** Each strategy's downsampled PnL curve on one clock: x in seconds from the earliest first point of all curves. */
export function equityLines(rows: readonly CompareRow[]): EquityLine[] {
  let t0 = Infinity;
  for (const r of rows) if (r.pnl.time.length > 0 && r.pnl.time[0] < t0) t0 = r.pnl.time[0];
  return rows.map((r) => ({ strategy: r.strategy, x: secondsFrom(r.pnl.time, t0), pnl: r.pnl.pnl }));
}

/** Long-format CSV columns of every curve: rank (1 = best net PnL), time, PnL. */
export function equityCsv(ranked: readonly CompareRow[]): Record<string, Float64Array> {
  const n = ranked.reduce((s, r) => s + r.pnl.time.length, 0);
  const rank = new Float64Array(n), time = new Float64Array(n), pnl = new Float64Array(n);
  let k = 0;
  ranked.forEach((r, j) => {
    rank.fill(j + 1, k, k + r.pnl.time.length);
    time.set(r.pnl.time, k);
    pnl.set(r.pnl.pnl, k);
    k += r.pnl.time.length;
  });
  return { rank, time, pnl };
}
