import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BacktestConfig, MetricsInput } from '../src/engine';
import { bundleEngine } from './bundle-engine';
import { medianMs, type BenchFigure } from './harness';

const N = 1_000_000;

/**
 * The analytics a backtest runs after its event loop (finish()), as single calls on the columns of the
 * backtest bench's pipeline run (10^6 synthetic ticks, 'as-regime', trade-through, ~117k fills), bundled
 * as the app ships them. Issue 15's budget for the four together: 8 ms.
 */
export default async function bench(): Promise<BenchFigure[]> {
  const outDir = mkdtempSync(join(tmpdir(), 'mmlab-analytics-'));
  try {
    const e = await bundleEngine(outDir);
    const data = e.generateSyntheticMarket({ seed: 5, nTicks: N });
    const reg = e.regimeSetup(data.time, data.mid, { nStates: 3, seed: 1 }, 0.01);
    const config: BacktestConfig = { strategy: 'as-regime', fill: { model: 'trade-through' }, regime: { model: reg.model, bucketSec: reg.bucketSec, viterbi: false } };
    const r = e.runBacktest(data, config);
    const f = r.fills, k = f.time.length, rp = r.resolved;
    const input: MetricsInput = {
      time: r.time, mid: r.mid, inventory: r.inventory, equity: r.equity, fills: f, fillCount: k, quoteUpdates: r.metrics.quoteUpdates,
      filledQuotes: r.metrics.filledQuotes, volume: r.metrics.volume, feesPaid: r.metrics.feesPaid, maxInventory: rp.maxInventory,
      bucketSec: rp.bucketSec, yearBasis: rp.yearBasis, capital: rp.capital, timeKilledSec: 0,
    };
    const midAfter = new Float64Array(k);
    // Calls 2 and 3 of each (the run above was call 1), in finish()'s order: what the second and third runs of a
    // page pay before the span functions are optimised (ARCHITECTURE.md "Hot loops and the JIT").
    const early = [0, 0];
    for (let c = 0; c < 2; c++) {
      const t0 = performance.now();
      e.markoutMids(r.time, r.mid, f.time, k, rp.markoutSec, midAfter);
      e.attributePnl(f, k, 0, r.attribution.net);
      e.computeMetrics(input);
      e.regimeShares(r.time, r.equity, r.regime, r.regimeLabels);
      early[c] = performance.now() - t0;
    }
    const ms = {
      computeMetrics: medianMs(() => e.computeMetrics(input), 15, 5),
      regimeShares: medianMs(() => e.regimeShares(r.time, r.equity, r.regime, r.regimeLabels), 15, 5),
      markoutMids: medianMs(() => e.markoutMids(r.time, r.mid, f.time, k, rp.markoutSec, midAfter), 15, 5),
      attributePnl: medianMs(() => e.attributePnl(f, k, 0, r.attribution.net), 15, 5),
    };
    const total = ms.computeMetrics + ms.regimeShares + ms.markoutMids + ms.attributePnl;
    return [
      ...Object.entries(ms).map(([name, v]) => ({ name: `${name}, 10^6 ticks, ${k} fills`, value: `${v.toFixed(2)} ms` })),
      { name: 'the four together, calls 2 and 3 in the process', value: `${early[0].toFixed(1)} + ${early[1].toFixed(1)} ms` },
      { name: 'the four together (after the event loop)', value: `${total.toFixed(2)} ms`, target: '≤ 8 ms', met: total <= 8 },
    ];
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
