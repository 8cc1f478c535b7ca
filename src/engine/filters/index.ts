// Public surface of engine/filters; re-exported from src/engine/index.ts.
export {};
