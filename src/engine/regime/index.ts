// Public surface of engine/regime; re-exported from src/engine/index.ts.
export { checkHmmParams, sortHmmStates } from './hmm-model';
export type { HmmParams, HmmModel } from './hmm-model';
export { hmmLogLik, filterProbabilities } from './forward';
export { posteriors } from './backward';
export { viterbi } from './viterbi';
export { fitHmm, baumWelchStep, createEmWork } from './fit-hmm';
export type { FitHmmOptions, FitHmmResult, EmWork } from './fit-hmm';
export { createRegimeFilter } from './regime-filter';
export type { RegimeFilter } from './regime-filter';
export { labelRegimes, regimeStats, describeRegimes, regimeFitNotes, MIN_BUCKETS_PER_STATE } from './labels';
export type { RegimeLabel, RegimeStat, RegimeDescription } from './labels';
