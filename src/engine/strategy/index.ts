// Public surface of engine/strategy; re-exported from src/engine/index.ts.
export {};
