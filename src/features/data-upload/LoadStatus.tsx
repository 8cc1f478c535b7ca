import { useDataset } from '../../stores/dataset-store';
import { cancelLoad } from '../../stores/dataset-loader';
import { formatBytes, formatCount } from './format';

/** Progress (bytes and rows) with Cancel while loading; the error, with its line and field, after a failure. */
export function LoadStatus() {
  const status = useDataset((s) => s.status);
  const label = useDataset((s) => s.loadingLabel);
  const progress = useDataset((s) => s.progress);
  const error = useDataset((s) => s.error);
  if (status === 'loading') {
    const total = progress && Number.isFinite(progress.totalBytes) ? progress.totalBytes : undefined;
    return (
      <div className="load-status" data-testid="load-progress" aria-live="polite">
        <div>
          Loading {label}
          {progress ? ` — ${progress.file}: ${formatBytes(progress.bytes)}${total ? ` of ${formatBytes(total)}` : ''}, ${formatCount(progress.rows)} rows` : '…'}
        </div>
        <progress value={progress && total ? Math.min(progress.bytes, total) : undefined} max={total ?? 1} aria-label="loading progress" />
        <button type="button" onClick={cancelLoad} data-testid="cancel-load">
          Cancel
        </button>
      </div>
    );
  }
  if (status === 'cancelled') return <p className="load-status">Loading cancelled.</p>;
  if (status === 'error' && error) {
    const where = [error.file, error.line > 0 ? `line ${error.line}` : '', error.field ? `field "${error.field}"` : ''].filter(Boolean).join(', ');
    return (
      <div className="load-error" role="alert" data-testid="load-error">
        <strong>Could not load {where}:</strong> {error.message}
      </div>
    );
  }
  return null;
}
