import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { applyParam } from '../lib/params/spec';
import { DEFAULT_PARAMS, SPEC_BY_KEY, type CalculatorParams, type NumericParam, type QuoteModel, type YearBasisId } from './calculator-params';

/**
 * The one store for every experiment parameter. Vanilla (no React) so the URL sync,
 * workers and tests can use it; `useParams` adds the React binding.
 */
export interface ParamsState {
  params: CalculatorParams;
  /** Human-readable notices (e.g. fields of a shared link that were invalid). Plain text. */
  notices: string[];
  /** Per-field note shown under a control when a typed value was clamped. */
  clampNotes: Partial<Record<NumericParam, string>>;
  setNumber(key: NumericParam, value: number): void;
  setModel(model: QuoteModel): void;
  setYearBasis(basis: YearBasisId): void;
  replaceAll(params: CalculatorParams, notices?: string[]): void;
  dismissNotices(): void;
  reset(): void;
}

export function createParamsStore(initial: CalculatorParams = DEFAULT_PARAMS, notices: string[] = []) {
  return createStore<ParamsState>()((set) => ({
    params: { ...initial },
    notices,
    clampNotes: {},
    setNumber: (key, value) =>
      set((s) => {
        const { value: v, notice } = applyParam(SPEC_BY_KEY[key], value, s.params[key]);
        const clampNotes = { ...s.clampNotes };
        if (notice) clampNotes[key] = notice;
        else delete clampNotes[key];
        return { params: { ...s.params, [key]: v }, clampNotes };
      }),
    setModel: (model) => set((s) => ({ params: { ...s.params, model } })),
    setYearBasis: (yearBasis) => set((s) => ({ params: { ...s.params, yearBasis } })),
    replaceAll: (params, n = []) => set({ params: { ...params }, notices: n, clampNotes: {} }),
    dismissNotices: () => set({ notices: [] }),
    reset: () => set({ params: { ...DEFAULT_PARAMS }, clampNotes: {}, notices: [] }),
  }));
}

export type ParamsStore = ReturnType<typeof createParamsStore>;

/** The app's store; main.tsx seeds it from the URL before the first render. */
export const paramsStore: ParamsStore = createParamsStore();

export function useParams<T>(selector: (s: ParamsState) => T): T {
  return useStore(paramsStore, selector);
}
