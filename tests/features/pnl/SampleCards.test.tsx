// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SampleCards } from '../../../src/features/pnl/SampleCards';
import { buildSummaryView } from '../../../src/engine/views';
import { generateSyntheticMarket, runBacktest } from '../../../src/engine';

afterEach(cleanup);

function summaryOf(nTicks: number, dtSec: number, bucketSec?: number) {
  const m = generateSyntheticMarket({ seed: 6, nTicks, dtSec });
  const r = runBacktest(m, { strategy: 'as', seed: 6, bucketSec });
  return buildSummaryView(r);
}

describe('SampleCards', () => {
  it('a short sample: PnL per hour, a Sharpe per bucket with n and its interval, the reason instead of annualised cards', () => {
    const s = summaryOf(3000, 0.1); // 300 s
    const m = s.metrics;
    expect(m.annualised).toBeNull();
    render(<SampleCards summary={s} />);
    expect(screen.getByText('PnL per hour')).toBeInTheDocument();
    expect(screen.getByTestId('metric-per-period')).toHaveTextContent(/^−?[\d,]+\.\d\d$/);
    expect(screen.getByText(`n = ${m.buckets} buckets`)).toBeInTheDocument();
    expect(screen.getByTestId('metric-sharpe-ci')).toHaveTextContent(/95 % CI \[.+, .+\] · Lo SE/);
    for (const id of ['metric-annualised', 'metric-sharpe', 'metric-sortino', 'metric-calmar']) expect(screen.queryByTestId(id)).toBeNull();
    expect(screen.getByTestId('metric-annualised-note')).toHaveTextContent(m.annualisedReason);
  });

  it('a run without fills (quoting only on its last tick, 4 s of data): n/a with the reason, never a 0 % that means nothing', () => {
    const m = generateSyntheticMarket({ seed: 6, nTicks: 40, dtSec: 0.1 });
    const s = buildSummaryView(runBacktest(m, { strategy: 'as', seed: 6, warmupTicks: 39 }));
    expect([s.metrics.fills, s.metrics.quoteUpdates, s.metrics.buckets]).toEqual([0, 2, 1]);
    render(<SampleCards summary={s} />);
    expect(screen.getByTestId('metric-winrate')).toHaveTextContent('n/a — no fills');
    expect(screen.getByTestId('metric-capture')).toHaveTextContent('n/a — no fills');
    expect(screen.getByTestId('metric-fillrate')).toHaveTextContent('0.00'); // two quotes sent, none filled: a real 0 %
    expect(screen.getByTestId('metric-sharpe-bucket')).toHaveTextContent('n/a — fewer than 2 buckets');
    // 3.9 s of data: a PnL per hour would multiply it by ~900, so the card says why instead of a number.
    expect(screen.getByTestId('metric-per-period')).toHaveTextContent('n/a — under 1 min of data');
    expect(screen.getByText(/over 3\.9 s/)).toBeInTheDocument();
    expect(screen.getByTestId('metric-annualised-note')).toHaveTextContent('Not annualised: the sample spans 3.9 s, too short to scale to an hour, let alone a year.');
    cleanup();
    render(<SampleCards summary={{ ...s, metrics: { ...s.metrics, quoteUpdates: 0, fillRateReason: 'no quotes sent' } }} />);
    expect(screen.getByTestId('metric-fillrate')).toHaveTextContent('n/a — no quotes sent');
  });

  it('lists the engine’s notes on the run, e.g. a Kalman fit that makes the fair value the mid', () => {
    const s = summaryOf(3000, 0.1);
    const noted = { ...s, resolved: { ...s.resolved, notes: ['At this sampling the Kalman fair value equals the mid.', 'γ sits at a bound.'] } };
    render(<SampleCards summary={noted} />);
    expect(screen.getByTestId('run-notes')).toHaveTextContent('At this sampling the Kalman fair value equals the mid.');
    expect(screen.getByTestId('run-notes').querySelectorAll('li')).toHaveLength(2);
  });

  it('a long sample: per-day PnL and the annualised cards', () => {
    const s = summaryOf(4000, 900, 3600); // 41.7 days of 15-minute ticks, hourly buckets
    expect(s.metrics.annualised).not.toBeNull();
    render(<SampleCards summary={s} />);
    expect(screen.getByText('PnL per day')).toBeInTheDocument();
    expect(screen.getByTestId('metric-annualised')).toBeInTheDocument();
    expect(screen.getByTestId('metric-sharpe')).toBeInTheDocument();
    expect(screen.queryByTestId('metric-annualised-note')).toBeNull();
  });

  it('shows an undefined Sortino or profit factor as "n/a — <reason>", a defined one as a number', () => {
    const s = summaryOf(4000, 900, 3600);
    expect(s.metrics.annualised).not.toBeNull();
    const flagged = { ...s, metrics: { ...s.metrics, sortino: 0, sortinoDefined: false, sortinoReason: 'no losing bucket', profitFactor: 0, profitFactorReason: 'no losing fill', annualised: { ...s.metrics.annualised!, sortino: 0 } } };
    render(<SampleCards summary={flagged} />);
    expect(screen.getByTestId('metric-sortino')).toHaveTextContent('n/a — no losing bucket');
    expect(screen.getByTestId('metric-pf')).toHaveTextContent('n/a — no losing fill');
    cleanup();
    const defined = { ...s, metrics: { ...s.metrics, sortino: 1.5, sortinoDefined: true, sortinoReason: null, annualised: { ...s.metrics.annualised!, sortino: 1.5 } } };
    render(<SampleCards summary={defined} />);
    expect(screen.getByTestId('metric-sortino')).toHaveTextContent('1.5');
    expect(screen.getByTestId('metric-sortino')).not.toHaveTextContent('n/a');
  });

  it('writes PnL with two decimals and thousands separators, a true minus sign', () => {
    const s = summaryOf(3000, 0.1);
    const net = { ...s, attribution: { ...s.attribution, net: -1408 } };
    render(<SampleCards summary={net} />);
    expect(screen.getByTestId('metric-net')).toHaveTextContent('\u22121,408.00');
  });
});
