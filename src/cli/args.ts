import { parseArgs } from 'node:util';

/**
 * Command line of `npm run lab` (src/cli/lab.ts). Pure: argv and environment in, options or an
 * error message naming the flag out.
 */

/** One dataset: a quotes (or prices/bars/trades) file, optionally with a trades file, as the page's Data panel takes them. */
export interface DatasetFiles {
  quotes: string;
  trades?: string;
}

/** A dataset to run on: files, or a built-in sample by the id a link's `sample` key carries. */
export type DatasetRef = DatasetFiles | { sample: string };

export function datasetLabel(d: DatasetRef): string {
  return 'sample' in d ? `sample ${d.sample}` : d.trades !== undefined ? `${d.quotes},${d.trades}` : d.quotes;
}

export interface Slice {
  /** 0-based index of this process's slice. */
  index: number;
  count: number;
}

export interface LabCliOptions {
  /** Datasets to run; empty: the link's `sample` (or the page's default sample). */
  datasets: DatasetFiles[];
  /** The shared link's query (without '?'), '' for the page's defaults. */
  query: string;
  /** Report path (.json); CSVs are written next to it. */
  out?: string;
  /** Grid axes: URL key -> values (each cell is the link with these keys set). Empty: one run per dataset. */
  grid: Array<{ key: string; values: string[] }>;
  slice: Slice;
  /** Worker threads for a sweep (default: one per core). */
  workers?: number;
  quiet: boolean;
}

export const USAGE = `Usage: npm run lab -- [--data quotes.csv[,trades.csv]] [--link '<shared URL or its query>'] [--out report.json]
                    [--files a.csv[,a-trades.csv] b.csv ...] [--grid key=v1,v2,...]... [--slice i/n] [--workers k] [--quiet]

Runs the lab exactly as the page does for the link (same engine, defaults and numbers) and writes the
metrics, attribution, fills and markouts as JSON (--out) and CSV (next to it).
  --data      one dataset: a quotes file, optionally ",trades file" (CSV or .csv.gz, streamed)
  --files     many datasets (same form, space-separated), for a sweep; --data and --files add up
  --link      a link copied from the page (https://…/?v=2&st=as&bg=0.01) or just its query; default: the page's defaults
  --grid      a sweep axis over a link key, e.g. --grid bg=0.001,0.01,0.1 --grid bk=0.5,1 (every combination)
  --slice     i/n: run only jobs k with k mod n = i (0-based), e.g. --slice $JOB_COMPLETION_INDEX/8;
              default: JOB_COMPLETION_INDEX and LAB_SLICE_COUNT from the environment when set, else everything
  --workers   worker threads for a sweep (default: one per core)
  --quiet     no progress on stderr
Without --data/--files the link's sample (sample=…) or the page's default sample (public/samples) is used.`;

export class CliError extends Error {}

/** The query part of a shared link: a full URL, '?query' or 'query' (a fragment is dropped). */
export function linkQuery(link: string): string {
  const text = link.trim();
  const noHash = text.split('#')[0];
  const q = noHash.indexOf('?');
  if (q >= 0) return noHash.slice(q + 1);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(noHash)) return ''; // a URL without a query: the page's defaults
  return noHash;
}

export function parseDatasetArg(text: string, flag: string): DatasetFiles {
  const parts = text.split(',').map((s) => s.trim());
  if (parts.length > 2 || parts.some((p) => p === '')) throw new CliError(`${flag}: expected "quotes.csv" or "quotes.csv,trades.csv", got ${JSON.stringify(text)}`);
  return parts.length === 2 ? { quotes: parts[0], trades: parts[1] } : { quotes: parts[0] };
}

export function parseSlice(text: string, flag = '--slice'): Slice {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) throw new CliError(`${flag}: expected "i/n" with 0 <= i < n, e.g. 3/8, got ${JSON.stringify(text)}`);
  const index = Number(m[1]), count = Number(m[2]);
  if (count < 1 || index >= count) throw new CliError(`${flag}: expected 0 <= i < n, got ${index}/${count}`);
  return { index, count };
}

function parseGridArg(text: string): { key: string; values: string[] } {
  const eq = text.indexOf('=');
  const key = eq > 0 ? text.slice(0, eq).trim() : '';
  const values = eq > 0 ? text.slice(eq + 1).split(',').map((s) => s.trim()).filter((s) => s !== '') : [];
  if (key === '' || values.length === 0) throw new CliError(`--grid: expected key=v1,v2,... (a link key such as bg or bk), got ${JSON.stringify(text)}`);
  return { key, values };
}

export function parseLabArgs(argv: string[], env: Record<string, string | undefined> = {}): LabCliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        data: { type: 'string', multiple: true },
        files: { type: 'string', multiple: true },
        link: { type: 'string' },
        out: { type: 'string' },
        grid: { type: 'string', multiple: true },
        slice: { type: 'string' },
        workers: { type: 'string' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean' },
      },
    });
  } catch (e) {
    throw new CliError((e as Error).message);
  }
  const v = parsed.values;
  if (v.help) throw new CliError(USAGE);
  // `--files a b c`: the shell passes b and c as bare arguments; every bare argument is one more dataset.
  const datasets = [
    ...(v.data ?? []).map((t) => parseDatasetArg(t, '--data')),
    ...[...(v.files ?? []), ...parsed.positionals].map((t) => parseDatasetArg(t, '--files')),
  ];
  const grid = (v.grid ?? []).map(parseGridArg);
  const keys = grid.map((g) => g.key);
  const dup = keys.find((k, i) => keys.indexOf(k) !== i);
  if (dup) throw new CliError(`--grid: key ${dup} is given twice; list all its values in one --grid ${dup}=…`);
  let slice: Slice = { index: 0, count: 1 };
  if (v.slice !== undefined) slice = parseSlice(v.slice);
  else if (env.JOB_COMPLETION_INDEX !== undefined && env.LAB_SLICE_COUNT !== undefined) {
    slice = parseSlice(`${env.JOB_COMPLETION_INDEX}/${env.LAB_SLICE_COUNT}`, 'JOB_COMPLETION_INDEX/LAB_SLICE_COUNT');
  }
  let workers: number | undefined;
  if (v.workers !== undefined) {
    workers = Number(v.workers);
    if (!Number.isInteger(workers) || workers < 1 || workers > 256) throw new CliError(`--workers: expected a whole number from 1 to 256, got ${JSON.stringify(v.workers)}`);
  }
  if (v.out !== undefined && !v.out.endsWith('.json')) throw new CliError(`--out: expected a .json path (CSVs go next to it), got ${JSON.stringify(v.out)}`);
  return { datasets, query: linkQuery(v.link ?? ''), out: v.out, grid, slice, workers, quiet: v.quiet ?? false };
}
