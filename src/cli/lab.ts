/**
 * `npm run lab -- --data <file(s)> --link '<shared URL or its query>' [--out report.json]`: the page's
 * lab, headless (see USAGE in ./args.ts and the README section "The lab headless").
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CliError, datasetLabel, parseLabArgs, type DatasetRef, type LabCliOptions } from './args';
import { loadDataset } from './dataset-node';
import { buildReport, fillsCsv, keyValueCsv, linkSettings, runLabOnce, toJsonValue } from './run-lab';
import { runSweep, sliceOf, sweepJobs, type SweepRow } from './sweep';
import { DEFAULT_SAMPLE_ID } from '../stores/samples';

/** The app's public folder (public/samples): the page's built-in samples. */
export const PUBLIC_DIR = fileURLToPath(new URL('../../public', import.meta.url));

type Log = (line: string) => void;

/** Calls `fn` at most every `ms` milliseconds (and always for the last call, via `flush`). */
function throttle(ms: number, fn: (text: string) => void): { say: (text: string) => void; flush: () => void } {
  let last = 0;
  let pending: string | null = null;
  return {
    say(text) {
      const now = Date.now();
      if (now - last >= ms) { last = now; pending = null; fn(text); } else pending = text;
    },
    flush() { if (pending !== null) fn(pending); pending = null; },
  };
}

function sidecar(out: string, name: string): string {
  return out.replace(/\.json$/, `.${name}.csv`);
}

function writeOut(path: string, text: string): void {
  mkdirSync(dirname(resolve(path)), { recursive: true });
  writeFileSync(path, text);
}

/** One dataset, one link: the full report (metrics, attribution, every fill with its markout). */
async function single(o: LabCliOptions, ref: DatasetRef, log: Log): Promise<void> {
  const link = linkSettings(o.query);
  for (const n of link.notices) log(`link: ${n}`);
  const loading = throttle(500, log);
  const t0 = performance.now();
  const { data, dataset } = await loadDataset(ref, PUBLIC_DIR, (p) => {
    const mb = (b: number) => (b / 1e6).toFixed(1);
    loading.say(`reading ${p.file}: ${mb(p.bytes)}${Number.isFinite(p.totalBytes) ? ` / ${mb(p.totalBytes)}` : ''} MB, ${p.rows.toLocaleString('en-US')} rows`);
  });
  loading.flush();
  log(`loaded ${dataset.name}: ${dataset.rowsRead.toLocaleString('en-US')} rows (${dataset.rowsSkipped} skipped) in ${((performance.now() - t0) / 1000).toFixed(2)} s`);
  const config = link.config(dataset);
  const running = throttle(500, log);
  const t1 = performance.now();
  const r = runLabOnce(data, config, (done, total) => running.say(`running ${config.strategy}: ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} ticks (${((100 * done) / total).toFixed(0)}%)`));
  running.flush();
  const sec = (performance.now() - t1) / 1000;
  log(`done: ${r.time.length.toLocaleString('en-US')} ticks in ${sec.toFixed(2)} s, ${r.fills.time.length.toLocaleString('en-US')} fills`);
  const report = buildReport(link, dataset, config, r);
  if (o.out) {
    writeOut(o.out, JSON.stringify(toJsonValue(report), null, 1) + '\n');
    writeOut(sidecar(o.out, 'metrics'), keyValueCsv(r.metrics));
    writeOut(sidecar(o.out, 'attribution'), keyValueCsv(r.attribution));
    writeOut(sidecar(o.out, 'fills'), fillsCsv(r.fills));
    log(`wrote ${o.out} and ${['metrics', 'attribution', 'fills'].map((n) => sidecar(o.out!, n)).join(', ')}`);
  }
  console.log(JSON.stringify(toJsonValue({ dataset: report.dataset, metrics: report.metrics, attribution: report.attribution }), null, 1));
}

/** One CSV row per sweep job: its place, cell, then every metric and attribution field. */
export function sweepCsv(rows: SweepRow[], axes: string[]): string {
  const metricKeys = [...new Set(rows.flatMap((r) => Object.keys(r.metrics).filter((k) => typeof r.metrics[k] !== 'object')))];
  const attrKeys = [...new Set(rows.flatMap((r) => Object.keys(r.attribution).filter((k) => typeof r.attribution[k] !== 'object')))];
  const cell = (v: unknown) => { const t = v === undefined ? '' : String(v); return /[",\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t; };
  const head = ['index', 'dataset', ...axes, 'ticks', ...metricKeys, ...attrKeys.map((k) => `attribution.${k}`), 'error'];
  const lines = [head.join(',')];
  for (const r of rows) lines.push([r.index, r.dataset, ...axes.map((a) => r.cell[a]), r.ticks, ...metricKeys.map((k) => r.metrics[k]), ...attrKeys.map((k) => r.attribution[k]), r.error ?? ''].map(cell).join(','));
  return lines.join('\n') + '\n';
}

async function sweep(o: LabCliOptions, datasets: DatasetRef[], log: Log): Promise<void> {
  const all = sweepJobs(datasets, o.grid, o.query);
  const jobs = sliceOf(all, o.slice);
  const axes = o.grid.map((g) => g.key);
  log(`sweep: ${datasets.length} dataset(s) × ${all.length / datasets.length} cell(s) = ${all.length} jobs; slice ${o.slice.index}/${o.slice.count} runs ${jobs.length}${jobs.length > 0 ? ` (jobs ${jobs[0].index}–${jobs[jobs.length - 1].index})` : ''}`);
  const t0 = performance.now();
  const rows = await runSweep(jobs, {
    threads: o.workers,
    publicDir: PUBLIC_DIR,
    onRow: (row, done) => log(`[${done}/${jobs.length}] job ${row.index} ${row.dataset} ${Object.entries(row.cell).map(([k, v]) => `${k}=${v}`).join(' ')}${row.error ? ` FAILED: ${row.error}` : ''}`),
  });
  log(`sweep done in ${((performance.now() - t0) / 1000).toFixed(2)} s`);
  const failed = rows.filter((r) => r.error).length;
  const report = { link: { query: o.query, notices: linkSettings(o.query).notices }, grid: o.grid, slice: o.slice, jobsTotal: all.length, rows };
  if (o.out) {
    writeOut(o.out, JSON.stringify(toJsonValue(report), null, 1) + '\n');
    writeOut(sidecar(o.out, 'grid'), sweepCsv(rows, axes));
    log(`wrote ${o.out} and ${sidecar(o.out, 'grid')}`);
  } else process.stdout.write(sweepCsv(rows, axes));
  if (failed > 0) {
    log(`${failed} job(s) failed`);
    process.exitCode = 1;
  }
}

export async function main(argv: string[], env: Record<string, string | undefined> = process.env): Promise<number> {
  let o: LabCliOptions;
  try {
    o = parseLabArgs(argv, env);
  } catch (e) {
    if (e instanceof CliError) { console.error(e.message); return 2; }
    throw e;
  }
  const log: Log = o.quiet ? () => {} : (line) => console.error(line);
  const datasets: DatasetRef[] = o.datasets.length > 0 ? o.datasets : [{ sample: linkSettings(o.query).sample ?? DEFAULT_SAMPLE_ID }];
  const isSweep = o.grid.length > 0 || datasets.length > 1 || o.slice.count > 1;
  try {
    if (isSweep) await sweep(o, datasets, log);
    else await single(o, datasets[0], log);
  } catch (e) {
    const where = datasetLabel(datasets[0]);
    const err = e as { message?: string; line?: number; field?: string };
    console.error(`lab failed on ${where}${err.line ? `, line ${err.line}` : ''}${err.field ? `, field ${err.field}` : ''}: ${err.message ?? String(e)}`);
    return 1;
  }
  return typeof process.exitCode === 'number' ? process.exitCode : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  void main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
}
