// Public surface of engine/data/csv; re-exported from src/engine/index.ts.
export {};
