import { useLab } from '../stores/lab-store';
import { PnlPanel } from '../features/pnl/PnlPanel';
import { InventoryPanel } from '../features/inventory/InventoryPanel';

/** The backtest panels the user has open (the set is part of the shared URL). */
export function LabPanels() {
  const open = useLab((s) => s.settings.panels);
  return (
    <>
      {open.includes('pnl') ? <PnlPanel /> : null}
      {open.includes('inventory') ? <InventoryPanel /> : null}
    </>
  );
}
