import type { GridResult, StrategyId } from '../../engine';
import { fmtNum } from '../../lib/format';
import { strategyLabel } from './compare-rows';
import { bestCell, cellColour, maxAbs } from './heatmap';
import { GridColourLegend } from './GridOverfittingView';
import { describeDuration } from '../../stores/figures';

const VISUALLY_HIDDEN = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' } as const;

/** A γ × κ heatmap of the grid's metric (rows κ, highest at the top; columns γ), best cell starred. */
export function GridHeatmapView({ result, strategy }: { result: GridResult; strategy: StrategyId }) {
  const nx = result.x.values.length;
  // A Sharpe grid shows the engine's Sharpe per overfitting bucket (not annualised): the statistic its
  // best cell, edge flag, DSR and PBO are about. Other metrics show as mapped.
  const o = result.metric === 'sharpe' || result.metric === 'sharpePerBucket' ? result.overfitting : null;
  const values = o ? o.cellSharpes : result.values;
  const best = o ? o.best.cell : result.best?.cell ?? bestCell(result.values);
  const scale = maxAbs(values);
  const metricName = o ? `Sharpe per ${describeDuration(o.bucketSec)} bucket (${o.observations} buckets, not annualised)` : result.metric === 'sharpe' ? 'Sharpe' : result.metric;
  const ys = result.y.values.map((_, iy) => iy).reverse();
  return (
    <figure className="chart" aria-label="Grid search heatmap">
      <figcaption>
        <span>{metricName} over γ × κ — {strategyLabel(strategy)}{best >= 0 ? ` (best: γ = ${fmtNum(result.x.values[best % nx])}, κ = ${fmtNum(result.y.values[Math.floor(best / nx)])})` : ''}</span>
      </figcaption>
      <div style={{ overflowX: 'auto' }}>
        <table className="table" data-testid="grid-heatmap" aria-label={`${result.metric} by risk aversion γ and order-book decay κ`}>
          <thead>
            <tr>
              <th scope="col">κ (1/price) \ γ</th>
              {result.x.values.map((g, ix) => <th key={ix} scope="col">{fmtNum(g, 3)}</th>)}
            </tr>
          </thead>
          <tbody>
            {ys.map((iy) => (
              <tr key={iy}>
                <th scope="row">{fmtNum(result.y.values[iy], 3)}</th>
                {result.x.values.map((g, ix) => {
                  const c = iy * nx + ix;
                  const v = values[c];
                  const isBest = c === best;
                  return (
                    <td
                      key={ix}
                      data-cell={c}
                      data-best={isBest ? 'true' : undefined}
                      title={`γ = ${fmtNum(g)}, κ = ${fmtNum(result.y.values[iy])}: ${metricName} ${fmtNum(v)}`}
                      style={{ background: cellColour(v, scale), textAlign: 'center', outline: isBest ? '2px solid #14213d' : undefined, fontWeight: isBest ? 700 : undefined }}
                    >
                      {fmtNum(v, 3)}{isBest ? <><span aria-hidden="true"> ★</span><span style={VISUALLY_HIDDEN}> (best)</span></> : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <GridColourLegend values={values} metricName={metricName} />
    </figure>
  );
}
