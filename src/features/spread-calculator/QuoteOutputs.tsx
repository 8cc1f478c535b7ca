import type { CalculatorResult } from '../../stores/calculator-derived';
import type { CalculatorParams } from '../../stores/calculator-params';
import { fmtBps, fmtPrice } from './format';

/** The headline numbers and a live quote ladder (ask, centre, mid, bid in price order). */
export function QuoteOutputs({ params, result }: { params: CalculatorParams; result: CalculatorResult }) {
  const centreLabel = params.model === 'glft' ? 'Quote centre' : 'Reservation r';
  // A side the bound Q leaves unquoted stays at its end of the ladder.
  const rows = [
    { key: 'ask', label: 'Ask', price: result.ask, order: Number.isNaN(result.ask) ? Infinity : result.ask },
    { key: 'centre', label: centreLabel, price: result.reservation, order: result.reservation },
    { key: 'mid', label: 'Mid S', price: params.mid, order: params.mid },
    { key: 'bid', label: 'Bid', price: result.bid, order: Number.isNaN(result.bid) ? -Infinity : result.bid },
  ].sort((a, b) => b.order - a.order);
  const unquoted = Number.isNaN(result.bid) ? `No bid: a buy would take q = ${params.q} above Q = ${params.maxQ}.`
    : Number.isNaN(result.ask) ? `No ask: a sale would take q = ${params.q} below −Q = −${params.maxQ}.` : null;
  return (
    <div className="outputs">
      <dl className="cards">
        <div className="card"><dt>Optimal half-spread δ*</dt><dd><span data-testid="out-half-spread">{fmtBps(result.halfSpreadBps)}</span><span className="unit" style={{ display: 'block', marginLeft: 0 }}>bps</span></dd></div>
        <div className="card"><dt>Reservation skew r − S</dt><dd><span data-testid="out-skew">{fmtBps(result.skewBps)}</span><span className="unit" style={{ display: 'block', marginLeft: 0 }}>bps</span></dd></div>
        <div className="card"><dt>Full spread</dt><dd><span data-testid="out-full-spread">{fmtBps(result.fullSpreadBps)}</span><span className="unit" style={{ display: 'block', marginLeft: 0 }}>bps</span></dd></div>
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
      {unquoted ? <p className="note" role="status" data-testid="out-unquoted">{unquoted}</p> : null}
    </div>
  );
}
