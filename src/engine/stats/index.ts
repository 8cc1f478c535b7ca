// Public surface of engine/stats; re-exported from src/engine/index.ts.
export { normalCdf, normalQuantile } from './normal';
export { sampleMoments, sharpePerObservation } from './moments';
export type { SampleMoments } from './moments';
export { deflatedSharpe, deflatedSharpeDetail, expectedMaxSharpe } from './deflated-sharpe';
export type { DeflatedSharpeInput, DeflatedSharpeDetail } from './deflated-sharpe';
export { pbo } from './pbo';
export type { PboOptions, PboResult } from './pbo';
export { loSharpeSe, neweyWestLags } from './lo-se';
export type { LoSharpeSe } from './lo-se';
export { sharpeBootstrapInterval, optimalMeanBlock, defaultResamples } from './bootstrap';
export type { SharpeBootstrapOptions, SharpeInterval } from './bootstrap';
export { sharpeConfidence, noncentralTInterval, BOOTSTRAP_MIN_OBSERVATIONS, BOOTSTRAP_MAX_OBSERVATIONS } from './sharpe-confidence';
export { noncentralTCdf, noncentralityFor } from './noncentral-t';
export type { SharpeConfidence } from './sharpe-confidence';
