/**
 * `npm run bench`: runs every bench/*.bench.ts in this folder (or those named on the command
 * line, e.g. `npm run bench -- kalman`) and prints one line per figure with its target.
 * Each bench module default-exports `() => Promise<BenchFigure[]>`.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import os from 'node:os';
import type { BenchFigure } from './harness';

const here = dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

console.log(`machine: ${os.cpus()[0]?.model ?? 'unknown cpu'} × ${os.cpus().length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
let missed = 0;
for (const f of files) {
  const mod = (await import(pathToFileURL(join(here, f)).href)) as { default: () => Promise<BenchFigure[]> };
  for (const fig of await mod.default()) {
    const status = fig.met === undefined ? '' : fig.met ? '  [target met]' : '  [target MISSED]';
    if (fig.met === false) missed++;
    console.log(`${f.replace('.bench.ts', '').padEnd(12)} ${fig.name.padEnd(52)} ${fig.value.padStart(16)}   target ${fig.target ?? '-'}${status}`);
  }
}
console.log(missed === 0 ? 'all targets met' : `${missed} target(s) missed`);
