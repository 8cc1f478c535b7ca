// Public surface of engine/calibration; re-exported from src/engine/index.ts.
export { estimateSigma } from './sigma';
export { fitIntensity, fitDepths } from './intensity';
export type { IntensityInput, IntensityOptions, IntensityFit } from './intensity';
export { calibrateByRegime } from './by-regime';
export type { RegimeCalibration } from './by-regime';
export { intensityCurve, intensityCurveByRegime, curveFromDepths, tradeDepths, tradeExposureByRegime } from './intensity-curve';
export type { IntensityCurve, IntensityCurveOptions, CurveFit, RegimeIntensityCurve } from './intensity-curve';
