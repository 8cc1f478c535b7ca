/**
 * parseTicksCsv, this checkout against another (e.g. `git worktree add /tmp/old HEAD~3`), measured
 * back to back: `npx tsx bench/csv-compare.ts /tmp/old [pairs=5] [runs=7]`. For each time format of
 * bench/csv.bench.ts (10^6 quote rows) it alternates fresh Node processes, baseline and current (the
 * order swapped every pair), and prints each figure and the median of the per-pair ratios
 * current/baseline, by wall time and by CPU time. On a machine shared with other work the ratio is
 * the figure to keep: a quiet figure is the quiet baseline × the ratio.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as Engine from '../src/engine';

const here = join(fileURLToPath(import.meta.url), '..');
const self = fileURLToPath(import.meta.url);

interface Figure {
  wallMbps: number;
  cpuMbps: number;
}

/** Child: median MB/s of `runs` parses (after one warm-up) of `file` by the engine under `root`. */
async function one(root: string, file: string, runs: number): Promise<Figure> {
  const engine = (await import(pathToFileURL(join(root, 'src/engine/index.ts')).href)) as typeof Engine;
  const bytes = new Uint8Array(readFileSync(file));
  const wall: number[] = [], cpu: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await engine.parseTicksCsv(bytes);
    const dt = performance.now() - t0;
    const c = process.cpuUsage(c0);
    if (i > 0) {
      wall.push(dt);
      cpu.push((c.user + c.system) / 1000);
    }
  }
  const med = (a: number[]) => a.sort((x, y) => x - y)[a.length >> 1];
  const mb = bytes.length / 1e6;
  return { wallMbps: mb / (med(wall) / 1000), cpuMbps: mb / (med(cpu) / 1000) };
}

function median(a: number[]): number {
  const s = [...a].sort((x, y) => x - y);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function child(root: string, file: string, runs: number): Figure {
  const r = spawnSync(process.execPath, [...process.execArgv, self, '--one', root, file, String(runs)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const line = r.stdout.split('\n').find((l) => l.startsWith('{'));
  if (!line) throw new Error(`no figure from ${root} on ${file} (exit ${r.status})`);
  return JSON.parse(line) as Figure;
}

if (process.argv[2] === '--one') {
  console.log(JSON.stringify(await one(process.argv[3], process.argv[4], Number(process.argv[5]))));
} else {
  const baseline = process.argv[2];
  if (!baseline || !existsSync(join(baseline, 'src/engine/index.ts'))) throw new Error('usage: npx tsx bench/csv-compare.ts <baseline checkout> [pairs] [runs]');
  const pairs = Number(process.argv[3] ?? 5), runs = Number(process.argv[4] ?? 7);
  const current = join(here, '..');
  const { makeQuotesCsv } = await import('./csv.bench');
  const load = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');
  console.log(`baseline ${baseline}, current ${current}; ${pairs} pairs × ${runs} runs; load average ${load()}`);
  for (const time of ['ns', 'decimal-s', 'iso'] as const) {
    const file = join(os.tmpdir(), `csv-compare-${time}.csv`);
    if (!existsSync(file)) writeFileSync(file, makeQuotesCsv(1_000_000, 5, time));
    const wall: number[] = [], cpu: number[] = [];
    for (let i = 0; i < pairs; i++) {
      const first = i % 2 === 0 ? 'baseline' : 'current';
      const a = child(first === 'baseline' ? baseline : current, file, runs);
      const b = child(first === 'baseline' ? current : baseline, file, runs);
      const [old, now] = first === 'baseline' ? [a, b] : [b, a];
      wall.push(now.wallMbps / old.wallMbps);
      cpu.push(now.cpuMbps / old.cpuMbps);
      const f = (x: Figure) => `${x.wallMbps.toFixed(0)} MB/s wall, ${x.cpuMbps.toFixed(0)} MB/s CPU`;
      console.log(`${time.padEnd(9)} pair ${i + 1}: baseline ${f(old)}; current ${f(now)}; load ${load()}`);
    }
    console.log(`${time.padEnd(9)} current/baseline, median of ${pairs} pairs: ${median(wall).toFixed(2)} by wall time, ${median(cpu).toFixed(2)} by CPU time`);
  }
}
