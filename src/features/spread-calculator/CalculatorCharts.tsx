import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CalculatorParams } from '../../stores/calculator-params';
import { useCalculatorCurves } from './use-calculator';
import { StagedMount } from '../../components/ui/StagedMount';

const fmt2 = (v: unknown) => (typeof v === 'number' ? v.toFixed(2) : String(v));
/** Axis ticks: 3 significant digits, no trailing zeros. */
const fmtTick = (v: number) => String(Number(v.toPrecision(3)));

/** Skew and quotes vs inventory across ±Q, and δ* vs γ with the current γ marked; each draws in its own task (StagedMount). */
export function CalculatorCharts({ params }: { params: CalculatorParams }) {
  const { skew, gamma } = useCalculatorCurves(params);
  return (
    <div className="charts">
      <figure className="chart" aria-label="Quotes versus inventory">
        <figcaption>Quotes vs inventory q (bps from mid)</figcaption>
        <StagedMount version={params} height={240}><ResponsiveContainer width="100%" height={240} minWidth={200}>
          <LineChart data={skew} margin={{ top: 8, right: 16, bottom: 20, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="q" type="number" domain={[-params.maxQ, params.maxQ]} label={{ value: 'inventory q (lots)', position: 'insideBottom', offset: -12 }} />
            <YAxis width={56} tickFormatter={fmtTick} label={{ value: 'bps', angle: -90, position: 'insideLeft' }} />
            <Tooltip formatter={fmt2} labelFormatter={(q) => `q = ${q} lots`} />
            <Legend verticalAlign="top" height={24} />
            <ReferenceLine x={params.q} stroke="#888" strokeDasharray="4 2" />
            <Line dataKey="askBps" name="ask" stroke="#c0392b" dot={false} isAnimationActive={false} />
            <Line dataKey="skewBps" name="reservation skew" stroke="#2c3e50" strokeWidth={2} dot={false} isAnimationActive={false} />
            <Line dataKey="bidBps" name="bid" stroke="#27ae60" dot={false} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer></StagedMount>
      </figure>
      <figure className="chart" aria-label="Half-spread versus risk aversion">
        <figcaption>Optimal half-spread δ* vs risk aversion γ (log scale)</figcaption>
        <StagedMount version={params} height={240}><ResponsiveContainer width="100%" height={240} minWidth={200}>
          <LineChart data={gamma} margin={{ top: 8, right: 16, bottom: 20, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="gamma" type="number" scale="log" domain={['dataMin', 'dataMax']} tickFormatter={(v: number) => v.toExponential(0)} label={{ value: 'γ (1/price)', position: 'insideBottom', offset: -12 }} />
            <YAxis width={56} scale="log" domain={['auto', 'auto']} tickFormatter={fmtTick} label={{ value: 'δ* (bps, log)', angle: -90, position: 'insideLeft', offset: -2 }} />
            <Tooltip formatter={fmt2} labelFormatter={(g) => `γ = ${Number(g).toPrecision(3)}`} />
            <ReferenceLine x={params.gamma} stroke="#888" strokeDasharray="4 2" />
            <Line dataKey="halfSpreadBps" name="δ*" stroke="#8e44ad" strokeWidth={2} dot={false} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer></StagedMount>
      </figure>
    </div>
  );
}
