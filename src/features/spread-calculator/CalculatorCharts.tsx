import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CalculatorParams } from '../../stores/calculator-params';
import { useCalculatorCurves } from './use-calculator';
import { StagedMount } from '../../components/ui/StagedMount';
import { CALCULATOR_SPECS } from '../../lib/params/catalog';
import { MINUS } from '../../lib/format';

/** The inventory's unit as its one spec states it (the q field shows the same). */
const Q_UNIT = CALCULATOR_SPECS.find((s) => s.key === 'q')!.unit;

const fmt2 = (v: unknown) => (typeof v === 'number' ? v.toFixed(2) : String(v));
/** Axis ticks: 3 significant digits, no trailing zeros, a true minus sign. */
const fmtTick = (v: number) => String(Number(v.toPrecision(3))).replace('-', MINUS);

/**
 * Powers of ten from the decade at or below lo to the one at or above hi: round ticks for a log
 * axis, every other decade when there are more than seven (so the labels do not touch).
 */
function decades(lo: number, hi: number): number[] {
  if (!(lo > 0) || !(hi >= lo)) return [];
  const e0 = Math.floor(Math.log10(lo)), e1 = Math.ceil(Math.log10(hi));
  const step = e1 - e0 > 7 ? 2 : 1;
  const out: number[] = [];
  for (let e = e0; e <= e1; e += step) out.push(Number(`1e${e}`));
  if (Math.round(Math.log10(out[out.length - 1])) < e1) out.push(Number(`1e${e1}`));
  return out;
}
/** 10^e as "1e−6" … "1e3", with a true minus sign. */
const fmtDecade = (v: number) => `1e${Math.round(Math.log10(v))}`.replace('-', MINUS);

/** Skew and quotes vs inventory across ±Q, and δ* vs γ with the current γ marked; each draws in its own task (StagedMount). */
export function CalculatorCharts({ params }: { params: CalculatorParams }) {
  const { skew, gamma } = useCalculatorCurves(params);
  const gammaTicks = gamma.length > 0 ? decades(gamma[0].gamma, gamma[gamma.length - 1].gamma) : [];
  return (
    <div className="charts">
      <figure className="chart" aria-label="Quotes versus inventory">
        <figcaption>Quotes vs inventory q (bps from mid)</figcaption>
        <StagedMount version={params} height={240}><ResponsiveContainer width="100%" height={240} minWidth={200}>
          <LineChart data={skew} margin={{ top: 8, right: 16, bottom: 20, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="q" type="number" domain={[-params.maxQ, params.maxQ]} tickFormatter={fmtTick} label={{ value: `inventory q (${Q_UNIT})`, position: 'insideBottom', offset: -12 }} />
            <YAxis width={56} tickFormatter={fmtTick} label={{ value: 'bps', angle: -90, position: 'insideLeft' }} />
            <Tooltip formatter={fmt2} labelFormatter={(q) => `q = ${q} ${Q_UNIT}`} />
            <Legend verticalAlign="top" height={24} />
            <ReferenceLine x={params.q} stroke="#888" strokeDasharray="4 2" />
            <Line dataKey="askBps" name="ask" stroke="#c0392b" dot={false} isAnimationActive={false} />
            <Line dataKey="skewBps" name="reservation skew" stroke="#2c3e50" strokeWidth={2} dot={false} isAnimationActive={false} />
            <Line dataKey="bidBps" name="bid" stroke="#27ae60" dot={false} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer></StagedMount>
      </figure>
      <figure className="chart" aria-label="Half-spread versus risk aversion">
        <figcaption>Optimal half-spread δ* (bps) vs risk aversion γ (log scales)</figcaption>
        <StagedMount version={params} height={240}><ResponsiveContainer width="100%" height={240} minWidth={200}>
          <LineChart data={gamma} margin={{ top: 8, right: 16, bottom: 20, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="gamma" type="number" scale="log" domain={gammaTicks.length > 1 ? [gammaTicks[0], gammaTicks[gammaTicks.length - 1]] : ['dataMin', 'dataMax']} ticks={gammaTicks} interval={0} tickFormatter={fmtDecade} label={{ value: 'γ (1/price)', position: 'insideBottom', offset: -12 }} />
            <YAxis width={64} scale="log" domain={['auto', 'auto']} tickFormatter={fmtTick} label={{ value: 'bps', angle: -90, position: 'insideLeft' }} />
            <Tooltip formatter={fmt2} labelFormatter={(g) => `γ = ${Number(g).toPrecision(3)}`} />
            <ReferenceLine x={params.gamma} stroke="#888" strokeDasharray="4 2" />
            <Line dataKey="halfSpreadBps" name="δ*" stroke="#8e44ad" strokeWidth={2} dot={false} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer></StagedMount>
      </figure>
    </div>
  );
}
