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
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}
