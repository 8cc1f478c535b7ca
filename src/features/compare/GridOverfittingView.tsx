import type { GridEdge, GridOutOfSample, GridResult } from '../../engine';
import { fmtNum } from '../../lib/format';
import { cellColour, maxAbs } from './heatmap';
import { describeDuration } from '../../stores/figures';

/** A card's unit on its own line under the value (not run into it). */
const UNIT = { display: 'block', marginLeft: 0 } as const;

const EDGE_WORDS: Record<GridEdge, string> = { 'x-low': 'the lowest γ', 'x-high': 'the highest γ', 'y-low': 'the lowest κ', 'y-high': 'the highest κ' };

function pct(p: number | null): string {
  return p === null || !Number.isFinite(p) ? '—' : `${(100 * p).toFixed(1)} %`;
}

/** The heatmap's colour scale: red below zero, grey at zero, green above, stronger with |value| up to the largest |cell|. */
export function GridColourLegend({ values, metricName }: { values: ArrayLike<number>; metricName: string }) {
  const scale = maxAbs(values);
  const stops = [-1, -0.5, -0.0001, 0, 0.5, 1].map((f) => cellColour(f * scale, scale));
  return (
    <div data-testid="grid-legend" style={{ display: 'flex', alignItems: 'center', gap: 8, margin: '6px 0', fontSize: 12 }}>
      <span>Colour: {metricName}</span>
      <span aria-hidden="true" style={{ display: 'inline-block', width: 160, height: 10, borderRadius: 3, border: '1px solid #9aa5b1', background: `linear-gradient(to right, ${stops.join(', ')})` }} />
      <span>{scale > 0 ? `red below 0 (down to ${fmtNum(-scale, 3)}), green above (up to ${fmtNum(scale, 3)}); grey: undefined` : 'every cell is 0 or undefined'}</span>
    </div>
  );
}

/**
 * What the grid's optimum is worth: the deflated Sharpe ratio of the best cell, the probability of
 * backtest overfitting, and a warning when the best cell sits on the grid's edge. Every figure is the
 * engine's (GridResult.best / .overfitting); this only words them.
 */
export function GridOverfittingView({ result, oos = null }: { result: GridResult; oos?: GridOutOfSample | null }) {
  const o = result.overfitting;
  const nx = result.x.values.length;
  const best = result.best;
  const edgeOf = (edges: GridEdge[]) => edges.map((e) => EDGE_WORDS[e]).join(' and ');
  return (
    <div data-testid="grid-overfitting" style={{ fontSize: 13 }}>
      {best?.onEdge ? (
        <p role="note" data-testid="grid-edge-warning" style={{ color: '#7a4100', background: '#fff4e0', border: '1px solid #e0b060', borderRadius: 6, padding: '4px 8px', margin: '6px 0' }}>
          ⚠ The best cell (γ = {fmtNum(result.x.values[best.ix])}, κ = {fmtNum(result.y.values[best.iy])}) lies on the grid’s edge, at {edgeOf(best.edges)}: the optimum may lie outside the grid.
        </p>
      ) : null}
      {o ? (
        <dl className="metric-cards">
          <div className="card">
            <dt>Deflated Sharpe of the best cell</dt>
            <dd><span data-testid="grid-dsr">{pct(o.dsr)}</span><span className="unit" style={UNIT}>P(true Sharpe &gt; {o.sr0 === null ? '—' : fmtNum(o.sr0, 3)} per {describeDuration(o.bucketSec)})</span></dd>
          </div>
          <div className="card">
            <dt>Probability of backtest overfitting</dt>
            <dd><span data-testid="grid-pbo">{pct(o.pbo)}</span><span className="unit" style={UNIT}>{o.pboSplits === null ? 'not computed' : `CSCV, S = ${o.pboSplits}`}</span></dd>
          </div>
        </dl>
      ) : null}
      {o ? (
        <ul className="muted" style={{ margin: '0 0 6px', paddingLeft: 18 }}>
          <li>
            Best cell by Sharpe per {describeDuration(o.bucketSec)} bucket: γ = {fmtNum(result.x.values[o.best.cell % nx])}, κ = {fmtNum(result.y.values[Math.floor(o.best.cell / nx)])}, Sharpe {fmtNum(o.sharpe, 3)} over {o.observations} buckets
            {o.best.onEdge ? <> — <strong data-testid="grid-edge-warning-sharpe">on the grid’s edge ({edgeOf(o.best.edges)})</strong></> : null}.
          </li>
          <li data-testid="grid-dsr-note">{o.dsrNote}</li>
          <li data-testid="grid-pbo-note">{o.pboNote}</li>
        </ul>
      ) : <p className="muted">No overfitting figures: the cells’ bucket PnL did not come back with the grid.</p>}
      {oos ? (
        <p data-testid="grid-oos">
          Out of sample: the same grid on the first {Math.round(oos.trainFraction * 100)} % of the data picks γ = {fmtNum(result.x.values[oos.best.ix])}, κ = {fmtNum(result.y.values[oos.best.iy])} (Sharpe {fmtNum(oos.inSampleSharpe, 3)} per {describeDuration(oos.bucketSec)} bucket in sample);
          on the rest it has Sharpe <strong data-testid="grid-oos-sharpe">{fmtNum(oos.outOfSample.sharpe, 3)}</strong> per {describeDuration(oos.bucketSec)} bucket over {oos.outOfSample.buckets} buckets
          {oos.outOfSample.ci ? ` (95 % CI [${fmtNum(oos.outOfSample.ci.lo, 3)}, ${fmtNum(oos.outOfSample.ci.hi, 3)}])` : ''} and net PnL {fmtNum(oos.outOfSampleTotalPnl)} quote ccy.
        </p>
      ) : null}
    </div>
  );
}
