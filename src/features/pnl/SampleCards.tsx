import type { RunSummaryView } from '../../stores/lab-store';
import { describeDuration } from '../../engine';

const MINUS = '\u2212';

/** Quote-currency amounts: always two decimals, thousands separated ("−1,408.00", "400.00"); '—' when undefined. */
function money(v: number): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? '—' : v > 0 ? '∞' : `${MINUS}∞`;
  const s = Math.abs(v).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return v < 0 && s !== '0.00' ? `${MINUS}${s}` : s;
}

/** Ratios (Sharpe, profit factor): three significant digits. */
function ratio(v: number): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? '—' : v > 0 ? '∞' : `${MINUS}∞`;
  const s = Number(Math.abs(v).toPrecision(3)).toString();
  return v < 0 && s !== '0' ? `${MINUS}${s}` : s;
}

/** The engine's legacy card format (tests compare cards with it): fixed decimals, '—' for NaN. */
export function fmtMetric(v: number, digits = 2): string {
  if (!Number.isFinite(v)) return v > 0 ? '∞' : v < 0 ? '−∞' : '—';
  return v.toFixed(digits);
}

function Card({ label, value, unit, testId, detail, detailTestId }: { label: string; value: string; unit?: string; testId: string; detail?: string; detailTestId?: string }) {
  return (
    <div className="card">
      <dt>{label}</dt>
      <dd>
        <span data-testid={testId}>{value}</span>
        {unit ? <span className="unit" style={{ display: 'block', marginLeft: 0 }}>{unit}</span> : null}
        {detail ? <span className="unit" style={{ display: 'block', marginLeft: 0 }} data-testid={detailTestId}>{detail}</span> : null}
      </dd>
    </div>
  );
}

/**
 * The run's figures, honest for the sample: per-hour or per-day PnL, the Sharpe ratio per PnL
 * bucket with its bucket count, interval and Lo's standard errors, and annualised cards only when
 * the engine says the sample allows it (else its reason, in words). Every number is the engine's.
 */
export function SampleCards({ summary }: { summary: RunSummaryView }) {
  const m = summary.metrics;
  const s = m.sharpeStats;
  const perUnit = m.perPeriod.unit === 'day' ? 'day' : 'hour';
  const ci = s.ci;
  const se = s.loSe;
  return (
    <>
      <dl className="metric-cards">
        <Card label="Net PnL" value={money(summary.attribution.net)} unit="quote ccy" testId="metric-net" />
        <Card
          label={`PnL per ${perUnit}`}
          value={money(m.perPeriod.pnl)}
          unit={`quote ccy/${perUnit === 'day' ? 'day' : 'h'} · over ${describeDuration(m.durationSec)}`}
          testId="metric-per-period"
        />
        <Card
          label={`Sharpe per ${describeDuration(m.bucketSec)} bucket`}
          value={ratio(s.sharpe)}
          unit={`n = ${s.buckets} bucket${s.buckets === 1 ? '' : 's'}`}
          testId="metric-sharpe-bucket"
          detail={`${ci ? `${Math.round(ci.level * 100)} % CI [${ratio(ci.lo)}, ${ratio(ci.hi)}]` : 'no interval'} · Lo SE ${se ? `${ratio(se.iid)} (HAC ${ratio(se.hac)})` : '—'}`}
          detailTestId="metric-sharpe-ci"
        />
        <Card label="Max drawdown" value={money(m.maxDrawdown)} unit={`quote ccy · ${fmtMetric(m.maxDrawdownPct)} % of capital`} testId="metric-maxdd" />
        <Card label="Win rate" value={fmtMetric(100 * m.winRate, 1)} unit="% of fills" testId="metric-winrate" />
        <Card label="Profit factor" value={ratio(m.profitFactor)} testId="metric-pf" />
        <Card label="Fills" value={m.fills.toLocaleString('en-US')} testId="metric-fills" />
        <Card label="Fill rate" value={fmtMetric(100 * m.fillRate, 2)} unit="% of quote updates" testId="metric-fillrate" />
        <Card label="Spread captured" value={fmtMetric(m.avgSpreadCapturedBps)} unit="bps" testId="metric-capture" />
        <Card label="Buy & hold" value={money(summary.benchmark.totalPnl)} unit="quote ccy" testId="metric-buyhold" />
        {m.annualised ? (
          <>
            <Card label="Annualised PnL" value={money(m.annualised.pnl)} unit={`quote ccy/yr (${m.annualised.yearBasis === 'exchange' ? '252 × 6.5 h' : '365 × 24 h'})`} testId="metric-annualised" />
            <Card label="Sharpe (annualised)" value={ratio(m.annualised.sharpe)} testId="metric-sharpe" />
            <Card label="Sortino (annualised)" value={ratio(m.annualised.sortino)} testId="metric-sortino" />
            <Card label="Calmar" value={ratio(m.annualised.calmar)} testId="metric-calmar" />
          </>
        ) : null}
      </dl>
      {m.annualised ? null : <p className="muted" data-testid="metric-annualised-note">{m.annualisedReason}</p>}
    </>
  );
}
