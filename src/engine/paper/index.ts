// Public surface of engine/paper; re-exported from src/engine/index.ts.
export {};
