import { Panel } from '../../components/ui/Panel';
import { StaleNote } from '../../components/ui/StaleNote';
import { useLab } from '../../stores/lab-store';
import { KalmanCards } from './KalmanCards';
import { KalmanCharts } from './KalmanCharts';
import { KalmanParams } from './KalmanParams';
import { useReplayCursor } from '../../stores/replay-cursor';

/** Kalman local-level filter on the mid: how it tracks, its gain, and whether its innovations are white. */
export function KalmanPanel() {
  const view = useLab((s) => s.kalman);
  const status = useLab((s) => s.status);
  const stale = useLab((s) => s.stale);
  const replay = useReplayCursor();
  return (
    <Panel id="kalman" title="Kalman filter" subtitle="Local-level model on the mid: y = x + ε (variance r), x random walk (variance q per tick).">
      <StaleNote status={status} stale={stale && view !== null} />
      <KalmanParams start={view ? { q: view.q, r: view.r } : null} />
      {view ? (
        <>
          {view.note ? <p className="muted" role="note" data-testid="kalman-note">{view.note}</p> : null}
          <KalmanCards view={view} />
          <KalmanCharts view={view} replay={replay} />
        </>
      ) : (
        <p className="muted" role="status" data-testid="kalman-waiting">{status === 'error' ? 'The run failed; see the run controls.' : 'Waiting for the run…'}</p>
      )}
    </Panel>
  );
}
