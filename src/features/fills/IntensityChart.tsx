import { useMemo, useState } from 'react';
import { Area, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame } from '../../components/ui/ChartFrame';
import { useLab, type IntensityCurve } from '../../stores/lab-store';
import { maybeLabSession } from '../../stores/lab-session';
import { fmtNum, fmtTip } from '../../lib/format';

/** λ(δ): trades per second reaching depth δ from the mid, its 95 % bootstrap band, and the exponential and power-law fits. */
function Curve({ c }: { c: IntensityCurve }) {
  const rows = useMemo(() => Array.from(c.depths, (d, j) => ({
    d, rate: c.rates[j] > 0 ? c.rates[j] : null, band: [c.lower[j], c.upper[j]] as [number, number],
    exp: c.exp && c.exp.fitted[j] > 0 ? c.exp.fitted[j] : null, power: c.power && Number.isFinite(c.power.fitted[j]) ? c.power.fitted[j] : null,
  })), [c]);
  const csv = () => ({ depth: c.depths, rate: c.rates, lower: c.lower, upper: c.upper, exp: c.exp?.fitted ?? new Float64Array(c.depths.length), power: c.power?.fitted ?? new Float64Array(c.depths.length) });
  return (
    <ChartFrame title="Fill intensity λ(δ) (trades/s reaching depth δ) with A·e^(−κδ) and a power law" name="intensity" csv={csv} testId="intensity-chart" version={c}>
      <ResponsiveContainer width="100%" height={240} minWidth={200}>
        <ComposedChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="d" type="number" domain={['dataMin', 'dataMax']} tickFormatter={(v: number) => fmtNum(v, 3)} />
          <YAxis scale="log" domain={['auto', 'auto']} tickFormatter={(v: number) => fmtNum(v, 2)} allowDataOverflow />
          <Tooltip formatter={fmtTip} />
          <Legend />
          <Area dataKey="band" name="95 % band" stroke="none" fill="#9bb7d4" fillOpacity={0.4} isAnimationActive={false} />
          <Line dataKey="rate" name="empirical" stroke="#1f4e79" dot isAnimationActive={false} />
          <Line dataKey="exp" name={c.exp ? `A·e^(−κδ), κ = ${fmtNum(c.exp.kappa, 3)}, R² ${c.exp.r2.toFixed(2)}` : 'exponential'} stroke="#b3261e" dot={false} isAnimationActive={false} />
          <Line dataKey="power" name={c.power ? `power law, exponent ${fmtNum(c.power.kappa, 3)}, R² ${c.power.r2.toFixed(2)}` : 'power law'} stroke="#7a5c00" strokeDasharray="4 2" dot={false} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

/** The calibration view: draw λ(δ) on demand over a fit range, with the fit's warnings. */
export function IntensityView() {
  const curve = useLab((s) => s.intensity);
  const error = useLab((s) => s.intensityError);
  const [maxDepth, setMaxDepth] = useState('');
  const draw = () => { const v = Number(maxDepth); void maybeLabSession()?.intensity(undefined, maxDepth !== '' && v > 0 ? v : undefined); };
  return (
    <div data-testid="intensity">
      <label>Fit up to depth δ (price units, empty = 95th percentile of trade depths){' '}
        <input type="number" min={0} step="any" value={maxDepth} onChange={(e) => setMaxDepth(e.target.value)} data-testid="intensity-max-depth" />
      </label>{' '}
      <button type="button" onClick={draw} data-testid="intensity-draw">Draw λ(δ)</button>
      {error ? <p className="error" role="alert">{error}</p> : null}
      {curve ? (
        <>
          <Curve c={curve} />
          <p className="muted">{curve.nTrades} trades over {fmtNum(curve.exposureSec)} s; fit range [{fmtNum(curve.fitRange[0])}, {fmtNum(curve.fitRange[1])}]{curve.exp ? `; κ 95 % interval ${fmtNum(curve.kappaInterval[0], 3)}–${fmtNum(curve.kappaInterval[1], 3)}` : ''}.</p>
          {curve.warnings.length > 0 ? <ul className="warning" data-testid="intensity-warnings">{curve.warnings.map((w) => <li key={w}>{w}</li>)}</ul> : null}
        </>
      ) : null}
    </div>
  );
}
