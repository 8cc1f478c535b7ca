import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { LoadedDataset, LoadFailure, LoadProgress } from '../workers/csv-client';

/** What the Data panel reads, re-exported so features never import workers. */
export type { DatasetProblem, LoadedDataset, LoadFailure, LoadProgress, CsvParseOptions } from '../workers/csv-client';

/** The user's choices for bad rows and out-of-order times (shown in the Data panel). */
export interface DatasetPolicies {
  badRows: 'skip' | 'stop';
  order: 'sort' | 'reject';
}

export type DatasetStatus = 'idle' | 'loading' | 'ready' | 'error' | 'cancelled';

/**
 * The loaded dataset: parsed columns (Float64Array, never row objects) and their summary,
 * plus the state of the load in progress. Vanilla so loaders and tests need no React;
 * `useDataset` adds the React binding.
 */
export interface DatasetState {
  dataset: LoadedDataset | null;
  status: DatasetStatus;
  /** What is being loaded (file or sample name) while loading. */
  loadingLabel: string;
  progress: LoadProgress | null;
  error: LoadFailure | null;
  /** Where the current dataset came from on this page view. */
  origin: 'loaded' | 'restored' | null;
  policies: DatasetPolicies;
  setPolicies(p: Partial<DatasetPolicies>): void;
  startLoading(label: string): void;
  setProgress(p: LoadProgress): void;
  setLoaded(dataset: LoadedDataset, origin?: 'loaded' | 'restored'): void;
  setFailed(error: LoadFailure): void;
  setCancelled(): void;
  clear(): void;
}

export const DEFAULT_POLICIES: DatasetPolicies = { badRows: 'skip', order: 'sort' };

export function createDatasetStore() {
  return createStore<DatasetState>()((set) => ({
    dataset: null,
    status: 'idle',
    loadingLabel: '',
    progress: null,
    error: null,
    origin: null,
    policies: { ...DEFAULT_POLICIES },
    setPolicies: (p) => set((s) => ({ policies: { ...s.policies, ...p } })),
    startLoading: (label) => set({ status: 'loading', loadingLabel: label, progress: null, error: null }),
    setProgress: (progress) => set((s) => (s.status === 'loading' ? { progress } : {})),
    setLoaded: (dataset, origin = 'loaded') => set({ dataset, status: 'ready', progress: null, error: null, origin, loadingLabel: '' }),
    setFailed: (error) => set({ status: 'error', error, progress: null, loadingLabel: '' }),
    // A cancelled load leaves the previous dataset in place.
    setCancelled: () => set((s) => ({ status: s.dataset ? 'ready' : 'cancelled', progress: null, loadingLabel: '' })),
    clear: () => set({ dataset: null, status: 'idle', progress: null, error: null, origin: null, loadingLabel: '' }),
  }));
}

export type DatasetStore = ReturnType<typeof createDatasetStore>;

/** The app's dataset store. */
export const datasetStore: DatasetStore = createDatasetStore();

export function useDataset<T>(selector: (s: DatasetState) => T): T {
  return useStore(datasetStore, selector);
}
