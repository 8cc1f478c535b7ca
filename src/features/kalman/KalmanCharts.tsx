import { useMemo } from 'react';
import { ChartFrame } from '../../components/ui/ChartFrame';
import type { KalmanView } from '../../stores/lab-store';
import { fmtTip } from '../../lib/format';
import { replayCount } from '../../lib/time-axis';
import { finiteExtent, valueAxis } from '../../lib/value-axis';
import { LineChart, type LineSeries, type RefLine, type XMark } from '../../components/ui/charts/LineChart';
import { RangeBarChart, type RangeBar } from '../../components/ui/charts/RangeBarChart';
import { elapsedX } from '../../components/ui/charts/elapsed-axis';

const CURSOR = '#d35400';
const ZERO: RefLine = { y: 0, color: '#888', solid: true };
const fmtValue = (v: number) => fmtTip(v);

/**
 * Raw vs filtered mid, the gain with K∞, innovations and their autocorrelation with the white-noise
 * band. While replaying (`replay` < 1, a share of the time span) the three time charts draw up to
 * the cursor on the whole run's time axis, and the values at the cursor are read out; the
 * autocorrelation and the cards stay whole-run diagnostics.
 */
export function KalmanCharts({ view, replay = 1 }: { view: KalmanView; replay?: number }) {
  const x = useMemo(() => elapsedX(view.time), [view]);
  // Points drawn: those at or before the cursor (all of them when not replaying).
  const n = replayCount(x.secs, replay);
  const at = replay < 1 && n > 0 ? n - 1 : -1;
  const replaying = at >= 0;
  const band = view.acfBand;
  // Axes from the whole run (not the replay cut), so they hold still while replaying.
  const axes = useMemo(() => ({
    mid: valueAxis(finiteExtent([view.raw, view.filtered]), { title: true }),
    gain: valueAxis([0, 1], { title: true }),
    innovation: valueAxis(finiteExtent([view.innovation], [0]), { title: true }),
  }), [view]);
  const acfAxis = useMemo(() => valueAxis(finiteExtent([view.acf], Number.isFinite(band) ? [band, -band, 0] : [0]), { title: true }), [view, band]);
  const lines = useMemo(() => ({
    mid: [
      { y: view.filtered, name: 'Kalman filtered', color: '#2457c5', width: 3, opacity: 0.6 },
      { y: view.raw, name: 'raw mid', color: '#1c2430', width: 1 },
    ] satisfies LineSeries[],
    gain: [{ y: view.gain, name: 'gain K', color: '#c39bd3', width: 4 }] satisfies LineSeries[],
    innovation: [{ y: view.innovation, name: 'innovation', color: '#1e874b' }] satisfies LineSeries[],
    kInf: [{ y: view.steadyStateGain, label: `K∞ = ${fmtTip(view.steadyStateGain)}`, color: '#14213d', below: true }] satisfies RefLine[],
  }), [view]);
  // The autocorrelation at lags 1..L as bars from 0, with 0 and the ±band as reference lines.
  const acf = useMemo((): RangeBar[] => Array.from(view.acf, (v, k) => ({ name: String(k + 1), lo: Math.min(0, v), hi: Math.max(0, v), value: v, color: '#2457c5' })), [view]);
  const acfLines = useMemo((): RefLine[] => (Number.isFinite(band) ? [ZERO, { y: band, color: '#b83227' }, { y: -band, color: '#b83227' }] : [ZERO]), [band]);
  // What the time charts draw: their points, and the cursor line at the last of them while replaying.
  const drawn = useMemo(() => ({ view, n, replaying }), [view, n, replaying]);
  const marks = useMemo((): XMark[] => (at >= 0 ? [{ x: x.secs[at], label: 'replay', color: CURSOR, className: 'replay-cursor' }] : []), [x, at]);
  const series = () => ({ time: view.time, raw: view.raw, filtered: view.filtered, gain: view.gain, innovation: view.innovation });
  const common = { x: x.secs, count: n, marks, xAxis: x.axis, xTip: x.tip, yTip: fmtValue, height: 240 } as const;
  return (
    <>
    {replay < 1 ? (
      <p className="replay-readout" data-testid="kalman-at-cursor" aria-live="off">
        {at >= 0 ? `At the replay cursor, ${x.tip(x.secs[at])}: raw mid ${fmtTip(view.raw[at])}, filtered ${fmtTip(view.filtered[at])}, gain K ${fmtTip(view.gain[at])}, innovation ${fmtTip(view.innovation[at])} (price).` : 'The replay cursor is before the first point.'}
        {' '}The cards and the autocorrelation cover the whole run.
      </p>
    ) : null}
    <div className="lab-grid">
      <ChartFrame title="Raw vs filtered mid (price)" name="kalman-mid" csv={series} testId="kalman-mid-chart" version={drawn}>
        <LineChart {...common} series={lines.mid} legend yAxis={axes.mid} yTitle="price" label="Raw mid and Kalman-filtered mid over time, price" />
      </ChartFrame>
      <ChartFrame title="Kalman gain K over time" name="kalman-gain" csv={() => ({ time: view.time, gain: view.gain })} testId="kalman-gain-chart" version={drawn}>
        <LineChart {...common} series={lines.gain} refLines={lines.kInf} legend yAxis={axes.gain} yTitle="gain K" label="Kalman gain K over time, with its steady-state value K∞" />
      </ChartFrame>
      <ChartFrame title="Innovations y − prediction (price)" name="kalman-innovations" csv={() => ({ time: view.time, innovation: view.innovation })} testId="kalman-innovation-chart" version={drawn}>
        <LineChart {...common} series={lines.innovation} refLines={[ZERO]} yAxis={axes.innovation} yTitle="price" label="Innovations, observed mid minus the filter's prediction, over time, price" />
      </ChartFrame>
      <ChartFrame title={`Innovation autocorrelation, lags 1–${view.lags} (band ±1.96/√n)`} name="kalman-acf" testId="kalman-acf-chart" version={acf}
        csv={() => ({ lag: Array.from(view.acf, (_, k) => k + 1), acf: view.acf })}>
        <RangeBarChart bars={acf} refLines={acfLines} yAxis={acfAxis} yTitle="ρ" xTitle="lag (ticks)" yTip={fmtValue} seriesName="autocorrelation"
          tipTitle={(b) => `lag ${b.name}`} height={240} label="Autocorrelation of the innovations at each lag, with the ±1.96/√n white-noise band" />
      </ChartFrame>
    </div>
    </>
  );
}
