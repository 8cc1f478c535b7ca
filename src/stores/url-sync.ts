import { parseUrlState, serializeUrlState } from './url-state';
import type { ParamsStore } from './params-store';
import type { LabStore } from './lab-store';

/**
 * Seeds the store from the current URL, then keeps the URL in step with the store
 * (replaceState, so dragging a slider does not flood the history). Other slices add their
 * own keys (e.g. `sample`) with setUrlExtra; they must be listed in url-state's FOREIGN_KEYS.
 */
let extras: Record<string, string> = {};
let scheduleWrite: () => void = () => {};
let labRef: LabStore | null = null;

/** Sets (or with undefined removes) a non-parameter key in the shared URL. */
export function setUrlExtra(key: string, value: string | undefined): void {
  if (value === undefined) delete extras[key];
  else extras[key] = value;
  scheduleWrite();
}

/** The URL's value for a non-parameter key, as read at start-up. */
export function getUrlExtra(key: string): string | undefined {
  return extras[key];
}

export function startUrlSync(store: ParamsStore, lab: LabStore | null = null, loc: Location = window.location, hist: History = window.history): () => void {
  const { params, lab: labSettings, notices, foreign } = parseUrlState(loc.search);
  store.getState().replaceAll(params, notices);
  labRef = lab;
  lab?.getState().replaceSettings(labSettings);
  extras = { ...foreign };
  let pending = 0;
  const write = () => {
    pending = 0;
    const query = serializeUrlState(store.getState().params, extras, labRef?.getState().settings);
    if (query !== loc.search) hist.replaceState(hist.state, '', `${loc.pathname}${query}${loc.hash}`);
  };
  scheduleWrite = () => {
    if (pending === 0) pending = window.setTimeout(write, 100);
  };
  write();
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.params !== prev.params) scheduleWrite();
  });
  const unsubscribeLab = lab?.subscribe((s, prev) => {
    if (s.settings !== prev.settings) scheduleWrite();
  });
  return () => {
    unsubscribe();
    unsubscribeLab?.();
    if (pending !== 0) window.clearTimeout(pending);
    scheduleWrite = () => {};
  };
}

/** The full shareable link for the current state (never contains user data, only parameters and sample ids). */
export function shareLink(store: ParamsStore, loc: Location = window.location): string {
  return `${loc.origin}${loc.pathname}${serializeUrlState(store.getState().params, extras, labRef?.getState().settings)}`;
}
