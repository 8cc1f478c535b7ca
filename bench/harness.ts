/** One measured figure, as printed by bench/run.ts and copied into BENCHMARKS.md. */
export interface BenchFigure {
  name: string;
  /** Formatted value with its unit, e.g. "182 M ticks/s" or "0.61 ms". */
  value: string;
  target?: string;
  met?: boolean;
}

/** Median wall time in ms of `fn` over `runs` runs after `warmup` runs. */
export function medianMs(fn: () => unknown, runs = 15, warmup = 3): number {
  return medianMsFaults(fn, runs, warmup).ms;
}

/**
 * medianMs, with the process's minor page faults per timed run: in this VM a fault costs ~11 µs, so a
 * run that gets its fresh columns from new pages (the C allocator returned the last run's to the
 * system) takes +140 ms per 10^6-tick pipeline run, and a median over runs is one mode or the other.
 */
export function medianMsFaults(fn: () => unknown, runs = 15, warmup = 3): { ms: number; faultsPerRun: number } {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  const f0 = process.resourceUsage().minorPageFault;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  const faultsPerRun = (process.resourceUsage().minorPageFault - f0) / runs;
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], faultsPerRun };
}
