/**
 * Old and new code back to back on the full pipeline (not a *.bench.ts): `npx tsx bench/ab-pipeline.ts
 * [git-ref = HEAD] [rounds = 4]` (≈ 25 s per round).
 *
 * Bundles src/engine of `ref` and of the working tree (bench/bundle-engine.ts), then runs `rounds` pairs
 * of fresh Node processes, the two orders alternating. Each process loads both bundles and runs the
 * backtest bench's pipeline (10^6 synthetic ticks, as-regime with a fitted HMM, trade-through) 50 times
 * with each, alternating run by run, each run writing over its previous result's columns as the lab
 * worker does; its figure is the median of runs 16–50 of new ÷ that of old. Prints every process's
 * ratio, their geometric mean and median, and whether both gave the same net PnL and fills.
 *
 * Why this shape: on this machine kind the same code's speed moves by tens of per cent within minutes,
 * and by process (JIT decisions, page placement), so one process timing old and then new, or two
 * processes minutes apart, compare the machine more than the code. Alternating runs within a process
 * cancel the drift; alternating processes and orders average the per-process modes. An A/A run (the
 * same commit twice) read 0.999 (8 processes, each within ±6 %), so a geometric mean outside ±3 % over
 * 8 processes is a change.
 */
import { execFileSync, execSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Engine from '../src/engine';
import { bundleEngine } from './bundle-engine';

type EngineModule = typeof Engine;

const N = 1_000_000;
const RUNS = 50;
const SKIP = 15;

/** One process: both bundles, alternating runs; prints "old-ms new-ms same|DIFFERENT". */
async function child(oldDir: string, newDir: string): Promise<void> {
  const load = async (dir: string) => (await import(pathToFileURL(join(dir, 'engine.js')).href)) as EngineModule;
  const [o, w] = [await load(oldDir), await load(newDir)];
  const data = o.generateSyntheticMarket({ seed: 5, nTicks: N });
  const reg = o.regimeSetup(data.time, data.mid, { nStates: 3, seed: 1 }, 0.01);
  const config = { strategy: 'as-regime' as const, fill: { model: 'trade-through' as const }, regime: { model: reg.model, bucketSec: reg.bucketSec, viterbi: false } };
  // Each engine its own data object (its checks and per-dataset caches stay its own).
  const dOld = { ...data }, dNew = { ...data };
  let rOld = o.runBacktest(dOld, config), rNew = w.runBacktest(dNew, config);
  const tOld: number[] = [], tNew: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    let t0 = performance.now();
    rOld = o.runBacktestInto(dOld, config, undefined, rOld, 'full');
    tOld.push(performance.now() - t0);
    t0 = performance.now();
    rNew = w.runBacktestInto(dNew, config, undefined, rNew, 'full');
    tNew.push(performance.now() - t0);
  }
  const med = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1];
  const same = rOld.metrics.totalPnl === rNew.metrics.totalPnl && rOld.fills.time.length === rNew.fills.time.length;
  console.log(`${med(tOld.slice(SKIP))} ${med(tNew.slice(SKIP))} ${same ? 'same' : 'DIFFERENT'}`);
}

async function main(): Promise<void> {
  const ref = process.argv[2] ?? 'HEAD';
  const rounds = Number(process.argv[3] ?? 4);
  const root = join(import.meta.dirname, '..');
  const work = mkdtempSync(join(tmpdir(), 'mmlab-ab-'));
  try {
    mkdirSync(join(work, 'ref-src'));
    execSync(`git archive ${ref} src/engine | tar -x -C ${join(work, 'ref-src')}`, { cwd: root });
    const commit = execSync(`git rev-parse --short ${ref}`, { cwd: root }).toString().trim();
    await bundleEngine(join(work, 'old'), join(work, 'ref-src'));
    await bundleEngine(join(work, 'new'), root);
    console.log(`pipeline, 10^6 ticks: working tree ÷ ${ref} (${commit}), median of runs ${SKIP + 1}–${RUNS} per process`);
    const ratios: number[] = [];
    let allSame = true;
    for (let k = 0; k < rounds; k++) {
      for (const newFirst of [false, true]) {
        const [a, b] = newFirst ? ['new', 'old'] : ['old', 'new'];
        const out = execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'ab-pipeline.ts'), '--child', join(work, a), join(work, b)], { cwd: root, encoding: 'utf8' }).trim();
        const [ta, tb, same] = out.split(' ');
        const [tOld, tNew] = newFirst ? [Number(tb), Number(ta)] : [Number(ta), Number(tb)];
        ratios.push(tNew / tOld);
        allSame &&= same === 'same';
        console.log(`  process ${ratios.length}: old ${tOld.toFixed(1)} ms, new ${tNew.toFixed(1)} ms, new/old ${(tNew / tOld).toFixed(3)}${same === 'same' ? '' : ' (results differ)'}`);
      }
    }
    const g = Math.exp(ratios.reduce((s, r) => s + Math.log(r), 0) / ratios.length);
    const sorted = [...ratios].sort((x, y) => x - y);
    console.log(`new/old: geometric mean ${g.toFixed(3)}, median ${sorted[sorted.length >> 1].toFixed(3)} over ${ratios.length} processes; results ${allSame ? 'the same' : 'DIFFER'}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') await child(process.argv[3], process.argv[4]);
else await main();
