import type { KalmanView } from '../../stores/lab-store';
import { fmtDuration, fmtNum, fmtPValue } from '../../lib/format';

function Card({ id, label, value, unit, title }: { id: string; label: string; value: string; unit?: string; title?: string }) {
  return (
    <div className="card" title={title}>
      <dt>{label}</dt>
      <dd>
        <span data-testid={`kalman-${id}`}>{value}</span>
        {unit ? <span className="unit" style={{ display: 'block', marginLeft: 0 }}>{unit}</span> : null}
      </dd>
    </div>
  );
}

/** The filter's fitted parameters and diagnostics, and the OU fit of the filtered mid. */
export function KalmanCards({ view }: { view: KalmanView }) {
  const white = view.white;
  const ou = view.ou;
  const method = view.fitMethod === 'ml' ? 'maximum likelihood (exact diffuse local level)' : 'moments (the likelihood could not be fitted)';
  const source = view.byHand ? 'set by hand' : `${view.fitMethod === 'ml' ? 'ML' : 'moment'} fit on the first ${view.fittedOn} ticks`;
  return (
    <>
      <dl className="metric-cards" aria-label="Kalman filter fit and diagnostics">
        <Card id="q" label="State noise q" value={fmtNum(view.q)} unit="price²/tick" title={source} />
        <Card id="r" label="Observation noise r" value={fmtNum(view.r)} unit="price²/tick" title={source} />
        <Card id="kinf" label="Steady-state gain K∞" value={fmtNum(view.steadyStateGain)} />
        <Card id="rmse" label="RMSE filtered vs raw" value={fmtNum(view.rmseFilteredVsRaw)} unit="price" />
        <Card id="smoothing" label="Smoothing ratio" value={fmtNum(view.smoothingRatio)} title="std(filtered) / std(raw); below 1 means the filter smooths" />
        <Card id="innov-std" label="Innovation std" value={fmtNum(view.innovationStd)} unit="price" />
        <Card id="lb-q" label={`Ljung-Box Q (${view.lags} lags)`} value={fmtNum(view.ljungBoxQ)} />
        <div className="card">
          <dt>Ljung-Box p vs 0.05</dt>
          <dd>
            <span data-testid="kalman-lb-p">{fmtPValue(view.ljungBoxP)}</span>
            <span className="unit" style={{ display: 'block', marginLeft: 0 }} data-testid="kalman-lb-verdict">{white ? 'white (p ≥ 0.05)' : 'not white (p < 0.05)'}</span>
          </dd>
        </div>
      </dl>
      {ou && view.ouNote ? <p className="muted" data-testid="kalman-ou-note">{view.ouNote}</p> : null}
      {ou ? (
        <dl className="metric-cards" aria-label="Ornstein-Uhlenbeck fit of the filtered mid">
          <Card id="ou-kappa" label="OU mean reversion κ" value={fmtNum(ou.kappa)} unit="1/s" />
          <Card id="ou-halflife" label="OU half-life ln2/κ" value={fmtNum(ou.halfLife)} unit={Number.isFinite(ou.halfLife) && ou.halfLife >= 60 ? `s (${fmtDuration(ou.halfLife)})` : 's'} />
          <Card id="ou-mu" label="OU long-run mean μ∞" value={fmtNum(ou.mu)} unit="price" />
          <Card id="ou-sigma" label="OU volatility σ" value={fmtNum(ou.sigma)} unit="price/√s" />
        </dl>
      ) : (
        <p className="muted" data-testid="kalman-ou-error">OU fit unavailable: {view.ouError ?? 'no fit'}</p>
      )}
      <p className="muted" data-testid="kalman-source">
        {view.byHand
          ? 'q and r set by hand; the filter runs over every tick, and the backtest’s Kalman fair value uses the same q and r.'
          : view.sharedWithStrategy
            ? `q and r fitted by ${method} on the run’s warm-up, the first ${view.fittedOn.toLocaleString('en-US')} ticks: the very filter the backtest’s Kalman fair value quoted around, run over every tick.`
            : `q and r fitted by ${method} on the first ${view.fittedOn.toLocaleString('en-US')} ticks; the filter then runs over every tick. The current strategy quotes without a Kalman fair value.`}
      </p>
    </>
  );
}
