import '@vitest/web-worker';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { toJsonValue } from '../../src/cli/run-lab';
import { CsvClient, type LoadResult } from '../../src/workers/csv-client';
import { labApi } from '../../src/workers/lab-api';
import { parseUrlState } from '../../src/stores/url-state';
import { sigmaBasisOf, toBacktestConfig, toLabSource } from '../../src/stores/lab-config';
import { DEFAULT_POLICIES } from '../../src/stores/dataset-store';
import { FILE_SAMPLES, SYNTHETIC_TICKS, syntheticSeed } from '../../src/stores/samples';

/**
 * `npm run lab` (a real child process) against the page's own path for the same link and data:
 * the dataset loaded by the real CSV worker (src/workers/csv.worker.ts, run by @vitest/web-worker)
 * with the Data panel's default policies, the link read by the page's parser, the run config built
 * as the lab runner builds it, and the run done by the lab worker's API (src/workers/lab-api.ts,
 * what lab.worker.ts exposes). Metrics and attribution must be identical, number for number.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const tmp = mkdtempSync(join(tmpdir(), 'mmlab-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const csv = new CsvClient(() => new Worker(new URL('../../src/workers/csv.worker.ts', import.meta.url), { type: 'module' }));
afterAll(() => csv.terminate());

function ok(r: LoadResult) {
  if (!r.ok) throw new Error(`load failed: ${JSON.stringify(r)}`);
  return r.dataset;
}

/** What the page shows for `query` once its dataset (the link's sample, else the default sample) has loaded. */
async function pageRun(query: string) {
  const { params, lab, foreign } = parseUrlState(`?${query}`);
  const id = foreign.sample ?? 'usdm-btcusdt';
  const seed = syntheticSeed(id);
  const options = { badRows: DEFAULT_POLICIES.badRows, order: DEFAULT_POLICIES.order };
  const file = FILE_SAMPLES.find((s) => s.id === id);
  const bytes = (p: string) => new Uint8Array(readFileSync(join(ROOT, 'public', p)));
  const d = seed !== undefined
    ? ok(await csv.load({ type: 'synthetic', seed, nTicks: SYNTHETIC_TICKS }))
    : ok(await csv.load({ type: 'files', name: file!.quotes.split('/').pop()!, quotes: bytes(file!.quotes), trades: bytes(file!.trades), tradesName: file!.trades.split('/').pop()!, options, tradesOptions: options }));
  const source = toLabSource(d);
  if (source.kind === 'synthetic') labApi.setSynthetic({ seed: source.seed, nTicks: source.nTicks });
  else if (source.kind === 'columns') labApi.setData(source.data);
  else throw new Error(`unexpected lab source ${source.kind}`);
  const views = await labApi.run(toBacktestConfig(lab, sigmaBasisOf(d, params.yearBasis)));
  return views.summary;
}

function cliRun(args: string[]) {
  const out = join(tmp, `r${Math.random().toString(36).slice(2)}.json`);
  const p = spawnSync(process.execPath, [TSX, 'src/cli/lab.ts', ...args, '--out', out, '--quiet'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  if (p.status !== 0) throw new Error(`npm run lab failed (${p.status}): ${p.stderr}`);
  return { report: JSON.parse(readFileSync(out, 'utf8')) as { metrics: unknown; attribution: unknown; fills: { time: unknown[] } }, out };
}

describe('npm run lab gives the page\'s numbers for the same link and data', () => {
  it('default sample (Binance USD-M BTCUSDT quotes + trades), default settings, via the link as a full URL', async () => {
    const page = await pageRun('v=2');
    const { report } = cliRun(['--link', 'https://example.test/mm-lab/?v=2#lab']);
    expect(report.metrics).toEqual(toJsonValue(page.metrics));
    expect(report.attribution).toEqual(toJsonValue(page.attribution));
    expect(report.fills.time.length).toBe(page.fills);
    expect(page.fills).toBeGreaterThan(100);
  }, 120_000);

  it('default sample given as files, AS on mid with γ, σ and the exchange year basis from the link', async () => {
    const query = 'v=2&st=as&bg=0.01&bv=40&y=exchange&bl=0.05';
    const page = await pageRun(query);
    const [q, t] = [FILE_SAMPLES[0].quotes, FILE_SAMPLES[0].trades].map((p) => join('public', p));
    const { report, out } = cliRun(['--data', `${q},${t}`, '--link', `?${query}`]);
    expect(report.metrics).toEqual(toJsonValue(page.metrics));
    expect(report.attribution).toEqual(toJsonValue(page.attribution));
    // The CSVs carry the same numbers: the fills file has one row per fill, the metrics file the total PnL.
    const fillsCsv = readFileSync(out.replace(/\.json$/, '.fills.csv'), 'utf8').trim().split('\n');
    expect(fillsCsv.length - 1).toBe(page.fills);
    expect(fillsCsv[0].split(',')).toEqual(expect.arrayContaining(['time', 'side', 'price', 'size', 'midAtFill', 'midAfter']));
    expect(readFileSync(out.replace(/\.json$/, '.metrics.csv'), 'utf8')).toContain(`totalPnl,${page.metrics.totalPnl}\n`);
  }, 120_000);

  it('synthetic market named by the link (seed 7), the regime strategy', async () => {
    const query = 'v=2&sample=synthetic-7&st=as-regime&bn=2';
    const page = await pageRun(query);
    const { report } = cliRun(['--link', query]);
    expect(report.metrics).toEqual(toJsonValue(page.metrics));
    expect(report.attribution).toEqual(toJsonValue(page.attribution));
    expect(page.fills).toBeGreaterThan(100);
  }, 120_000);
});
