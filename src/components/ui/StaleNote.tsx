import './stale-note.css';

/**
 * Why the figures in a panel are not the current settings' run, or null when they are (or while a
 * run is going: its partial results replace them as they arrive, so no note flashes on every run).
 */
export function staleReason(status: string, stale: boolean): string | null {
  if (!stale || status === 'running') return null;
  if (status === 'error') return 'The last run failed: the figures here are from an earlier run (or the part of the failed one that finished), not the current data and settings.';
  if (status === 'cancelled') return 'The last run was cancelled: the figures here are from an earlier run (or the part of it that finished), not the current data and settings.';
  return 'The figures here are from an earlier run, not the current data and settings.';
}

/** A panel's subtitle while it has series but no finished run's figures: partial while running, else why there are none. */
export function pendingSubtitle(status: string): string {
  if (status === 'running') return 'Partial results — the run is still going.';
  if (status === 'error') return 'No figures: the last run failed (its reason is in the Backtest controls).';
  if (status === 'cancelled') return 'No figures: the last run was cancelled.';
  return 'No figures yet: no run has finished on this data.';
}

/**
 * What a chart drawn from a run's summary (attribution, histograms) shows while there is none: the
 * summary comes only when a run finishes, so a failed or cancelled run leaves none, whatever series
 * the panel still draws from an earlier run.
 */
export function pendingChartNote(status: string): string {
  if (status === 'running') return 'Drawn when the run finishes…';
  if (status === 'error') return 'Not drawn: the last run failed.';
  if (status === 'cancelled') return 'Not drawn: the last run was cancelled.';
  return 'Waiting for the run…';
}

/** A panel's line saying its figures belong to another run (nothing when they are current). */
export function StaleNote({ status, stale }: { status: string; stale: boolean }) {
  const reason = staleReason(status, stale);
  return reason ? <p className="stale-note" role="status" data-testid="panel-stale">{reason}</p> : null;
}
