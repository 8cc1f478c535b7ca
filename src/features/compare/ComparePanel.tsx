import { useMemo, useState } from 'react';
import { Panel } from '../../components/ui/Panel';
import { useLab } from '../../stores/lab-store';
import { maybeLabSession } from '../../stores/lab-session';
import { rankByNet } from './compare-rows';
import { RANKING_STATISTIC } from '../../stores/figures';
import { CompareTable } from './CompareTable';
import { EquityCurves } from './EquityCurves';
import { GridHeatmap } from './GridHeatmap';

/** Every strategy on the same data and seed, ranked by net PnL (the engine's rankByNetPnl), plus a γ × κ grid of the current strategy. */
export function ComparePanel() {
  const rows = useLab((s) => s.compareRows);
  const status = useLab((s) => s.compareStatus);
  const error = useLab((s) => s.compareError);
  const hasData = useLab((s) => s.series !== null);
  const [note, setNote] = useState('');
  const ranked = useMemo(() => (rows ? rankByNet(rows) : null), [rows]);
  const compare = () => {
    const runner = maybeLabSession();
    if (!runner) { setNote('The lab is not running yet: load a dataset first.'); return; }
    setNote('');
    void runner.compare();
  };
  return (
    <Panel
      id="compare"
      title="Compare strategies"
      subtitle={`Symmetric, linear skew, AS, AS + Kalman, AS + Kalman + regimes and GLFT on the same data, seed and limits. ${RANKING_STATISTIC.note}`}
      actions={<button type="button" onClick={compare} disabled={status === 'running'} data-testid="compare-run">Compare strategies</button>}
    >
      {status === 'running' ? <p className="muted" role="status" data-testid="compare-status">Running every strategy on the same data and seed…</p> : null}
      {status === 'error' && error ? <p className="error" role="alert">{error}</p> : null}
      {note ? <p className="muted" role="status">{note}</p> : null}
      {ranked ? (
        <>
          <div style={{ overflowX: 'auto' }}><CompareTable ranked={ranked} /></div>
          <EquityCurves ranked={ranked} />
        </>
      ) : status !== 'running' ? (
        <p className="muted" data-testid="compare-empty">{hasData ? 'Press “Compare strategies” to run them all on the current data.' : 'Waiting for the run…'}</p>
      ) : null}
      <GridHeatmap />
    </Panel>
  );
}
