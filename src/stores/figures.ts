import { closedTimeHint, describeDuration, rankByNetPnl, RANKING_STATISTIC, yearBasisLabel } from '../engine';
import type { CompareRow } from './lab-store';

/** Panels read the engine's figure helpers through the stores (features never call the engine). */
export { closedTimeHint, describeDuration, RANKING_STATISTIC, yearBasisLabel };

/** The compare rows in the engine's one ranking (rankByNetPnl: best net PnL first, NaN last, ties in input order). */
export function rankCompareRows(rows: readonly CompareRow[]): CompareRow[] {
  return rankByNetPnl(rows.map((r) => r.metrics)).map((i) => rows[i]);
}
