// Public surface of engine/calibration; re-exported from src/engine/index.ts.
export { estimateSigma } from './sigma';
export { fitIntensity } from './intensity';
export type { IntensityInput, IntensityOptions, IntensityFit } from './intensity';
