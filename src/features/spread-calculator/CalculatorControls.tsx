import { SliderField } from '../../components/ui/SliderField';
import { paramsStore, useParams } from '../../stores/params-store';
import { labStore, useLab } from '../../stores/lab-store';
import { loadRunIntoCalculator, copyCalculatorToBacktest } from '../../stores/param-transfer';
import { NUMERIC_SPECS, yearBasisOf, type NumericParam } from '../../stores/calculator-params';

const AS_FIELDS: NumericParam[] = ['gamma', 'kappa', 'sigmaAnnualPct', 'q', 'hoursToClose', 'mid', 'maxQ'];
const GLFT_FIELDS: NumericParam[] = ['gamma', 'kappa', 'A', 'sigmaAnnualPct', 'q', 'mid', 'maxQ'];

/** Model choice and one slider + number box per parameter the chosen model uses. */
export function CalculatorControls() {
  const params = useParams((s) => s.params);
  const clampNotes = useParams((s) => s.clampNotes);
  const setNumber = useParams((s) => s.setNumber);
  const setModel = useParams((s) => s.setModel);
  const setYearBasis = useParams((s) => s.setYearBasis);
  const fields = params.model === 'glft' ? GLFT_FIELDS : AS_FIELDS;
  const hasRun = useLab((s) => s.summary !== null);
  return (
    <div className="controls">
      <fieldset className="model-choice">
        <legend>Model</legend>
        <label>
          <input type="radio" name="quote-model" value="as" checked={params.model === 'as'} onChange={() => setModel('as')} />
          Avellaneda–Stoikov (finite horizon)
        </label>
        <label>
          <input type="radio" name="quote-model" value="glft" checked={params.model === 'glft'} onChange={() => setModel('glft')} />
          GLFT (infinite horizon)
        </label>
      </fieldset>
      {fields.map((key) => {
        const spec = NUMERIC_SPECS.find((s) => s.key === key)!;
        return (
          <SliderField
            key={key}
            testId={`field-${key}`}
            spec={spec}
            value={params[key]}
            note={clampNotes[key]}
            onChange={(v) => setNumber(key, v)}
          />
        );
      })}
      <label className="select-field">
        <span>Year for annualising σ and PnL</span>
        <select value={params.yearBasis} onChange={(e) => setYearBasis(yearBasisOf(e.currentTarget.value))}>
          <option value="24/7">24/7 market: 365 d × 24 h</option>
          <option value="24/5">FX, weekdays: 260 d × 24 h</option>
          <option value="exchange">Exchange: 252 d × 6.5 h</option>
        </select>
      </label>
      <div className="transfer-buttons" role="group" aria-label="Share parameters with the backtest">
        <button type="button" data-testid="use-in-backtest" onClick={() => copyCalculatorToBacktest(paramsStore, labStore)}
          title="Set the backtest's γ, κ, σ and inventory limit Q to these values (same units) and re-run">Use in backtest</button>{' '}
        <button type="button" data-testid="load-from-run" disabled={!hasRun} onClick={() => loadRunIntoCalculator(paramsStore, labStore)}
          title="Set γ, κ, σ, Q and S to the values the last backtest run used">Load from run</button>
      </div>
    </div>
  );
}
