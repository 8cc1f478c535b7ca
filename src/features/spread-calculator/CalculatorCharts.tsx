import { useMemo } from 'react';
import type { CalculatorParams } from '../../stores/calculator-params';
import { useCalculatorCurves } from './use-calculator';
import { StagedMount } from '../../components/ui/StagedMount';
import { CALCULATOR_SPECS } from '../../lib/params/catalog';
import { MINUS } from '../../lib/format';
import { finiteExtent, valueAxis } from '../../lib/value-axis';
import { LineChart, type LineSeries, type XMark } from '../../components/ui/charts/LineChart';
import { logAxis } from '../../components/ui/charts/log-axis';
import { fmtBps } from './format';

/** The inventory's unit as its one spec states it (the q field shows the same). */
const Q_UNIT = CALCULATOR_SPECS.find((s) => s.key === 'q')!.unit;

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
const bpsTip = (v: number) => `${fmtBps(v)} bps`;

/** Skew and quotes vs inventory across ±Q, and δ* vs γ with the current γ marked; each draws in its own task (StagedMount). */
export function CalculatorCharts({ params }: { params: CalculatorParams }) {
  const { skew, gamma } = useCalculatorCurves(params);
  const skewChart = useMemo(() => {
    const q = valueAxis([-params.maxQ, params.maxQ]);
    return {
      series: [
        { y: skew.askBps, name: 'ask', color: '#c0392b' },
        { y: skew.skewBps, name: 'reservation skew', color: '#2c3e50', width: 2 },
        { y: skew.bidBps, name: 'bid', color: '#27ae60' },
      ] satisfies LineSeries[],
      xAxis: { domain: [-params.maxQ, params.maxQ] as [number, number], ticks: q.ticks, format: q.tickFormatter, title: `inventory q (${Q_UNIT})` },
      yAxis: valueAxis(finiteExtent([skew.askBps, skew.skewBps, skew.bidBps]), { title: true }),
      marks: [{ x: params.q, color: '#888' }] satisfies XMark[],
    };
  }, [skew, params.maxQ, params.q]);
  const gammaChart = useMemo(() => {
    const g = gamma.gamma;
    const ticks = g.length > 0 ? decades(g[0], g[g.length - 1]) : [];
    return {
      series: [{ y: gamma.halfSpreadBps, name: 'δ*', color: '#8e44ad', width: 2 }] satisfies LineSeries[],
      xAxis: { domain: (ticks.length > 1 ? [ticks[0], ticks[ticks.length - 1]] : [g[0] ?? 1e-6, g[g.length - 1] ?? 1]) as [number, number], ticks, format: fmtDecade, title: 'γ (1/price)' },
      yAxis: logAxis(finiteExtent([gamma.halfSpreadBps]), 1.1),
      marks: [{ x: params.gamma, color: '#888' }] satisfies XMark[],
    };
  }, [gamma, params.gamma]);
  return (
    <div className="charts">
      <figure className="chart" aria-label="Quotes versus inventory">
        <figcaption>Quotes vs inventory q (bps from mid)</figcaption>
        <StagedMount version={params} height={240}>
          <LineChart x={skew.q} series={skewChart.series} marks={skewChart.marks} legend height={240} xAxis={skewChart.xAxis} xTip={(q) => `q = ${q} ${Q_UNIT}`}
            yAxis={skewChart.yAxis} yTitle="bps" yTip={bpsTip} label={`Ask, bid and reservation skew in basis points from the mid against the inventory q (${Q_UNIT}), the current q marked`} />
        </StagedMount>
      </figure>
      <figure className="chart" aria-label="Half-spread versus risk aversion">
        <figcaption>Optimal half-spread δ* (bps) vs risk aversion γ (log scales)</figcaption>
        <StagedMount version={params} height={240}>
          <LineChart x={gamma.gamma} series={gammaChart.series} marks={gammaChart.marks} xLog yLog height={240} xAxis={gammaChart.xAxis} xTip={(g) => `γ = ${g.toPrecision(3)}`}
            yAxis={gammaChart.yAxis} yTitle="bps" yTip={bpsTip} label="Optimal half-spread δ* in basis points against the risk aversion γ, both on log scales, the current γ marked" />
        </StagedMount>
      </figure>
    </div>
  );
}
