// Public surface of engine/filters; re-exported from src/engine/index.ts.
export { kalmanLocalLevel, kalmanOU, runKalman, toStateSpace } from './kalman';
export type { LocalLevelParams, OUKalmanParams, KalmanParams, KalmanResult, ScalarStateSpace } from './kalman';
export { createKalman } from './kalman-stream';
export type { StreamingKalman } from './kalman-stream';
