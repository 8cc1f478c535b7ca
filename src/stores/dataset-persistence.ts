import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import type { SaveTarget } from '../workers/csv-client';
import type { CalculatorParams } from './calculator-params';
import { parseUrlState, serializeUrlState } from './url-state';

/**
 * What survives a reload, in IndexedDB: which dataset was last loaded, the parameters, and
 * (written and read by the CSV worker, so big columns are never cloned on the main thread)
 * the parsed columns of a user's file. A built-in sample is saved as its id, which reproduces
 * it. Nothing here ever goes into a URL.
 */
export type DatasetRef = { v: 1; type: 'columns'; name: string } | { v: 1; type: 'sample'; sampleId: string };

const DB = 'mm-lab';
const STORE = 'saved';
const REF_KEY = 'dataset-ref:v1';
const PARAMS_KEY = 'params:v1';

/** Where the worker keeps the last file's parsed columns. */
export const COLUMNS_TARGET: SaveTarget = { db: DB, store: STORE, key: 'dataset-columns:v1' };

let store: UseStore | null = null;
function db(): UseStore {
  store ??= createStore(DB, STORE);
  return store;
}

export async function saveDatasetRef(ref: DatasetRef): Promise<void> {
  await set(REF_KEY, ref, db());
}

export async function loadDatasetRef(): Promise<DatasetRef | undefined> {
  const v = (await get(REF_KEY, db())) as DatasetRef | undefined;
  if (!v || v.v !== 1) return undefined;
  if (v.type === 'sample' && typeof v.sampleId === 'string') return v;
  if (v.type === 'columns' && typeof v.name === 'string') return v;
  return undefined;
}

export async function saveParams(params: CalculatorParams): Promise<void> {
  await set(PARAMS_KEY, { v: 1, params }, db());
}

/** Saved parameters, re-validated exactly like a shared link (out-of-range values fall back to defaults). */
export async function loadSavedParams(): Promise<CalculatorParams | undefined> {
  const v = (await get(PARAMS_KEY, db())) as { v?: number; params?: CalculatorParams } | undefined;
  if (!v || v.v !== 1 || typeof v.params !== 'object' || v.params === null) return undefined;
  return parseUrlState(serializeUrlState(v.params)).params;
}

/** Forget the saved dataset (reference and columns) and the parameters. */
export async function clearSaved(): Promise<void> {
  await Promise.all([del(REF_KEY, db()), del(PARAMS_KEY, db()), del(COLUMNS_TARGET.key, db())]);
}
