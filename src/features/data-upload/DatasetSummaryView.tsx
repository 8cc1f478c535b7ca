import { useDataset } from '../../stores/dataset-store';
import { useParams } from '../../stores/params-store';
import { closedTimeHint } from '../../stores/figures';
import { formatCount, formatDuration, formatNumber, formatTime } from './format';

/** What was loaded: rows, time span, median tick interval, median spread, return std, rows skipped. */
export function DatasetSummaryView() {
  const dataset = useDataset((s) => s.dataset);
  const origin = useDataset((s) => s.origin);
  const yearBasis = useParams((s) => s.params.yearBasis);
  const setYearBasis = useParams((s) => s.setYearBasis);
  if (!dataset) return null;
  const { summary: s, name, kind, columns } = dataset;
  // Only where it changes something: on the 24/7 basis closed days count as flat buckets.
  const closedHint = yearBasis === '24/7' ? closedTimeHint(s) : null;
  const trades = columns.tradeTime?.length;
  return (
    <section className="dataset-summary" data-testid="dataset-summary" aria-label="dataset summary">
      <p className="dataset-name">
        <strong data-testid="dataset-name">{name}</strong> · {kind}
        {trades !== undefined ? ` with ${formatCount(trades)} aligned trades` : ''}
        {dataset.seed !== undefined ? ` · seed ${dataset.seed}` : ''}
        {dataset.loadMs !== undefined && origin !== 'restored' ? <span className="hint"> · read in <span data-testid="load-ms">{Math.round(dataset.loadMs)}</span> ms in a background worker</span> : null}
        {origin === 'restored' ? <span className="hint" data-testid="restored-note"> · restored from this browser's saved data</span> : null}
        {dataset.saved === false ? <span className="error"> · could not be saved for the next visit ({dataset.saveError})</span> : null}
      </p>
      <dl className="cards">
        <div className="card"><dt>Rows</dt><dd data-testid="summary-rows">{formatCount(s.rows)}</dd></div>
        <div className="card"><dt>Time span</dt><dd>{formatDuration(s.spanSec)}<span className="unit" style={{ display: 'block', marginLeft: 0 }}>{dataset.source === 'synthetic' ? `simulated time ${formatDuration(s.startTime)} → ${formatDuration(s.endTime)}` : `${formatTime(s.startTime)} → ${formatTime(s.endTime)}`}</span></dd></div>
        <div className="card"><dt>{kind === 'bars' ? 'Median bar interval' : 'Median tick interval'}</dt><dd>{formatDuration(s.medianTickIntervalSec)}</dd></div>
        <div className="card"><dt>Median spread</dt><dd>{Number.isFinite(s.medianSpreadBps) ? `${formatNumber(s.medianSpreadBps)} bps` : '—'}<span className="unit" style={{ display: 'block', marginLeft: 0 }}>{kind === 'quotes' ? '(ask − bid) / mid' : 'needs quotes'}</span></dd></div>
        <div className="card"><dt>Return std</dt><dd>{Number.isFinite(s.returnStd) ? `${formatNumber(s.returnStd * 1e4)} bps` : '—'}<span className="unit" style={{ display: 'block', marginLeft: 0 }}>{kind === 'bars' ? 'per bar, log returns of the close' : 'per tick, log returns'}</span></dd></div>
        <div className="card"><dt>Rows skipped</dt><dd data-testid="summary-skipped">{formatCount(s.rowsSkipped)}</dd></div>
      </dl>
      {closedHint !== null ? (
        <p className="muted" data-testid="closed-time-hint">
          {closedHint}{' '}
          <button type="button" onClick={() => setYearBasis('24/5')}>Use the FX year (24/5)</button>{' '}
          <button type="button" onClick={() => setYearBasis('exchange')}>Use the exchange year</button>
        </p>
      ) : null}
    </section>
  );
}
