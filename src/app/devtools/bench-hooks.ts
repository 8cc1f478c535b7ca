import { generateSyntheticMarket } from '../../engine';
import { GridPool } from '../../workers/grid-pool';

/** What the browser benchmark reads back: wall time of the pooled grid and a check that it is complete. */
export interface GridBenchResult {
  ms: number;
  cells: number;
  workers: number;
  ticks: number;
  finite: boolean;
  values: number[];
}

declare global {
  interface Window {
    __mmlabBench?: { runGridBench(opts?: { nTicks?: number; side?: number }): Promise<GridBenchResult> };
  }
}

/**
 * Installs window.__mmlabBench for the Playwright harness (tests/e2e/grid-bench.spec.ts): a 20 × 20
 * γ × κ grid of 'as' backtests over 10^5 synthetic ticks on a pool of navigator.hardwareConcurrency
 * workers. The synthetic data is generated before the clock starts; worker start-up is inside it.
 */
export function installBenchHooks(): void {
  window.__mmlabBench = {
    async runGridBench(opts = {}) {
      const nTicks = opts.nTicks ?? 100_000;
      const side = opts.side ?? 20;
      const data = generateSyntheticMarket({ seed: 42, nTicks });
      const gammas = Array.from({ length: side }, (_, k) => 0.5 * 1.3 ** k);
      const kappas = Array.from({ length: side }, (_, k) => 15 + 5 * k);
      const pool = new GridPool();
      try {
        const t0 = performance.now();
        const r = await pool.run(data, { strategy: 'as', warmupTicks: 1000 }, { x: { param: 'gamma', values: gammas }, y: { param: 'kappa', values: kappas }, metric: 'sharpe' });
        const ms = performance.now() - t0;
        const values = Array.from(r.values);
        return { ms, cells: r.cells, workers: pool.size, ticks: nTicks, finite: values.every(Number.isFinite), values };
      } finally {
        pool.terminate();
      }
    },
  };
}
