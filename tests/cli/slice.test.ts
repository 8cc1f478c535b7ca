import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The README's batch example, run for real: a sweep split into 2 slices, one by `--slice 0/2` and one
 * the way a Kubernetes indexed Job starts it (JOB_COMPLETION_INDEX=1, LAB_SLICE_COUNT=2), gives back
 * exactly the rows of the unsplit sweep.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const tmp = mkdtempSync(join(tmpdir(), 'mmlab-slice-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const DATA = ['usdm-btcusdt-2024-08-08-bookticker.csv.gz', 'usdm-btcusdt-2024-08-08-trades.csv.gz'].map((f) => join('public/samples', f)).join(',');
const SWEEP = ['--files', DATA, '--link', '?v=2&st=as', '--grid', 'bg=0.001,0.01,0.1', '--workers', '1', '--quiet'];

interface Row { index: number; cell: Record<string, string>; metrics: { totalPnl: number; fills: number }; error?: string }

function lab(name: string, extra: string[], env: Record<string, string> = {}): { jobsTotal: number; rows: Row[] } {
  const out = join(tmp, `${name}.json`);
  const p = spawnSync(process.execPath, [TSX, 'src/cli/lab.ts', ...SWEEP, ...extra, '--out', out], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, env: { ...process.env, ...env } });
  if (p.status !== 0) throw new Error(`lab ${name} failed (${p.status}): ${p.stderr}`);
  return JSON.parse(readFileSync(out, 'utf8')) as { jobsTotal: number; rows: Row[] };
}

describe('sweep slices for a batch engine', () => {
  it('two slices (one from --slice, one from JOB_COMPLETION_INDEX) together give the whole sweep', () => {
    const whole = lab('whole', []);
    const a = lab('slice0', ['--slice', '0/2']);
    const b = lab('slice1', [], { JOB_COMPLETION_INDEX: '1', LAB_SLICE_COUNT: '2' });
    expect(whole.jobsTotal).toBe(3);
    expect(whole.rows.map((r) => r.cell.bg)).toEqual(['0.001', '0.01', '0.1']);
    expect(a.rows.map((r) => r.index)).toEqual([0]);
    expect(b.rows.map((r) => r.index)).toEqual([1, 2]);
    expect([...a.rows, ...b.rows]).toEqual(whole.rows);
    for (const r of whole.rows) expect(r.error).toBeUndefined();
    // The three γ give three different runs (the cell's key reached the engine).
    expect(new Set(whole.rows.map((r) => r.metrics.totalPnl)).size).toBe(3);
    const csv = readFileSync(join(tmp, 'whole.grid.csv'), 'utf8').trim().split('\n');
    expect(csv[0].startsWith('index,dataset,bg,ticks,totalPnl,')).toBe(true);
    expect(csv).toHaveLength(4);
  }, 240_000); // three CLI processes, each starting tsx and worker threads

});
