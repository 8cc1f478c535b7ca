/**
 * `npm run bench`: runs every bench/*.bench.ts in this folder (or those named on the command
 * line, e.g. `npm run bench -- kalman`) and prints one line per figure with its target.
 * Each bench module default-exports `() => Promise<BenchFigure[]>`.
 *
 * Every bench file runs in a fresh Node process (same flags, so the same tsx loader): a figure must
 * not depend on which files ran before it. In one shared process the 500-point HMM E-step took
 * 9.1 µs once backtest.bench.ts had merely been loaded (it pulls in Vite), against 8.1 µs alone, and
 * the 500-point fit 0.97 against 0.89 ms: state left by other files (JIT, heap, code placement)
 * changed the figures.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import os from 'node:os';
import type { BenchFigure } from './harness';

const here = dirname(fileURLToPath(import.meta.url));
const self = fileURLToPath(import.meta.url);
const MARK = '@@bench-figure ';

if (process.argv[2] === '--one') {
  // Child: run one bench file and print its figures, one marked JSON line each.
  const mod = (await import(pathToFileURL(join(here, process.argv[3])).href)) as { default: () => Promise<BenchFigure[]> };
  for (const fig of await mod.default()) console.log(MARK + JSON.stringify(fig));
} else {
  const filters = process.argv.slice(2);
  const files = readdirSync(here)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
    .sort();
  console.log(`machine: ${os.cpus()[0]?.model ?? 'unknown cpu'} × ${os.cpus().length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
  let missed = 0;
  let failed = 0;
  for (const f of files) {
    const child = spawnSync(process.execPath, [...process.execArgv, self, '--one', f], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 2 ** 20 });
    const figures: BenchFigure[] = [];
    for (const line of child.stdout.split('\n')) {
      if (line.startsWith(MARK)) figures.push(JSON.parse(line.slice(MARK.length)) as BenchFigure);
      else if (line.trim() !== '') console.log(line);
    }
    if (child.status !== 0) {
      failed++;
      console.log(`${f}: the bench process exited with ${child.status ?? child.signal}`);
    }
    for (const fig of figures) {
      const status = fig.met === undefined ? '' : fig.met ? '  [target met]' : '  [target MISSED]';
      if (fig.met === false) missed++;
      console.log(`${f.replace('.bench.ts', '').padEnd(12)} ${fig.name.padEnd(52)} ${fig.value.padStart(16)}   target ${fig.target ?? '-'}${status}`);
    }
  }
  console.log(missed === 0 ? 'all targets met' : `${missed} target(s) missed`);
  if (failed > 0) process.exitCode = 1;
}
