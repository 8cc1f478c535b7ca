import { useEffect, useRef, useState } from 'react';
import type { GridOutOfSample, GridResult, StrategyId } from '../../engine';
import { useLab } from '../../stores/lab-store';
import { runGammaKappaGrid } from '../../stores/grid-runner';
import { maybeLabSession } from '../../stores/lab-session';
import { GridHeatmapView } from './GridHeatmapView';
import { GridOverfittingView } from './GridOverfittingView';

const N = 5;

/** Runs a 5 × 5 γ × κ grid on demand (worker pool) and shows its Sharpe heatmap. */
export function GridHeatmap() {
  const hasRun = useLab((s) => s.summary !== null);
  const runId = useLab((s) => s.runId);
  const [state, setState] = useState<{ status: 'idle' | 'running' | 'done' | 'error'; done: number; error: string; out: { result: GridResult; strategy: StrategyId; oos: GridOutOfSample | null; runId: number } | null }>({ status: 'idle', done: 0, error: '', out: null });
  const ctrl = useRef<AbortController | null>(null);
  useEffect(() => () => ctrl.current?.abort(), []);

  const run = () => {
    ctrl.current?.abort();
    const c = new AbortController();
    ctrl.current = c;
    setState((s) => ({ ...s, status: 'running', done: 0, error: '' }));
    const startedFor = runId;
    (maybeLabSession()?.grid ?? runGammaKappaGrid)({ n: N, signal: c.signal, onProgress: (p) => { if (ctrl.current === c) setState((s) => ({ ...s, done: p.done })); } }).then(
      (out) => { if (ctrl.current === c) setState({ status: 'done', done: N * N, error: '', out: { ...out, runId: startedFor } }); },
      (e: unknown) => {
        if (ctrl.current !== c) return;
        const aborted = e instanceof Error && e.name === 'AbortError';
        setState((s) => ({ ...s, status: aborted ? 'idle' : 'error', error: aborted ? '' : e instanceof Error ? e.message : String(e) }));
      },
    );
  };
  const cancel = () => { ctrl.current?.abort(); };

  return (
    <section aria-labelledby="grid-title" style={{ marginTop: 12 }}>
      <h3 id="grid-title" style={{ fontSize: 15, margin: '0 0 6px' }}>γ × κ grid search (Sharpe per bucket, with overfitting checks)</h3>
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
        <button type="button" onClick={run} disabled={!hasRun || state.status === 'running'} data-testid="grid-run">Run {N} × {N} grid</button>
        {state.status === 'running' ? (
          <>
            <progress className="progress" style={{ width: 160 }} max={N * N} value={state.done} aria-label="Grid cells done" />
            <span className="muted" role="status">{state.done} / {N * N} cells</span>
            <button type="button" onClick={cancel}>Cancel grid</button>
          </>
        ) : (
          <span className="muted">{hasRun ? 'γ and κ from ÷10 to ×10 around the last run’s values, same data and seed, spread over worker threads.' : 'Waiting for the run…'}</span>
        )}
      </div>
      {state.error ? <p className="error" role="alert">{state.error}</p> : null}
      {state.out && state.out.runId !== runId ? <p className="muted" data-testid="grid-stale">From an earlier run’s settings: run the grid again to refresh it.</p> : null}
      {state.out ? <GridHeatmapView result={state.out.result} strategy={state.out.strategy} /> : null}
      {state.out ? <GridOverfittingView result={state.out.result} oos={state.out.oos} /> : null}
    </section>
  );
}
