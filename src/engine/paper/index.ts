// Public surface of engine/paper; re-exported from src/engine/index.ts.
export { simulateAS2008 } from './as2008';
export type { AS2008Params, AS2008Result, AS2008Strategy } from './as2008';
