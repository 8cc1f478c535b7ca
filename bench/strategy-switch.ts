/**
 * The lab worker after a strategy switch (not a *.bench.ts): `npx tsx bench/strategy-switch.ts [runs = 40]`.
 * Bundles the engine (bench/bundle-engine.ts), runs 'as' and 'as-kalman' six times each over 10^6
 * synthetic ticks (trade-through fills), then re-runs 'as-regime' over its previous columns with γ
 * alternating, as a user who switched strategy and moves a slider. Prints the median and fastest
 * re-run after the first 10. Before 2076cc5 this sequence left runChunk deoptimised before its loop
 * and running in on-stack-replacement code for good (84–169 ms per re-run against 66–73 after).
 * Run it several times: the figure moves by process on this machine kind.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BacktestConfig } from '../src/engine';
import { bundleEngine } from './bundle-engine';

const N = 1_000_000;
const runs = Number(process.argv[2] ?? 40);
const dir = mkdtempSync(join(tmpdir(), 'mmlab-switch-'));
try {
  const e = await bundleEngine(dir);
  const data = e.generateSyntheticMarket({ seed: 5, nTicks: N });
  const reg = e.regimeSetup(data.time, data.mid, { nStates: 3, seed: 1 }, 0.01);
  for (const strategy of ['as', 'as-kalman'] as const) for (let k = 0; k < 6; k++) e.runBacktest(data, { strategy, fill: { model: 'trade-through' } });
  const config: BacktestConfig = { strategy: 'as-regime', fill: { model: 'trade-through' }, regime: { model: reg.model, bucketSec: reg.bucketSec, viterbi: false } };
  let prev = e.runBacktest(data, config);
  const g0 = prev.resolved.gamma;
  const ms: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    prev = e.runBacktestInto(data, { ...config, gamma: k & 1 ? g0 * 1.25 : g0 }, undefined, prev, 'full');
    ms.push(performance.now() - t0);
  }
  const s = ms.slice(10).sort((a, b) => a - b);
  const med = s[s.length >> 1];
  console.log(`as-regime re-run after 'as' and 'as-kalman' runs, 10^6 ticks: median ${med.toFixed(1)} ms (${(N / med / 1e3).toFixed(2)} M ticks/s), fastest ${s[0].toFixed(1)} ms; fills ${prev.metrics.fills ?? prev.fills.time.length}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
