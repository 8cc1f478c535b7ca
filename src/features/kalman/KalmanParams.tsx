import { useId } from 'react';
import { SliderField, formatValue } from '../../components/ui/SliderField';
import { labStore, useLab } from '../../stores/lab-store';
import { KALMAN_SPECS, checkKalmanValue, clampKalman, type KalmanByHand, type KalmanKey } from '../../stores/lab-settings';

/**
 * Fit q and r, or set them by hand. Hand-set values drive both this panel's filter and the
 * backtest's Kalman fair value (strategies "AS on Kalman fair value" and "AS + Kalman + HMM
 * regimes"); switching to "by hand" starts from the values the panel shows (moved into range). A typed value that is
 * not a number in range is refused with a message naming the field; the settings stay as they were.
 */
export function KalmanParams({ start }: { start: KalmanByHand | null }) {
  const byHand = useLab((s) => s.settings.kalman);
  const name = useId();
  const st = labStore.getState();
  const set = (key: KalmanKey, v: number) => {
    const cur = labStore.getState().settings.kalman;
    if (cur) st.setKalman({ ...cur, [key]: v });
  };
  const validate = (key: KalmanKey) => (text: string): string | null => {
    const c = checkKalmanValue(key, text);
    return c.ok ? null : `${c.message}; kept ${formatValue(byHand?.[key] ?? Number.NaN)}.`;
  };
  return (
    <fieldset className="kalman-params" data-testid="kalman-params">
      <legend>Filter parameters q and r (price units² per tick)</legend>
      <div className="kalman-mode" role="radiogroup" aria-label="How q and r are chosen">
        <label>
          <input type="radio" name={name} checked={byHand === null} onChange={() => st.setKalman(null)} data-testid="kalman-mode-fit" />
          {' '}Fit (maximum likelihood)
        </label>
        <label>
          <input type="radio" name={name} checked={byHand !== null} disabled={byHand === null && start === null}
            onChange={() => { if (start) st.setKalman(clampKalman(start)); }} data-testid="kalman-mode-hand" />
          {' '}Set by hand
        </label>
      </div>
      {byHand ? (
        <div className="kalman-hand">
          {KALMAN_SPECS.map((spec) => (
            <SliderField key={spec.key} testId={`kalman-param-${spec.key}`} spec={spec} value={byHand[spec.key]}
              onChange={(v) => set(spec.key, v)} validate={validate(spec.key)} />
          ))}
        </div>
      ) : null}
    </fieldset>
  );
}
