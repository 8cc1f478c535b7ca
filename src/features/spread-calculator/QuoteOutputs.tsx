import type { CalculatorResult } from '../../stores/calculator-derived';
import type { CalculatorParams } from '../../stores/calculator-params';
import { fmtBps, fmtPrice } from './format';

/** The headline numbers and a live quote ladder (ask, centre, mid, bid in price order). */
export function QuoteOutputs({ params, result }: { params: CalculatorParams; result: CalculatorResult }) {
  const centreLabel = params.model === 'glft' ? 'Quote centre' : 'Reservation r';
  const rows = [
    { key: 'ask', label: 'Ask', price: result.ask },
    { key: 'centre', label: centreLabel, price: result.reservation },
    { key: 'mid', label: 'Mid S', price: params.mid },
    { key: 'bid', label: 'Bid', price: result.bid },
  ].sort((a, b) => b.price - a.price);
  return (
    <div className="outputs">
      <dl className="cards">
        <div className="card"><dt>Optimal half-spread δ*</dt><dd data-testid="out-half-spread">{fmtBps(result.halfSpreadBps)}</dd><span className="unit">bps</span></div>
        <div className="card"><dt>Reservation skew r − S</dt><dd data-testid="out-skew">{fmtBps(result.skewBps)}</dd><span className="unit">bps</span></div>
        <div className="card"><dt>Full spread</dt><dd data-testid="out-full-spread">{fmtBps(result.fullSpreadBps)}</dd><span className="unit">bps</span></div>
      </dl>
      <table className="ladder" aria-label="Quote ladder">
        <thead><tr><th scope="col">Level</th><th scope="col">Price</th><th scope="col">From mid (bps)</th></tr></thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className={`ladder-${r.key}`}>
              <th scope="row">{r.label}</th>
              <td data-testid={`out-${r.key}`}>{fmtPrice(r.price, params.mid)}</td>
              <td>{fmtBps(((r.price - params.mid) / params.mid) * 1e4)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
