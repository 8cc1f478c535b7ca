import type { CompareRow } from '../../stores/lab-store';
import { fmtCount, fmtPct, fmtPnl, fmtRatio } from '../../lib/format';
import { STRATEGY_COLOURS, strategyLabel } from './compare-rows';

function sharpeCell(r: CompareRow): string {
  const s = r.metrics.sharpeStats;
  if (!s) return fmtRatio(r.metrics.sharpe);
  const ci = s.ci ? `, [${fmtRatio(s.ci.lo)}, ${fmtRatio(s.ci.hi)}]` : '';
  return `${fmtRatio(s.sharpe)} (n = ${s.buckets}${ci})`;
}

/** The strategies ranked by net PnL, with the figures that explain the ranking; each Sharpe with its bucket count and interval. */
export function CompareTable({ ranked }: { ranked: readonly CompareRow[] }) {
  return (
    <table className="table" style={{ marginBottom: 12 }} data-testid="compare-table" aria-label="Strategies ranked by net PnL">
      <thead>
        <tr>
          <th scope="col">Rank</th>
          <th scope="col" style={{ textAlign: 'left' }}>Strategy</th>
          <th scope="col">Net PnL (quote ccy)</th>
          <th scope="col">Sharpe per bucket (n, 95 % CI)</th>
          <th scope="col">Max drawdown (quote ccy)</th>
          <th scope="col">Fills</th>
          <th scope="col">Fill rate (% of quotes sent that filled)</th>
          <th scope="col">Spread capture (quote ccy)</th>
          <th scope="col">Adverse selection (quote ccy)</th>
        </tr>
      </thead>
      <tbody>
        {ranked.map((r, i) => (
          <tr key={r.strategy} data-strategy={r.strategy}>
            <td>{i + 1}</td>
            <th scope="row" style={{ textAlign: 'left', whiteSpace: 'nowrap' }}>
              <span aria-hidden="true" style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 2, marginRight: 6, background: STRATEGY_COLOURS[r.strategy] }} />
              {strategyLabel(r.strategy)}
            </th>
            <td>{fmtPnl(r.attribution.net)}</td>
            <td style={{ whiteSpace: 'nowrap' }}>{sharpeCell(r)}</td>
            <td>{fmtPnl(r.metrics.maxDrawdown)}</td>
            <td>{fmtCount(r.metrics.fills)}</td>
            <td>{fmtPct(r.metrics.fillRate, 2)}</td>
            <td>{fmtPnl(r.attribution.spreadCapture)}</td>
            <td>{fmtPnl(r.attribution.adverseSelection)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
