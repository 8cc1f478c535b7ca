import type { RiskEvent } from './types';

const MAX_LOGGED = 10_000;

/** The risk log: every stop and restart with its reason (the first 10 000 kept, the rest counted). */
export interface RiskLog {
  events: RiskEvent[];
  dropped: number;
}

export function createRiskLog(): RiskLog {
  return { events: [], dropped: 0 };
}

/** Logs an event; `reason` gets ` (value)` appended, formatted only when the event is kept. */
export function logRisk(log: RiskLog, time: number, index: number, kind: RiskEvent['kind'], side: RiskEvent['side'], reason: string, value: number): void {
  if (log.events.length < MAX_LOGGED) log.events.push({ time, index, kind, side, reason: `${reason} (${+value.toPrecision(8)})`, value });
  else log.dropped++;
}

/**
 * Room left to buy (side +1) or sell (side −1) before |inventory| would exceed the effective limit
 * min(maxInventory, maxPositionValue / mid), asset units (≥ 0).
 */
export function roomToTrade(side: number, inventory: number, maxInventory: number, maxPositionValue: number, mid: number): number {
  return room(side, inventory, inventoryLimit(maxInventory, maxPositionValue, mid));
}

/** The effective |inventory| limit at `mid`: min(maxInventory, maxPositionValue / |mid|), asset units. */
export function inventoryLimit(maxInventory: number, maxPositionValue: number, mid: number): number {
  return Math.min(maxInventory, maxPositionValue / Math.abs(mid));
}

/** Room left to buy (side +1) or sell (side −1) under the limit `lim`, asset units (≥ 0). */
export function room(side: number, inventory: number, lim: number): number {
  const r = side > 0 ? lim - inventory : lim + inventory;
  return r > 0 ? r : 0;
}
