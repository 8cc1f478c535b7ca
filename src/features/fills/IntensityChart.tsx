import { useEffect, useMemo, useRef, useState } from 'react';
import './fills.css';
import { ChartFrame } from '../../components/ui/ChartFrame';
import { SliderField } from '../../components/ui/SliderField';
import { useLab, type IntensityByRegimeView, type IntensityCurve } from '../../stores/lab-store';
import { maybeLabSession } from '../../stores/lab-session';
import { fmtCount, fmtNum, fmtPct, fmtTip } from '../../lib/format';
import { finiteExtent, valueAxis } from '../../lib/value-axis';
import { LineChart, type LineSeries } from '../../components/ui/charts/LineChart';
import { logAxis } from '../../components/ui/charts/log-axis';
import { intensityColumns } from './intensity-columns';

/** Wait after the last fit-range slider move before redrawing (a drag moves it many times), ms. */
const REDRAW_MS = 400;
/** Positions of a fit-range slider across [0, deepest trade]. */
const SLIDER_POSITIONS = 500;
const fmtValue = (v: number) => fmtTip(v);

/** λ(δ): trades per second reaching depth δ (log axis), its 95 % bootstrap band, and the exponential and power-law fits. */
function Curve({ c, title }: { c: IntensityCurve; title: string }) {
  const cols = useMemo(() => intensityColumns(c), [c]);
  const series = useMemo((): LineSeries[] => [
    { y: cols.bandHi, lower: cols.bandLo, name: '95 % band', color: '#9bb7d4', fill: '#9bb7d4', fillOpacity: 0.4 },
    { y: cols.rate, name: 'empirical', color: '#1f4e79', points: true },
    { y: cols.exp, name: c.exp ? `A·e^(−κδ), κ = ${fmtNum(c.exp.kappa, 3)} per price unit, R² ${c.exp.r2.toFixed(2)}` : 'exponential (no fit)', color: '#b3261e' },
    { y: cols.power, name: c.power ? `power law, exponent ${fmtNum(c.power.kappa, 3)}, R² ${c.power.r2.toFixed(2)}` : 'power law (no fit)', color: '#7a5c00', dash: '4 2' },
  ], [c, cols]);
  const axes = useMemo(() => {
    const d = finiteExtent([c.depths]);
    const x = valueAxis(d);
    // Room around the data on the log axis (×1.5 each way), so the rate at δ = 0 and the band's ends are not cut at the frame.
    return { x: { domain: d ?? x.domain, ticks: x.ticks, format: x.tickFormatter, title: 'depth δ from the mid (price units)' }, y: logAxis(finiteExtent([cols.rate, cols.bandLo, cols.bandHi, cols.exp, cols.power])) };
  }, [c, cols]);
  const csv = () => ({ depth: c.depths, rate: c.rates, lower: c.lower, upper: c.upper, exp: c.exp?.fitted ?? new Float64Array(c.depths.length), power: c.power?.fitted ?? new Float64Array(c.depths.length) });
  return (
    <ChartFrame title={title} name="intensity" csv={csv} testId="intensity-chart" version={c} height={260}>
      <LineChart x={c.depths} series={series} yLog legend height={260} xAxis={axes.x} xTip={(d) => `δ = ${fmtTip(d)} price units`} yAxis={axes.y} yTitle="λ (trades/s)" yTip={fmtValue}
        label="Fill intensity: trades per second reaching each depth from the mid (log scale), with its 95 % band and the exponential and power-law fits" />
    </ChartFrame>
  );
}

/** What the curve rests on and its warnings (a poor fit, κ at a bound, …), from the engine. */
function CurveNotes({ c, testId }: { c: IntensityCurve; testId: string }) {
  return (
    <>
      <p className="muted">
        {fmtCount(c.nTrades)} trades over {fmtNum(c.exposureSec)} s; fit range δ ∈ [{fmtNum(c.fitRange[0])}, {fmtNum(c.fitRange[1])}] price units
        {c.exp ? `; A = ${fmtNum(c.exp.A, 3)} trades/s, κ = ${fmtNum(c.exp.kappa, 3)} per price unit (95 % interval ${fmtNum(c.kappaInterval[0], 3)}–${fmtNum(c.kappaInterval[1], 3)})` : ''}.
      </p>
      {c.warnings.length > 0 ? <ul className="warning" data-testid={testId}>{c.warnings.map((w) => <li key={w}>{w}</li>)}</ul> : null}
    </>
  );
}

/** One row per regime: its curve's fit, or why it has none; the chosen regime's curve is drawn below. */
function RegimeTable({ view, chosen, choose }: { view: IntensityByRegimeView; chosen: number; choose: (k: number) => void }) {
  return (
    <div className="table-scroll">
      <table className="table" data-testid="intensity-regimes">
        <caption className="muted">λ(δ) per regime ({view.nStates} states on {fmtNum(view.bucketSec)} s buckets, {view.refitted ? 'fitted for this view' : "the run's own regime model"}; the names are the Regimes panel's)</caption>
        <thead><tr><th>regime</th><th>time</th><th>trades</th><th>A (trades/s)</th><th>κ (per price unit)</th><th>R² exp.</th><th>R² power</th><th>fit</th></tr></thead>
        <tbody>
          {view.rows.map((r) => {
            const c = r.curve;
            return (
              <tr key={r.state}>
                <td><button type="button" className="small" aria-pressed={r.state === chosen} onClick={() => choose(r.state)}>{r.label}</button></td>
                <td>{fmtPct(r.timeShare)}</td>
                <td>{c ? fmtCount(c.nTrades) : '—'}</td>
                <td>{c?.exp ? fmtNum(c.exp.A, 3) : '—'}</td>
                <td>{c?.exp ? fmtNum(c.exp.kappa, 3) : '—'}</td>
                <td>{c?.exp ? c.exp.r2.toFixed(2) : '—'}</td>
                <td>{c?.power ? c.power.r2.toFixed(2) : '—'}</td>
                <td>{c === null ? <span className="warning">no curve: {r.error}</span> : c.warnings.length > 0 ? <span className="warning">⚠ {c.warnings.length === 1 ? '1 warning' : `${c.warnings.length} warnings`}</span> : 'ok'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Fit-range sliders over [0, deepest trade] in price units; a move redraws after a pause. */
function FitRange({ curve, onRange }: { curve: IntensityCurve; onRange: (lo: number, hi: number) => void }) {
  const [range, setRange] = useState<[number, number] | null>(null);
  const [problem, setProblem] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => { if (timer.current) clearTimeout(timer.current); }, []);
  const [lo, hi] = range ?? curve.fitRange;
  const top = curve.deepestTrade;
  const spec = (label: string) => ({ label, symbol: 'δ', unit: 'price units', min: 0, max: top, step: top / SLIDER_POSITIONS, scale: 'linear' as const });
  const validate = (text: string) => {
    const v = Number(text);
    return text !== '' && Number.isFinite(v) && v >= 0 && v <= top ? null : `A depth from 0 to ${fmtNum(top)} price units (the deepest trade), got ${JSON.stringify(text)}`;
  };
  const move = (next: [number, number]) => {
    setRange(next);
    if (timer.current) clearTimeout(timer.current);
    if (!(next[1] > next[0])) { setProblem(`The fit range needs its end (${fmtNum(next[1])}) above its start (${fmtNum(next[0])}).`); return; }
    setProblem('');
    timer.current = setTimeout(() => onRange(next[0], next[1]), REDRAW_MS);
  };
  return (
    <div className="intensity-range" role="group" aria-label="λ(δ) fit range">
      <SliderField testId="intensity-min-depth" spec={spec('Fit from depth')} value={Math.min(lo, top)} validate={validate} onChange={(v) => move([v, hi])} />
      <SliderField testId="intensity-max-depth" spec={spec('Fit to depth')} value={Math.min(hi, top)} validate={validate} onChange={(v) => move([lo, v])} />
      <p className="muted">Depth from the mid in price units, 0 to the deepest trade ({fmtNum(top)}); the default end is the 95th percentile of trade depths. Every regime is fitted over the same range.</p>
      {problem ? <p className="field-note field-error" role="alert">{problem}</p> : null}
    </div>
  );
}

/** The calibration view: λ(δ) on demand, for all the data or one regime, over a fit range set by sliders, with the fit's warnings. */
export function IntensityView() {
  const curve = useLab((s) => s.intensity);
  const error = useLab((s) => s.intensityError);
  const byRegime = useLab((s) => s.intensityByRegime);
  const byRegimeError = useLab((s) => s.intensityByRegimeError);
  const [chosen, setChosen] = useState(-1);
  const draw = (lo?: number, hi?: number) => { void maybeLabSession()?.intensity(lo, hi); };
  // The range drawn last (sliders move it; Redraw keeps it, e.g. after the regime settings changed).
  const redraw = () => draw(curve?.fitRange[0], curve?.fitRange[1]);
  const regimeRow = byRegime?.rows.find((r) => r.state === chosen);
  const flagged = byRegime?.rows.filter((r) => r.curve === null || r.curve.warnings.length > 0) ?? [];
  return (
    <div data-testid="intensity">
      <h3>Fill intensity λ(δ): calibration</h3>
      <button type="button" onClick={curve ? redraw : () => draw()} data-testid="intensity-draw">{curve ? 'Redraw λ(δ)' : 'Draw λ(δ)'}</button>
      {error ? <p className="error" role="alert">{error}</p> : null}
      {curve ? (
        <>
          <FitRange key={`${curve.nTrades}:${curve.deepestTrade}`} curve={curve} onRange={draw} />
          <label className="select-field intensity-choice">
            <span>Show λ(δ) for</span>
            <select data-testid="intensity-regime" value={chosen} onChange={(e) => setChosen(Number(e.currentTarget.value))}>
              <option value={-1}>all the data</option>
              {byRegime?.rows.map((r) => <option key={r.state} value={r.state}>regime {r.label}</option>)}
            </select>
          </label>
          {chosen < 0 || !regimeRow ? (
            <>
              <Curve c={curve} title="Fill intensity λ(δ), all the data: trades/s reaching depth δ, with A·e^(−κδ) and a power law" />
              <CurveNotes c={curve} testId="intensity-warnings" />
            </>
          ) : regimeRow.curve ? (
            <>
              <Curve c={regimeRow.curve} title={`Fill intensity λ(δ) in regime ${regimeRow.label}: trades/s reaching depth δ, with A·e^(−κδ) and a power law`} />
              <CurveNotes c={regimeRow.curve} testId="intensity-regime-warnings" />
            </>
          ) : <p className="warning" role="status">No λ(δ) for regime {regimeRow.label}: {regimeRow.error}</p>}
          {byRegime ? <RegimeTable view={byRegime} chosen={chosen} choose={setChosen} /> : null}
          {flagged.length > 0 ? (
            <p className="warning" data-testid="intensity-regime-flags">
              Doubtful per-regime fits: {flagged.map((r) => r.label).join(', ')}. Choose a regime to read its warnings.
            </p>
          ) : null}
          {byRegimeError ? <p className="muted" data-testid="intensity-regime-error">No per-regime λ(δ): {byRegimeError}</p> : null}
        </>
      ) : null}
    </div>
  );
}
