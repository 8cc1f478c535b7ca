import { useState } from 'react';
import { Panel } from '../../components/ui/Panel';
import { useLab, type WalkForwardFold, type WalkForwardResult } from '../../stores/lab-store';
import { maybeLabSession } from '../../stores/lab-session';
import { describeDuration } from '../../stores/figures';
import { fmtCount, fmtNum, fmtPnl, fmtRatio } from '../../lib/format';
import { foldNotes } from './fold-notes';

const FOLDS = { min: 2, max: 10 } as const;
const TRAIN = { min: 0.1, max: 0.9, step: 0.05 } as const;

/** Resolved parameters worth seeing per fold: what the train part calibrated for the test part. */
const AS_LIKE_PARAMS: { label: string; value: (f: WalkForwardFold) => number }[] = [
  { label: 'γ (1/(price·asset))', value: (f) => f.resolved.gamma },
  { label: 'κ (1/price)', value: (f) => f.resolved.kappa },
  { label: 'σ (price/√s)', value: (f) => f.resolved.sigma },
];
/** GLFT's quotes read the arrival rate A too (the AS strategies do not: a column of it there would be a number nothing used). */
const GLFT_PARAMS: { label: string; value: (f: WalkForwardFold) => number }[] = [
  ...AS_LIKE_PARAMS,
  { label: 'A (1/s)', value: (f) => f.resolved.A },
];
const SPREAD_PARAMS: { label: string; value: (f: WalkForwardFold) => number }[] = [
  { label: 'Half-spread (bps)', value: (f) => f.resolved.halfSpreadBps },
  { label: 'σ (price/√s)', value: (f) => f.resolved.sigma },
];

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

/** UTC clock, with the date when the data span more than a day. */
function fmtTime(t: number, withDate: boolean): string {
  if (!Number.isFinite(t)) return '—';
  const iso = new Date(t * 1000).toISOString();
  return withDate ? `${iso.slice(0, 10)} ${iso.slice(11, 19)}` : iso.slice(11, 19);
}

/** A Sharpe from fewer than 2 buckets has no standard deviation behind it: shown as '—'. */
function sharpeText(s: WalkForwardFold['metrics']['sharpeStats']): string {
  return `${s.buckets < 2 ? '—' : fmtRatio(s.sharpe)} (n = ${s.buckets})`;
}

const UNIT = { display: 'block', marginLeft: 0 } as const;

/** Walk-forward: k folds in time, each calibrated on its train part and judged on the test part after it; per-fold and pooled out-of-sample figures. */
export function WalkForwardPanel() {
  const result = useLab((s) => s.walkForward);
  const status = useLab((s) => s.walkForwardStatus);
  const error = useLab((s) => s.walkForwardError);
  const startedAt = useLab((s) => s.walkForwardRunId);
  const runId = useLab((s) => s.runId);
  const hasData = useLab((s) => s.series !== null || s.summary !== null);
  const [folds, setFolds] = useState(5);
  const [trainFraction, setTrainFraction] = useState(0.5);
  const [anchored, setAnchored] = useState(false);
  const [note, setNote] = useState('');

  const run = () => {
    const session = maybeLabSession();
    if (!session) { setNote('The lab is not running yet: load a dataset first.'); return; }
    setNote('');
    void session.walkForward({ folds, trainFraction, anchored });
  };
  const running = status === 'running';

  return (
    <Panel
      id="walk-forward"
      title="Walk-forward (out of sample)"
      subtitle="The data cut into k folds in time: each fold calibrates σ, κ, A, γ, the Kalman filter and the HMM on its train part only, then trades the test part after it with those values fixed. Figures are the test parts’; pooled figures chain them."
      actions={
        <>
          <button type="button" onClick={run} disabled={running || !hasData} data-testid="wf-run">Run walk-forward</button>
          {running ? <button type="button" onClick={() => maybeLabSession()?.cancelWalkForward()}>Cancel</button> : null}
        </>
      }
    >
      <div style={{ display: 'flex', gap: 16, alignItems: 'center', flexWrap: 'wrap', marginBottom: 8 }}>
        <label>
          Folds k ({FOLDS.min}–{FOLDS.max}){' '}
          <input
            type="number" min={FOLDS.min} max={FOLDS.max} step={1} value={folds} data-testid="wf-folds" style={{ width: 60 }}
            onChange={(e) => { const v = e.currentTarget.valueAsNumber; if (Number.isFinite(v)) setFolds(clamp(Math.round(v), FOLDS.min, FOLDS.max)); }}
          />
        </label>
        <label>
          Train fraction of each window ({TRAIN.min}–{TRAIN.max}){' '}
          <input
            type="number" min={TRAIN.min} max={TRAIN.max} step={TRAIN.step} value={trainFraction} data-testid="wf-train" style={{ width: 70 }}
            onChange={(e) => { const v = e.currentTarget.valueAsNumber; if (Number.isFinite(v)) setTrainFraction(clamp(v, TRAIN.min, TRAIN.max)); }}
          />
        </label>
        <fieldset style={{ border: 'none', padding: 0, margin: 0, display: 'flex', gap: 10 }}>
          <legend style={{ float: 'left', marginRight: 6 }}>Train window:</legend>
          <label><input type="radio" name="wf-window" checked={!anchored} onChange={() => setAnchored(false)} data-testid="wf-rolling" /> rolling (equal length)</label>
          <label><input type="radio" name="wf-window" checked={anchored} onChange={() => setAnchored(true)} data-testid="wf-anchored" /> anchored (from the first tick)</label>
        </fieldset>
      </div>
      {running ? <p className="muted" role="status" data-testid="wf-status">Running {folds} folds: calibrating on each train part, trading its test part…</p> : null}
      {status === 'error' && error ? <p className="error" role="alert" data-testid="wf-error">{error}</p> : null}
      {note ? <p className="muted" role="status">{note}</p> : null}
      {result && startedAt !== runId ? <p className="muted" data-testid="wf-stale">From an earlier run’s settings: run the walk-forward again to refresh it.</p> : null}
      {result ? <WalkForwardResultView result={result} /> : !running ? <p className="muted" data-testid="wf-empty">{hasData ? 'Press “Run walk-forward” to evaluate the current settings out of sample.' : 'Waiting for the run…'}</p> : null}
    </Panel>
  );
}

function WalkForwardResultView({ result }: { result: WalkForwardResult }) {
  const { folds, pooled, options } = result;
  const first = folds[0], last = folds[folds.length - 1];
  const withDate = last.testRange.endSec - first.trainRange.startSec > 86_400;
  const params = folds.some((f) => f.resolved.strategy === 'symmetric' || f.resolved.strategy === 'skew') ? SPREAD_PARAMS
    : folds.some((f) => f.resolved.strategy === 'glft') ? GLFT_PARAMS : AS_LIKE_PARAMS;
  const bucketSec = first.metrics.bucketSec;
  const notes = foldNotes(folds);
  const fewBuckets = folds.some((f) => f.metrics.sharpeStats.buckets < 3);
  return (
    <>
      <div style={{ overflowX: 'auto' }}>
        <table className="table" data-testid="wf-table" aria-label="Walk-forward folds: test-part figures">
          <caption className="muted" style={{ textAlign: 'left', captionSide: 'top' }}>
            {folds.length} {options.anchored ? 'anchored' : 'rolling'} folds, train fraction {fmtNum(options.trainFraction, 3)}; times UTC; PnL in quote currency; Sharpe per {describeDuration(bucketSec)} bucket, not annualised, with its number of buckets n.
          </caption>
          <thead>
            <tr>
              <th scope="col">Fold</th>
              <th scope="col">Train part</th>
              <th scope="col">Test part</th>
              <th scope="col">Net PnL (quote ccy)</th>
              <th scope="col">Fills</th>
              <th scope="col">Sharpe per bucket (n)</th>
              {params.map((p) => <th scope="col" key={p.label}>{p.label}</th>)}
            </tr>
          </thead>
          <tbody>
            {folds.map((f) => (
              <tr key={f.fold} data-testid="wf-fold">
                <th scope="row" style={{ textAlign: 'left' }}>{f.fold + 1}</th>
                <td>{fmtTime(f.trainRange.startSec, withDate)} – {fmtTime(f.trainRange.endSec, withDate)}</td>
                <td>{fmtTime(f.testRange.startSec, withDate)} – {fmtTime(f.testRange.endSec, withDate)}</td>
                <td data-testid="wf-fold-pnl">{fmtPnl(f.attribution.net)}</td>
                <td data-testid="wf-fold-fills">{fmtCount(f.metrics.fills)}</td>
                <td data-testid="wf-fold-sharpe">{sharpeText(f.metrics.sharpeStats)}</td>
                {params.map((p) => <td key={p.label}>{fmtNum(p.value(f))}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {fewBuckets ? <p className="muted" data-testid="wf-few-buckets">Some test parts hold fewer than 3 buckets of {fmtNum(bucketSec)} s: their Sharpe is undefined (—) or noise. Read the pooled Sharpe, or use fewer folds.</p> : null}
      <h3 style={{ fontSize: 15, margin: '10px 0 6px' }}>Pooled out of sample ({describeDuration(pooled.testDurationSec)} of test data)</h3>
      <dl className="metric-cards" data-testid="wf-pooled">
        <div className="card">
          <dt>Net PnL</dt>
          <dd><span data-testid="wf-pooled-pnl">{fmtPnl(pooled.netPnl)}</span><span className="unit" style={UNIT}>quote ccy</span></dd>
        </div>
        <div className="card">
          <dt>Sharpe per {describeDuration(bucketSec)} bucket</dt>
          <dd>
            <span data-testid="wf-pooled-sharpe">{pooled.sharpe.buckets < 2 ? '—' : fmtRatio(pooled.sharpe.sharpe)}</span>
            <span className="unit" style={UNIT}>n = {pooled.sharpe.buckets} buckets{pooled.sharpe.ci ? `, 95 % CI [${fmtRatio(pooled.sharpe.ci.lo)}, ${fmtRatio(pooled.sharpe.ci.hi)}]` : ''}</span>
          </dd>
        </div>
        <div className="card">
          <dt>Max drawdown</dt>
          <dd><span data-testid="wf-pooled-dd">{fmtPnl(pooled.maxDrawdown)}</span><span className="unit" style={UNIT}>quote ccy</span></dd>
        </div>
        <div className="card">
          <dt>Fills</dt>
          <dd><span data-testid="wf-pooled-fills">{fmtCount(pooled.fills)}</span></dd>
        </div>
      </dl>
      {notes.length > 0 ? (
        <ul className="muted" data-testid="wf-notes" style={{ margin: '0 0 6px', paddingLeft: 18 }}>
          {notes.map((n) => <li key={n}>{n}</li>)}
        </ul>
      ) : null}
    </>
  );
}
