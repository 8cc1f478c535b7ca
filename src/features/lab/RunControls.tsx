import { useMemo } from 'react';
import './run-controls.css';
import { Panel } from '../../components/ui/Panel';
import { SliderField } from '../../components/ui/SliderField';
import { useLab, labStore } from '../../stores/lab-store';
import { maybeLabSession } from '../../stores/lab-session';
import { resolvedLabValues } from '../../stores/param-transfer';
import { rangeText } from '../../lib/params/spec';
import { fmtNum } from '../../lib/format';
import { LAB_SPECS, LAB_STRATEGIES, QUEUE_MODELS, QUEUE_POWER_SPEC, panelCatalog, type LabNumericSpec, type QueueModel } from '../../stores/lab-settings';
import type { StrategyId } from '../../engine';
import { useReplayPlayer } from './use-replay';

/**
 * The value a slider shows: the user's, else the one the engine calibrated on the last run, else the
 * spec's default; null (an empty "auto" box) when the engine calibrates it and no run on this data has.
 */
function shownValue(spec: LabNumericSpec, own: number | undefined, resolved: Partial<Record<string, number>>): number | null {
  if (own !== undefined) return own;
  const r = resolved[spec.key];
  if (typeof r === 'number' && Number.isFinite(r)) return Math.min(spec.max, Math.max(spec.min, r));
  return spec.default ?? null;
}

/**
 * How quotes fill: the fill model (auto = chosen from the data; the choices are the models that apply
 * to the loaded data, from the last run), the queue-position model for 'queue', and its power n for
 * 'power'. The model in use and why is on the Fills panel.
 */
function FillSettings() {
  const fillModel = useLab((s) => s.settings.fillModel);
  const queueModel = useLab((s) => s.settings.queueModel);
  const queuePower = useLab((s) => s.settings.queuePower);
  const note = useLab((s) => s.queuePowerNote);
  // Unset, the slider shows the n the engine resolved on the last run (its default).
  const resolvedPower = useLab((s) => s.summary?.resolved.queuePower);
  const applicable = useLab((s) => s.fills?.applicable);
  const inUse = useLab((s) => s.fills?.fillModel);
  const st = labStore.getState();
  const options = [...new Set([...(applicable ?? []), ...(fillModel !== undefined ? [fillModel] : [])])];
  // The queue settings show when 'queue' is chosen, or when auto resolved to it.
  const queue = fillModel === 'queue' || (fillModel === undefined && inUse === 'queue');
  const qm: QueueModel = queueModel ?? 'risk-averse';
  return (
    <div className="fill-settings" role="group" aria-label="Fill model">
      <label className="select-field">
        <span>Fill model</span>
        <select data-testid="fill-model-select" value={fillModel ?? ''} onChange={(e) => st.setFillModel(e.currentTarget.value === '' ? undefined : e.currentTarget.value, queueModel)}>
          <option value="">auto (from the data{inUse !== undefined && fillModel === undefined ? `: ${inUse}` : ''})</option>
          {options.map((id) => <option key={id} value={id}>{id}</option>)}
        </select>
      </label>
      {queue ? (
        <label className="select-field">
          <span>Queue position model</span>
          <select data-testid="queue-model-select" value={qm} onChange={(e) => st.setFillModel(fillModel, e.currentTarget.value as QueueModel)}>
            {QUEUE_MODELS.map((q) => <option key={q} value={q}>{q}</option>)}
          </select>
        </label>
      ) : null}
      {queue && qm === 'power' ? (
        <div className="lab-field">
          <SliderField
            testId="lab-queuePower"
            spec={{ ...QUEUE_POWER_SPEC, unit: 'exponent', label: queuePower === undefined ? `${QUEUE_POWER_SPEC.label} (engine default)` : QUEUE_POWER_SPEC.label }}
            value={queuePower ?? resolvedPower ?? QUEUE_POWER_SPEC.min}
            note={note}
            onChange={(v) => st.setQueuePower(v)}
          />
          {queuePower !== undefined ? <button type="button" className="small" onClick={() => st.setQueuePower(undefined)}>Back to default</button> : null}
          <p className="muted">A size decrease is taken from the queue ahead of us with probability f(behind)/(f(behind) + f(ahead)), f(x) = xⁿ.</p>
        </div>
      ) : null}
    </div>
  );
}

/** Strategy, its parameters, Run/Cancel with progress, replay, and which panels are open. */
export function RunControls() {
  const settings = useLab((s) => s.settings);
  const status = useLab((s) => s.status);
  const done = useLab((s) => s.done);
  const total = useLab((s) => s.total);
  const error = useLab((s) => s.error);
  const summary = useLab((s) => s.summary);
  const resolved = useMemo(() => resolvedLabValues(summary), [summary]);
  const replay = useLab((s) => s.replay);
  const valueNotes = useLab((s) => s.valueNotes);
  const stale = useLab((s) => s.stale);
  const { playing, setPlaying, speed, setSpeed, valueText } = useReplayPlayer();
  const st = labStore.getState();
  const specs = LAB_SPECS.filter((s) => !s.strategies || s.strategies.includes(settings.strategy));
  const pct = total > 0 ? Math.round((100 * done) / total) : 0;
  return (
    <Panel id="run-controls" title="Backtest" subtitle="Replays the loaded ticks through the chosen strategy in a worker; charts fill in as it runs. Unset parameters are calibrated from the data (shown as 'auto').">
      <div className="run-controls">
        <label className="select-field">
          <span>Strategy</span>
          <select value={settings.strategy} onChange={(e) => st.setStrategy(e.currentTarget.value as StrategyId)} data-testid="strategy-select">
            {LAB_STRATEGIES.map((s) => <option key={s.id} value={s.id}>{s.label}</option>)}
          </select>
        </label>
        {specs.map((spec) => {
          const own = settings.values[spec.key];
          const used = resolved[spec.key];
          // A calibrated value the slider cannot show (e.g. Q = 0.16 BTC under a range from 1) is said, not silently clamped.
          const outside = own === undefined && used !== undefined && Number.isFinite(used) && (used < spec.min || used > spec.max)
            ? `The last run used ${spec.symbol} = ${fmtNum(used)} ${spec.unit}, outside this control's range (${rangeText(spec)}).` : undefined;
          return (
            <div key={spec.key} className="lab-field">
              <SliderField
                testId={`lab-${spec.key}`}
                spec={{ ...spec, label: own === undefined && spec.default === undefined ? `${spec.label} (auto)` : spec.label }}
                value={shownValue(spec, own, resolved)}
                note={valueNotes[spec.key] ?? outside}
                onChange={(v) => st.setValue(spec.key, v)}
              />
              {spec.default === undefined && own !== undefined ? (
                <button type="button" className="small" onClick={() => st.setValue(spec.key, undefined)}>Back to auto</button>
              ) : null}
            </div>
          );
        })}
        <FillSettings />
        <label><input type="checkbox" checked={settings.guard} onChange={(e) => st.setGuard(e.currentTarget.checked)} /> Adverse-selection guard</label>
        <div className="run-buttons">
          <button type="button" onClick={() => maybeLabSession()?.run()} data-testid="run-button">Run</button>{' '}
          <button type="button" onClick={() => maybeLabSession()?.cancel()} disabled={status !== 'running'} data-testid="cancel-button">Cancel</button>
        </div>
      </div>
      <div className="run-status" aria-live="polite">
        <progress className="progress" max={100} value={pct} aria-label="Backtest progress" data-testid="run-progress" />
        <span className="muted" data-testid="run-status">
          {status === 'running' ? `Running… ${done.toLocaleString()} / ${total.toLocaleString()} ticks` : status === 'done' ? `Done: ${total.toLocaleString()} ticks` : status === 'cancelled' ? 'Cancelled' : status === 'error' ? 'Failed' : 'Waiting for data'}
        </span>
        {error ? <p className="error" role="alert" data-testid="run-error">{error}</p> : null}
        {stale && status !== 'running' ? <p className="note" data-testid="run-stale">The charts below are from an earlier run, not the current data and settings.</p> : null}
      </div>
      <div className="replay" role="group" aria-label="Replay">
        <button type="button" onClick={() => setPlaying(!playing)} disabled={status !== 'done'}>{playing ? 'Pause' : 'Play'}</button>
        <label>Speed <select value={speed} onChange={(e) => setSpeed(Number(e.currentTarget.value))}>{[0.5, 1, 2, 5, 10].map((x) => <option key={x} value={x}>{x}×</option>)}</select></label>
        <label className="replay-scrub">Replay position
          <input type="range" min={0} max={1000} value={Math.round(replay * 1000)} aria-valuetext={valueText} onChange={(e) => st.setReplay(Number(e.currentTarget.value) / 1000)} disabled={status !== 'done'} />
        </label>{' '}
        <output className="muted" data-testid="replay-value">{valueText}</output>
      </div>
      <fieldset className="panel-toggles">
        <legend>Panels</legend>
        {panelCatalog().map((p) => (
          <label key={p.id}><input type="checkbox" checked={settings.panels.includes(p.id)} onChange={() => st.togglePanel(p.id)} /> {p.label}</label>
        ))}
      </fieldset>
    </Panel>
  );
}
