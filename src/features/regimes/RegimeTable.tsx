import type { RegimeRow } from '../../stores/lab-store';
import { fmtBps, fmtDuration, fmtNum, fmtPct } from '../../lib/format';
import { regimeColour } from './regime-rows';

/** One row per regime: how often, how volatile, the AS half-spread it implies, and how it traded. */
export function RegimeTable({ rows }: { rows: readonly RegimeRow[] }) {
  return (
    <table className="table" style={{ marginBottom: 12 }} data-testid="regime-table" aria-label="Statistics per regime">
      <thead>
        <tr>
          <th scope="col">Regime</th>
          <th scope="col">Share of time</th>
          <th scope="col">σ (price/√s)</th>
          <th scope="col">κ (1/price)</th>
          <th scope="col">δ* (bps)</th>
          <th scope="col">Fill rate (fills/tick)</th>
          <th scope="col" title="Mean stay in the regime once entered: bucket length / (1 − p_kk)">Expected duration</th>
          <th scope="col">PnL share</th>
          <th scope="col" title="λ(δ) = A·e^(−κδ) fitted on the trades printed while this regime held">κ from its trades (1/price)</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.state} data-state={r.state}>
            <th scope="row">
              <span aria-hidden="true" style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 2, marginRight: 6, background: regimeColour(r.label, r.state) }} />
              {r.label}
            </th>
            <td>{fmtPct(r.timeShare)}</td>
            <td>{fmtNum(r.sigmaPerSqrtSec)}</td>
            <td>{fmtNum(r.kappa)}</td>
            <td>{fmtBps(r.halfSpreadBps)}</td>
            <td>{fmtNum(r.fillRate)}</td>
            <td title={`${fmtNum(r.expectedDurationSec)} s`}>{fmtDuration(r.expectedDurationSec)}</td>
            <td>{fmtPct(r.pnlShare)}</td>
            <td>{Number.isFinite(r.kappaTrades) ? fmtNum(r.kappaTrades) : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
