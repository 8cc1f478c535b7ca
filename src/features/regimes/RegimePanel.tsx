import { useDeferredValue, useMemo } from 'react';
import { Panel } from '../../components/ui/Panel';
import { StaleNote } from '../../components/ui/StaleNote';
import { useLab } from '../../stores/lab-store';
import { fmtNum } from '../../lib/format';
import { RegimeCharts } from './RegimeCharts';
import { RegimeTable } from './RegimeTable';
import { alignToStrategyRegimes } from './regime-rows';
import { useReplayCursor } from '../../stores/replay-cursor';

/** Gaussian HMM on mid changes over time buckets: where the regimes switch and what each one implies for quoting. */
export function RegimePanel() {
  const view = useLab((s) => s.regimes);
  const regimesError = useLab((s) => s.regimesError);
  // Deferred: streamed partial series re-render the spread chart in interruptible background renders.
  const series = useDeferredValue(useLab((s) => s.series));
  const status = useLab((s) => s.status);
  const stale = useLab((s) => s.stale);
  const replay = useReplayCursor();
  const shares = useLab((s) => s.summary?.regimeShares);
  const strategyLabels = useMemo(() => (shares ?? []).map((r) => r.label), [shares]);
  const rows = useMemo(() => (view ? alignToStrategyRegimes(view.rows, shares) : []), [view, shares]);
  return (
    <Panel
      id="regimes"
      title="Regimes"
      subtitle="Hidden Markov model on mid changes over fixed time buckets (fitted on a prefix, Viterbi path and smoothed posteriors over all buckets). δ* is the AS half-spread with each regime's σ and the κ the strategy quotes with in it (the κ fitted on the regime's own trades is in the last column, for comparison); fill rate and PnL share come from the backtest's own causal regimes, matched by label (“—” when the strategy does not switch regimes)."
    >
      <StaleNote status={status} stale={stale && view !== null} />
      {view ? (
        <>
          <dl className="metric-cards" aria-label="Regime model">
            <div className="card"><dt>States K</dt><dd><span data-testid="regime-k">{view.nStates}</span><span className="unit" style={{ display: 'block', marginLeft: 0 }}>set in the run controls</span></dd></div>
            <div className="card"><dt>Bucket</dt><dd><span data-testid="regime-bucket">{fmtNum(view.bucketSec)}</span><span className="unit" style={{ display: 'block', marginLeft: 0 }}>s per observation (run controls); fitted on {view.fittedBuckets} buckets</span></dd></div>
            <div className="card"><dt>Log-likelihood</dt><dd data-testid="regime-loglik">{fmtNum(view.logLik, 6)}</dd></div>
            <div className="card"><dt>EM converged</dt><dd data-testid="regime-converged">{view.converged ? 'yes' : 'no'}</dd></div>
          </dl>
          {view.notes.length > 0 ? (
            <ul className="muted" aria-label="Notes on the regime fit" data-testid="regime-notes" style={{ margin: '0 0 8px', paddingLeft: 18 }}>
              {view.notes.map((n) => <li key={n}>{n}</li>)}
            </ul>
          ) : null}
          <div style={{ overflowX: 'auto' }}><RegimeTable rows={rows} /></div>
          <RegimeCharts view={view} rows={rows} series={series} strategyLabels={strategyLabels} replay={replay} />
        </>
      ) : (
        <p className="muted" role="status" data-testid="regimes-waiting">{regimesError !== null ? `No regime view for this run: ${regimesError}.` : status === 'error' ? 'The run failed; see the run controls.' : 'Waiting for the run…'}</p>
      )}
    </Panel>
  );
}
