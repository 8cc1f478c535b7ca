/** The statistic strategies are ranked by, stated where the ranking is shown. */
export const RANKING_STATISTIC = {
  field: 'totalPnl',
  label: 'net PnL',
  note: 'Ranked by net PnL over the same data. Sharpe ratios from a handful of buckets are too noisy to rank by; each carries its bucket count and interval.',
} as const;

/**
 * Row indices best first by net PnL (metrics.totalPnl), ties kept in input order, NaN last.
 * One ranking for every view that orders strategies.
 */
export function rankByNetPnl(rows: readonly { totalPnl: number }[]): number[] {
  const key = (i: number) => (Number.isNaN(rows[i].totalPnl) ? -Infinity : rows[i].totalPnl);
  return rows.map((_, i) => i).sort((a, b) => {
    const na = Number.isNaN(rows[a].totalPnl), nb = Number.isNaN(rows[b].totalPnl);
    if (na !== nb) return na ? 1 : -1;
    return key(b) - key(a) || a - b;
  });
}
