import { useLab } from '../stores/lab-store';
import { PnlPanel } from '../features/pnl/PnlPanel';
import { InventoryPanel } from '../features/inventory/InventoryPanel';
import { KalmanPanel } from '../features/kalman/KalmanPanel';
import { RegimePanel } from '../features/regimes/RegimePanel';
import { ComparePanel } from '../features/compare/ComparePanel';

/** The backtest panels the user has open (the set is part of the shared URL). */
export function LabPanels() {
  const open = useLab((s) => s.settings.panels);
  return (
    <>
      {open.includes('pnl') ? <PnlPanel /> : null}
      {open.includes('inventory') ? <InventoryPanel /> : null}
      {open.includes('kalman') ? <KalmanPanel /> : null}
      {open.includes('regimes') ? <RegimePanel /> : null}
      {open.includes('compare') ? <ComparePanel /> : null}
    </>
  );
}
