// Public surface of engine/backtest; re-exported from src/engine/index.ts.
export {};
