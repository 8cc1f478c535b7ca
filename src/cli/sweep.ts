import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DatasetRef, Slice } from './args';

/**
 * Sweeps: every dataset × every grid cell is one job, in that order (dataset-major, so consecutive
 * jobs share a dataset). `--slice i/n` keeps the i-th of n contiguous blocks of jobs, so n processes
 * (a Kubernetes indexed Job, a job queue's tasks) cover every job exactly once with no coordination;
 * within a process the jobs go to worker threads from one queue.
 */
export interface SweepJob {
  /** Index in the whole sweep (before slicing): stable across processes, so outputs can be merged. */
  index: number;
  dataset: DatasetRef;
  /** This cell's link keys and values. */
  cell: Record<string, string>;
  /** The link with the cell's keys set. */
  query: string;
}

/** The link with `cell`'s keys set (added or replaced), as a query without '?'. */
export function cellQuery(query: string, cell: Record<string, string>): string {
  const sp = new URLSearchParams(query);
  for (const [k, v] of Object.entries(cell)) sp.set(k, v);
  return sp.toString();
}

/** Every combination of the axes' values, first axis slowest; one empty cell when there are no axes. */
export function gridCells(axes: Array<{ key: string; values: string[] }>): Array<Record<string, string>> {
  let cells: Array<Record<string, string>> = [{}];
  for (const a of axes) cells = cells.flatMap((c) => a.values.map((v) => ({ ...c, [a.key]: v })));
  return cells;
}

export function sweepJobs(datasets: DatasetRef[], axes: Array<{ key: string; values: string[] }>, query: string): SweepJob[] {
  const cells = gridCells(axes);
  const jobs: SweepJob[] = [];
  for (const dataset of datasets) for (const cell of cells) jobs.push({ index: jobs.length, dataset, cell, query: cellQuery(query, cell) });
  return jobs;
}

/** The i-th of n contiguous, near-equal blocks of `items` (block sizes differ by at most one). */
export function sliceOf<T>(items: readonly T[], slice: Slice): T[] {
  const from = Math.floor((slice.index * items.length) / slice.count);
  const to = Math.floor(((slice.index + 1) * items.length) / slice.count);
  return items.slice(from, to);
}

/**
 * A sweep thread. Node 20 does not run the parent's `--import` loaders (tsx) in worker threads, so
 * when this module runs as TypeScript the thread first registers tsx's loader, then imports the
 * worker module; as plain JavaScript (bundled) it would load the worker directly.
 */
function startWorker(workerData: { publicDir: string }): Worker {
  const url = new URL(import.meta.url.endsWith('.ts') ? './sweep-worker.ts' : './sweep-worker.js', import.meta.url);
  if (!url.pathname.endsWith('.ts')) return new Worker(url, { workerData });
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(boot, { eval: true, workerData });
}

/** What a worker sends back for one job. */
export interface SweepRow {
  index: number;
  dataset: string;
  cell: Record<string, string>;
  query: string;
  notices: string[];
  ticks: number;
  metrics: Record<string, unknown>;
  attribution: Record<string, unknown>;
  notes: string[];
  error?: string;
}

/**
 * Runs `jobs` on `threads` worker threads (src/cli/sweep-worker.ts), each taking the next job when
 * it finishes one; rows come back in job order. A job that throws becomes a row with `error`.
 */
export async function runSweep(jobs: SweepJob[], opts: { threads?: number; publicDir: string; onRow?: (row: SweepRow, done: number) => void }): Promise<SweepRow[]> {
  const threads = Math.max(1, Math.min(opts.threads ?? availableParallelism(), jobs.length));
  const rows: SweepRow[] = new Array(jobs.length);
  let next = 0;
  let done = 0;
  const position = new Map(jobs.map((j, k) => [j.index, k]));
  await Promise.all(Array.from({ length: threads }, () => new Promise<void>((resolve, reject) => {
    const w = startWorker({ publicDir: opts.publicDir });
    const feed = () => {
      if (next >= jobs.length) { void w.terminate().then(() => resolve()); return; }
      w.postMessage(jobs[next++]);
    };
    w.on('message', (row: SweepRow) => {
      rows[position.get(row.index)!] = row;
      done++;
      opts.onRow?.(row, done);
      feed();
    });
    w.on('error', reject);
    w.on('exit', (code) => { if (code !== 0 && code !== 1) reject(new Error(`sweep worker exited with code ${code}`)); });
    feed();
  })));
  return rows;
}
