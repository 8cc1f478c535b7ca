// Public surface of engine/filters; re-exported from src/engine/index.ts.
export { kalmanColumnAt, kalmanFromMeans, kalmanInnovations, kalmanLocalLevel, kalmanMeansInto, kalmanOU, runKalman, toStateSpace } from './kalman';
export type { LocalLevelParams, OUKalmanParams, KalmanParams, KalmanResult, ScalarStateSpace } from './kalman';
export { createKalman } from './kalman-stream';
export type { StreamingKalman } from './kalman-stream';
export { fitLocalLevel, localLevelLogLik } from './fit-local-level';
export type { LocalLevelMle } from './fit-local-level';
export { kalmanDiagnostics, steadyStateGain, kalmanFitNote, KALMAN_GAIN_MID, KALMAN_GAIN_FROZEN } from './kalman-diagnostics';
export type { KalmanDiagnostics } from './kalman-diagnostics';
export { fitOU, dickeyFullerCritical5 } from './ou-fit';
export type { OUFit } from './ou-fit';
export { acfWhiteNoiseBand, isWhiteAt, ljungBox, ljungBoxOf, autocorrelations, seriesMoments } from './ljung-box';
export type { LjungBoxResult, SeriesBlocks, SeriesMoments } from './ljung-box';
export { regularizedGammaP, regularizedGammaQ, chiSquareSf, logGamma } from './gamma';
