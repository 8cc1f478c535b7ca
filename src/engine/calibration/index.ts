// Public surface of engine/calibration; re-exported from src/engine/index.ts.
export {};
