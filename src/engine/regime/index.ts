// Public surface of engine/regime; re-exported from src/engine/index.ts.
export {};
