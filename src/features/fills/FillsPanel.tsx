import { useDeferredValue, useState } from 'react';
import { Panel } from '../../components/ui/Panel';
import { downloadBlob } from '../../components/ui/export';
import { useLab, type FillsView } from '../../stores/lab-store';
import { maybeLabSession } from '../../stores/lab-session';
import { fmtNum, fmtPrice, fmtQty } from '../../lib/format';
import { fmtClockMicros } from '../../lib/time-axis';
import { IntensityView } from './IntensityChart';
import { MarkoutChart } from './MarkoutChart';

/** Blotter rows per page (the lab worker's page size). */
const PAGE = 50;
const SOURCE = ['', 'trade', 'quote', 'Poisson', 'flatten'];
// FILL_SOURCE_QUOTE (2) under the 'bar' model is a bar's range, not a quote update.

function act(f: () => Promise<unknown> | undefined, setErr: (e: string) => void) {
  setErr('');
  f()?.catch((e: unknown) => setErr(e instanceof Error ? e.message : String(e)));
}

/** Which fill model ran and why (the choice is in the Backtest controls), and the run's notes. */
function ModelChoice({ view }: { view: FillsView }) {
  return (
    <div className="fills-model">
      <p data-testid="fill-model-reason"><strong>{view.fillModel}</strong>: {view.fillModelReason}</p>
      {view.notes.length > 0 ? <ul className="muted" data-testid="run-notes">{view.notes.map((n) => <li key={n}>{n}</li>)}</ul> : null}
    </div>
  );
}

/** One page of the blotter, with paging and the whole blotter as CSV. */
function Blotter({ view }: { view: FillsView }) {
  const [err, setErr] = useState('');
  const p = view.page;
  const n = p.time.length;
  // Fill times as UTC clocks to the µs (fills share milliseconds), with the date when the data span more than a day.
  const multiDay = useLab((s) => { const t = s.series?.price.time; return t !== undefined && t.length > 1 && t[t.length - 1] - t[0] > 86_400; });
  // Prices with the tick's decimals (mids one more: half a tick), sizes with the lot's: one style per column.
  const tick = useLab((s) => s.summary?.resolved.tickSize ?? 0);
  const lot = useLab((s) => s.summary?.resolved.lotSize ?? 0);
  const go = (offset: number) => act(() => maybeLabSession()?.fillsPage(offset, PAGE), setErr);
  return (
    <div data-testid="blotter">
      <div className="blotter-actions">
        <span>Fills {(view.total === 0 ? 0 : view.offset + 1).toLocaleString('en-US')}–{(view.offset + n).toLocaleString('en-US')} of {view.total.toLocaleString('en-US')}</span>{' '}
        <button type="button" className="small" disabled={view.offset === 0} onClick={() => go(Math.max(0, view.offset - PAGE))}>Previous</button>{' '}
        <button type="button" className="small" disabled={view.offset + n >= view.total} onClick={() => go(view.offset + PAGE)}>Next</button>{' '}
        <button type="button" className="small" data-testid="blotter-csv" onClick={() => act(() => maybeLabSession()?.blotterCsv().then((csv) => downloadBlob(new Blob([csv], { type: 'text/csv' }), 'fills.csv')), setErr)}>Export CSV</button>
      </div>
      {err ? <p className="error" role="alert">{err}</p> : null}
      <div className="table-scroll">
        <table className="table">
          <thead><tr><th>time (UTC)</th><th>side</th><th>price (quote ccy)</th><th>size (asset)</th><th>mid at fill (quote ccy)</th><th>fee (quote ccy)</th><th>liquidity</th><th>queue ahead (asset)</th><th>filled by</th></tr></thead>
          <tbody>
            {Array.from({ length: n }, (_, k) => (
              <tr key={view.offset + k}>
                <td>{fmtClockMicros(p.time[k], multiDay)}</td>
                <td>{p.side[k] > 0 ? 'buy' : 'sell'}</td>
                <td>{tick > 0 ? fmtPrice(p.price[k], tick) : fmtNum(p.price[k], 10)}</td>
                <td>{fmtQty(p.size[k], lot)}</td>
                <td>{tick > 0 ? fmtPrice(p.midAtFill[k], tick / 2) : fmtNum(p.midAtFill[k], 10)}</td>
                <td>{fmtNum(p.fee[k], 4)}</td>
                <td>{p.liquidity[k] > 0 ? 'maker' : 'taker'}</td>
                <td>{Number.isFinite(p.queueAhead[k]) ? fmtQty(p.queueAhead[k], lot) : '—'}</td>
                <td>{p.source[k] === 2 && view.fillModel === 'bar' ? 'bar' : SOURCE[p.source[k]] ?? ''} #{p.sourceIndex[k]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** The same strategy under every applicable fill model: how much the conclusion depends on the assumption. */
function ModelBandView() {
  const band = useLab((s) => s.modelBand);
  const status = useLab((s) => s.modelBandStatus);
  const error = useLab((s) => s.modelBandError);
  return (
    <div data-testid="model-band">
      <button type="button" onClick={() => void maybeLabSession()?.modelBand()} disabled={status === 'running'}>
        {status === 'running' ? 'Running every fill model…' : 'Run under every fill model'}
      </button>
      {error ? <p className="error" role="alert">{error}</p> : null}
      {band ? (
        <>
          <p data-testid="band-range">{band.rows.length === 1
            ? `Net PnL ${fmtNum(band.netPnlRange[0])} quote ccy under the one fill model that applies to these data: no spread of assumptions to show.`
            : `Net PnL from ${fmtNum(band.netPnlRange[0])} to ${fmtNum(band.netPnlRange[1])} quote ccy across ${band.rows.length} fill assumptions.`}</p>
          <table className="table">
            <thead><tr><th>fill model</th><th>net PnL (quote ccy)</th><th>fills</th><th>fill rate (of quotes sent)</th><th>spread capture (quote ccy)</th><th>adverse selection (quote ccy)</th></tr></thead>
            <tbody>
              {band.rows.map((r) => (
                <tr key={r.label}><td>{r.label}</td><td>{fmtNum(r.netPnl)}</td><td>{r.fills}</td><td>{(100 * r.fillRate).toFixed(1)} %</td><td>{fmtNum(r.spreadCapture)}</td><td>{fmtNum(r.adverseSelection)}</td></tr>
              ))}
            </tbody>
          </table>
          {band.notes.map((n) => <p key={n} className="muted" data-testid="model-band-note">{n}</p>)}
          {band.skipped.length > 0 ? <p className="muted">Not applicable: {band.skipped.map((s) => `${s.model} (${s.reason})`).join('; ')}.</p> : null}
        </>
      ) : null}
    </div>
  );
}

/** Fills: the fill model and why, markouts, the blotter, and the band across fill models. */
export function FillsPanel() {
  // Deferred, like the other panels: a finished run re-renders this panel in an interruptible background render.
  const view = useDeferredValue(useLab((s) => s.fills));
  if (!view) return <Panel id="fills" title="Fills & markouts"><p className="muted">Waiting for the run…</p></Panel>;
  return (
    <Panel id="fills" title="Fills & markouts" subtitle={`${view.total.toLocaleString('en-US')} fill${view.total === 1 ? '' : 's'}. A markout is side·(mid h seconds later − mid at the fill)/mid, in bps: negative means the price moved against the fill.`}>
      <ModelChoice view={view} />
      {view.total > 0 ? (
        <>
          <MarkoutChart points={view.markouts} />
          <Blotter view={view} />
        </>
      ) : (
        // An empty chart and a header-only table say nothing; this says why they are not there.
        <p className="muted" data-testid="no-fills">No fills in this run: no markouts to draw and no blotter rows. The fill model above says when a quote fills.</p>
      )}
      <ModelBandView />
      <IntensityView />
    </Panel>
  );
}
