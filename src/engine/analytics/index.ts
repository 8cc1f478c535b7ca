// Public surface of engine/analytics; re-exported from src/engine/index.ts.
export {};
