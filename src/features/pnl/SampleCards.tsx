import type { RunSummaryView } from '../../stores/lab-store';
import { describeDuration, yearBasisLabel } from '../../stores/figures';
import { fmtBps, fmtCount, fmtPnl, fmtRatio } from '../../lib/format';

// Formatters per quantity live in src/lib/format.ts; re-exported for the tests that compare card text with the engine.
export { fmtCount, fmtPnl, fmtRatio };

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
 * the engine says the sample allows it (else its reason, in words), and the engine's notes on the run
 * (calibration at a bound, a Kalman fit that makes the fair value the mid, …). Every number is the engine's.
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
        <Card label="Net PnL" value={fmtPnl(summary.attribution.net)} unit="quote ccy" testId="metric-net" />
        <Card
          label={`PnL per ${perUnit}`}
          value={m.perPeriod.reason ? `n/a — ${m.perPeriod.reason}` : fmtPnl(m.perPeriod.pnl)}
          unit={`quote ccy/${perUnit === 'day' ? 'day' : 'h'} · over ${describeDuration(m.perPeriod.overSec)}${m.perPeriod.openMarket ? ' of open market' : ''}`}
          testId="metric-per-period"
        />
        <Card
          label={`Sharpe per ${describeDuration(m.bucketSec)} bucket`}
          value={m.sharpeReason ? `n/a — ${m.sharpeReason}` : fmtRatio(s.sharpe)}
          unit={`n = ${s.buckets} bucket${s.buckets === 1 ? '' : 's'}`}
          testId="metric-sharpe-bucket"
          detail={`${ci ? `${Math.round(ci.level * 100)} % CI [${fmtRatio(ci.lo)}, ${fmtRatio(ci.hi)}]` : 'no interval'} · Lo SE ${se ? `${fmtRatio(se.iid)} (HAC ${fmtRatio(se.hac)})` : '—'}`}
          detailTestId="metric-sharpe-ci"
        />
        <Card label="Max drawdown" value={fmtPnl(m.maxDrawdown)} unit={`quote ccy · ${fmtMetric(m.maxDrawdownPct)} % of capital`} testId="metric-maxdd" />
        <Card label="Win rate" value={m.winRateReason ? `n/a — ${m.winRateReason}` : fmtMetric(100 * m.winRate, 1)} unit="% of fills" testId="metric-winrate" />
        <Card label="Profit factor" value={m.profitFactorReason ? `n/a — ${m.profitFactorReason}` : fmtRatio(m.profitFactor)} testId="metric-pf" />
        <Card label="Fills" value={fmtCount(m.fills)} testId="metric-fills" />
        <Card label="Fill rate" value={m.fillRateReason ? `n/a — ${m.fillRateReason}` : fmtMetric(100 * m.fillRate, 2)} unit="% of quotes sent that filled" testId="metric-fillrate" />
        <Card label="Spread captured" value={m.spreadCaptureReason ? `n/a — ${m.spreadCaptureReason}` : fmtBps(m.avgSpreadCapturedBps)} unit="bps" testId="metric-capture" />
        <Card label="Buy & hold" value={fmtPnl(summary.benchmark.totalPnl)} unit="quote ccy" testId="metric-buyhold" />
        {m.annualised ? (
          <>
            <Card label="Annualised PnL" value={fmtPnl(m.annualised.pnl)} unit={`quote ccy/yr (${yearBasisLabel(m.annualised.yearBasis)})`} testId="metric-annualised" />
            <Card label="Sharpe (annualised)" value={fmtRatio(m.annualised.sharpe)} testId="metric-sharpe" />
            <Card label="Sortino (annualised)" value={m.sortinoReason ? `n/a — ${m.sortinoReason}` : fmtRatio(m.annualised.sortino)} testId="metric-sortino" />
            <Card label="Calmar" value={fmtRatio(m.annualised.calmar)} testId="metric-calmar" />
          </>
        ) : null}
      </dl>
      {m.annualised ? null : <p className="muted" data-testid="metric-annualised-note">{m.annualisedReason}</p>}
      {summary.resolved.notes.length > 0 ? (
        <ul className="muted" data-testid="run-notes" aria-label="Notes on this run" style={{ margin: '0 0 8px', paddingLeft: 18 }}>
          {summary.resolved.notes.map((n) => <li key={n}>{n}</li>)}
        </ul>
      ) : null}
    </>
  );
}
