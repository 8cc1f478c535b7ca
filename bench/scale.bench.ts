/**
 * Backtest throughput and peak memory at 10^5, 10^6 and 10^7 ticks (issue 15): `runBacktest` with
 * the defaults ('as-kalman', trade-through fills, attribution and metrics) on the synthetic market
 * (seed 5, 0.1 s ticks), the engine bundled by Vite as in the app's workers. Each size runs in a
 * fresh Node process so one size's heap and JIT state do not leak into the next; there:
 *   - throughput: median of warm runs (after WARMUP runs, no progress callback), ticks per second of wall time,
 *     with the minor page faults per run (~11 µs each in this VM: fresh columns of 10^7 ticks are mapped
 *     anew by the C allocator every run); and the same as the lab worker runs, each run writing over the
 *     previous result's columns (runBacktestInto), which keeps no per-tick cost of fresh memory;
 *   - memory: in one more run, resident set size sampled at every progress report (10^5 ticks) and after it,
 *     its peak minus the resident size once the dataset was generated and garbage-collected, per
 *     tick ("run state"), and the process's own peak (getrusage maxRSS, which includes generating
 *     the input).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as Engine from '../src/engine';
import type { BenchFigure } from './harness';

const SIZES = [1e5, 1e6, 1e7];
const RUNS: Record<number, number> = { 1e5: 9, 1e6: 5, 1e7: 3 };
/** Warm-up runs: ~2·10^6 ticks of them at least (V8 tiers up the once-per-run code only after many runs). */
const WARMUP: Record<number, number> = { 1e5: 20, 1e6: 3, 1e7: 1 };
const MARK = '@@scale ';
const self = fileURLToPath(import.meta.url);

interface SizeFigures { n: number; medianMs: number; runsMs: number[]; faultsPerRun: number; reuseMedianMs: number; reuseFaultsPerRun: number; dataMB: number; baseRssMB: number; peakRssMB: number; runBytesPerTick: number; maxRssMB: number }

async function child(enginePath: string, n: number): Promise<SizeFigures> {
  const e = (await import(pathToFileURL(enginePath).href)) as typeof Engine;
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
  const data = e.generateSyntheticMarket({ seed: 5, nTicks: n });
  const market = { time: data.time, bid: data.bid, ask: data.ask, tradeTime: data.tradeTime, tradePrice: data.tradePrice, tradeSize: data.tradeSize, tradeSide: data.tradeSide };
  let dataBytes = 0;
  for (const v of Object.values(market)) dataBytes += (v as Float64Array).byteLength;
  gc();
  const baseRss = process.memoryUsage.rss();
  let peak = baseRss;
  const sample = () => { const r = process.memoryUsage.rss(); if (r > peak) peak = r; };
  // Warm runs of `run`, a full GC after each: their wall times (ms) and minor page faults per timed run.
  const timedRuns = (run: () => void) => {
    const times: number[] = [];
    let faults = 0;
    for (let k = 0; k < WARMUP[n] + RUNS[n]; k++) {
      const f0 = process.resourceUsage().minorPageFault;
      const t0 = performance.now();
      run();
      const ms = performance.now() - t0;
      if (k >= WARMUP[n]) { times.push(ms); faults += process.resourceUsage().minorPageFault - f0; }
      gc();
    }
    return { times, faultsPerRun: faults / RUNS[n] };
  };
  const fresh = timedRuns(() => {
    const r = e.runBacktest(market, {});
    if (r.time.length !== n) throw new Error(`ran ${r.time.length} ticks, expected ${n}`);
  });
  // As the lab worker runs: each run over the previous result's columns (and its fill buffers).
  let prev = e.runBacktest(market, {});
  const reuse = timedRuns(() => { prev = e.runBacktestInto(market, {}, undefined, prev, 'full'); });
  const median = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1];
  // Memory: one more run reporting progress every 10^5 ticks (as the page's lab worker does, every 2·10^4),
  // the resident size sampled at each report and after the run.
  e.runBacktest(market, { progressChunk: 100_000 }, sample);
  sample();
  const MB = 2 ** 20;
  return {
    n, medianMs: median(fresh.times), runsMs: fresh.times, faultsPerRun: fresh.faultsPerRun, reuseMedianMs: median(reuse.times), reuseFaultsPerRun: reuse.faultsPerRun, dataMB: dataBytes / MB, baseRssMB: baseRss / MB, peakRssMB: peak / MB,
    runBytesPerTick: (peak - baseRss) / n, maxRssMB: (process.resourceUsage().maxRSS * 1024) / MB,
  };
}

if (process.argv[2] === '--scale-child') {
  const fig = await child(process.argv[3], Number(process.argv[4]));
  console.log(MARK + JSON.stringify(fig));
}

export default async function (): Promise<BenchFigure[]> {
  const outDir = mkdtempSync(join(tmpdir(), 'mmlab-engine-'));
  try {
    // Imported here, not at the top: the child processes load this file too and should not load Vite.
    const { bundleEngine } = await import('./bundle-engine');
    await bundleEngine(outDir);
    const figures: BenchFigure[] = [];
    const reuseRate = new Map<number, number>();
    for (const n of SIZES) {
      const p = spawnSync(process.execPath, [...process.execArgv, '--expose-gc', '--max-old-space-size=8192', self, '--scale-child', join(outDir, 'engine.js'), String(n)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 16 * 2 ** 20 });
      const line = p.stdout.split('\n').find((l) => l.startsWith(MARK));
      if (!line) throw new Error(`scale child for n = ${n} printed no figures (exit ${p.status ?? p.signal})`);
      const f = JSON.parse(line.slice(MARK.length)) as SizeFigures;
      const exp = Math.round(Math.log10(n));
      const mts = n / f.medianMs / 1000;
      const spread = `${(n / Math.max(...f.runsMs) / 1000).toFixed(2)}–${(n / Math.min(...f.runsMs) / 1000).toFixed(2)}`;
      figures.push({ name: `runBacktest defaults, 10^${exp} ticks: throughput (warm runs: ${spread})`, value: `${mts.toFixed(2)} M ticks/s (${f.faultsPerRun.toFixed(0)} page faults/run)` });
      const reuse = n / f.reuseMedianMs / 1000;
      reuseRate.set(n, reuse);
      const flat = n === 1e7 && reuseRate.has(1e6) ? reuse / reuseRate.get(1e6)! : NaN;
      figures.push({
        name: `same, 10^${exp} ticks, each run over the previous result's columns (as the lab worker runs)`, value: `${reuse.toFixed(2)} M ticks/s (${f.reuseFaultsPerRun.toFixed(0)} page faults/run)`,
        ...(n === 1e7 ? { target: 'within 20 % of 10^6', met: flat >= 0.8 } : {}),
      });
      figures.push({ name: `runBacktest defaults, 10^${exp} ticks: run state peak`, value: `${f.runBytesPerTick.toFixed(0)} B/tick` });
      figures.push({ name: `10^${exp} ticks: RSS with data ${f.baseRssMB.toFixed(0)} MB (input ${f.dataMB.toFixed(0)} MB), run peak / process peak`, value: `${f.peakRssMB.toFixed(0)} / ${f.maxRssMB.toFixed(0)} MB` });
    }
    return figures;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
