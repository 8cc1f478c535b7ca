import { Suspense } from 'react';
import { useLab } from '../stores/lab-store';
import { PANELS, type PanelEntry } from './panel-registry';

/** The backtest panels the user has open (the set is part of the shared URL), each loaded lazily from the registry. */
export function LabPanels({ panels = PANELS }: { panels?: readonly PanelEntry[] }) {
  const open = useLab((s) => s.settings.panels);
  return (
    <>
      {panels.filter((p) => open.includes(p.id)).map(({ id, label, Component }) => (
        <Suspense key={id} fallback={<section className="panel panel-loading" aria-busy="true" data-testid={`panel-loading-${id}`}>Loading {label}…</section>}>
          <Component />
        </Suspense>
      ))}
    </>
  );
}
