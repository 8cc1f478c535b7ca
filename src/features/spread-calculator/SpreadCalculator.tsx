import { lazy, Suspense } from 'react';
import { Panel } from '../../components/ui/Panel';
import { CalculatorControls } from './CalculatorControls';
import { FormulaView } from './FormulaView';
import { QuoteOutputs } from './QuoteOutputs';
import { useCalculator } from './use-calculator';

// The charts load after first paint, in a chunk of their own.
const CalculatorCharts = lazy(() => import('./CalculatorCharts').then((m) => ({ default: m.CalculatorCharts })));

/** The first panel: optimal quotes for the chosen model, live as the sliders move. */
export function SpreadCalculator() {
  const { params, result, error } = useCalculator();
  return (
    <Panel id="spread-calculator" title="Spread calculator" subtitle="Optimal market-making quotes in closed form. Move a slider or type a value; everything updates at once.">
      <div className="calculator">
        <CalculatorControls />
        <div className="calculator-results">
          {result ? (
            <>
              <QuoteOutputs params={params} result={result} />
              <FormulaView params={params} result={result} />
              <Suspense fallback={null}><CalculatorCharts params={params} /></Suspense>
            </>
          ) : (
            <p className="error" role="alert">{error}</p>
          )}
        </div>
      </div>
    </Panel>
  );
}
