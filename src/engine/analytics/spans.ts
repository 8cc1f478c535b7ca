/**
 * Fills per call of the per-fill span functions (metrics.ts fillSpan, attribution.ts attributionSpan and
 * markoutSpan): a loop over all of a run's fills in a function called once per run ran as OSR code,
 * deoptimised after the loop, in the first runs (ARCHITECTURE.md "Hot loops and the JIT"); a span function
 * called ~30 times per run (the bench run's 117k fills) is optimised as a whole.
 */
export const FILL_SPAN = 4096;
