import { useId, useState, type KeyboardEvent } from 'react';

/** What a slider needs to know about its value (a subset of the store's parameter spec). */
export interface SliderSpec {
  label: string;
  symbol: string;
  unit: string;
  min: number;
  max: number;
  step: number;
  scale: 'linear' | 'log';
  integer?: boolean;
}

const LOG_POSITIONS = 1000;

function toPosition(spec: SliderSpec, v: number): number {
  if (spec.scale === 'linear') return v;
  const t = Math.log(v / spec.min) / Math.log(spec.max / spec.min);
  return Math.round(Math.min(1, Math.max(0, t)) * LOG_POSITIONS);
}

function fromPosition(spec: SliderSpec, pos: number): number {
  if (spec.scale === 'linear') return pos;
  return spec.min * Math.pow(spec.max / spec.min, pos / LOG_POSITIONS);
}

/** Shortest readable form of a slider value for the number box. */
export function formatValue(v: number): string {
  if (v === 0) return '0';
  const abs = Math.abs(v);
  if (abs >= 1e5 || abs < 1e-3) return v.toPrecision(4).replace(/\.?0+(e|$)/, '$1');
  return String(Number(v.toPrecision(6)));
}

/**
 * A labelled range slider paired with a typed number input. Log-scale parameters move
 * evenly in log space; arrow keys work on both. Typed values are committed on Enter or blur
 * (and live while they are already in range); out-of-range ones are clamped by the store,
 * which then sends the `note` shown under the control.
 */
export function SliderField({ spec, value, onChange, note, testId, validate }: {
  spec: SliderSpec;
  /** null: no value yet (e.g. calibrated by the next run): an empty box saying "auto", the slider at its start. */
  value: number | null;
  onChange: (v: number) => void;
  note?: string;
  testId?: string;
  /** Given: typed text is committed only when this returns null; otherwise its message is shown and the value kept. */
  validate?: (text: string) => string | null;
}) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const commit = (text: string) => {
    setDraft(null);
    const trimmed = text.trim();
    const problem = validate ? validate(trimmed) : null;
    setError(problem);
    if (problem === null) onChange(trimmed === '' ? Number.NaN : Number(trimmed));
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') commit(e.currentTarget.value);
    if (e.key === 'Escape') setDraft(null);
  };
  const rangeStep = spec.scale === 'log' ? 1 : spec.step;
  return (
    <div className="slider-field" data-testid={testId}>
      <label htmlFor={`${id}-range`} className="slider-label">
        <span>{spec.label}</span> <span className="symbol">{spec.symbol}</span>
        <span className="unit">{spec.unit}</span>
      </label>
      <div className="slider-row">
        <input
          id={`${id}-range`}
          type="range"
          min={spec.scale === 'log' ? 0 : spec.min}
          max={spec.scale === 'log' ? LOG_POSITIONS : spec.max}
          step={rangeStep}
          value={toPosition(spec, value ?? spec.min)}
          aria-valuetext={value === null ? 'auto: set by the next run' : `${formatValue(value)} ${spec.unit}`}
          onChange={(e) => { setError(null); onChange(fromPosition(spec, Number(e.currentTarget.value))); }}
        />
        <input
          type="number"
          className="slider-number"
          aria-label={`${spec.label} (${spec.symbol}) in ${spec.unit}`}
          aria-invalid={error !== null}
          step={spec.step}
          value={draft ?? (value === null ? '' : formatValue(value))}
          placeholder={value === null ? 'auto' : undefined}
          onChange={(e) => {
            const text = e.currentTarget.value;
            setDraft(text);
            const n = Number(text);
            if (text.trim() !== '' && Number.isFinite(n) && n >= spec.min && n <= spec.max && (!validate || validate(text.trim()) === null)) { setError(null); onChange(n); }
          }}
          onBlur={(e) => { if (draft !== null) commit(e.currentTarget.value); }}
          onKeyDown={onKey}
        />
      </div>
      {error !== null ? <p className="field-note field-error" role="alert">{error}</p> : note ? <p className="field-note" role="status">{note}</p> : null}
    </div>
  );
}
