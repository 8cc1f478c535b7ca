import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/** One backtest panel: its id (toggle and URL `p` value), its label, and its component, loaded on first show. */
export interface PanelEntry {
  id: string;
  label: string;
  Component: LazyExoticComponent<ComponentType>;
}

/** A registry entry; `load` is a dynamic import, so each panel (and its charts) is its own chunk. */
export function panel(id: string, label: string, load: () => Promise<ComponentType>): PanelEntry {
  return { id, label, Component: lazy(() => load().then((Component) => ({ default: Component }))) };
}

/**
 * Every backtest panel, in page order. Adding a panel is one new file under src/features/ that
 * exports a component reading the stores, and one line here.
 */
export const PANELS: readonly PanelEntry[] = [
  panel('pnl', 'PnL & risk', () => import('../features/pnl/PnlPanel').then((m) => m.PnlPanel)),
  panel('inventory', 'Inventory', () => import('../features/inventory/InventoryPanel').then((m) => m.InventoryPanel)),
  panel('kalman', 'Kalman', () => import('../features/kalman/KalmanPanel').then((m) => m.KalmanPanel)),
  panel('regimes', 'Regimes', () => import('../features/regimes/RegimePanel').then((m) => m.RegimePanel)),
  panel('compare', 'Compare', () => import('../features/compare/ComparePanel').then((m) => m.ComparePanel)),
  panel('fills', 'Fills', () => import('../features/fills/FillsPanel').then((m) => m.FillsPanel)),
  panel('walk-forward', 'Walk-forward', () => import('../features/walk-forward/WalkForwardPanel').then((m) => m.WalkForwardPanel)),
];
