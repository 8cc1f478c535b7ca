/**
 * The first-load budget: the JavaScript a browser must fetch before the app can start — the entry
 * chunk of index.html plus every chunk it imports statically, transitively — must stay within
 * INITIAL_JS_BUDGET_GZIP bytes gzipped. Chunks loaded with import() (KaTeX, lazy panels, the bench
 * hooks) and worker scripts are not counted.
 *
 *   npx tsx scripts/check-bundle.ts [--dist dist] [--budget 200000]
 *
 * Reads <dist>/.vite/manifest.json (vite.config.ts sets build.manifest), prints each initial chunk with
 * its gzip size, and exits with status 1 when the total exceeds the budget (wired after `vite build` in
 * `npm run test:e2e`, so `npm test` fails).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** 200 kB (10^3 bytes, as Vite prints sizes) of gzip for the initial JS, issue 15. */
export const INITIAL_JS_BUDGET_GZIP = 200_000;

/** The fields of one Vite manifest entry this check uses (https://vite.dev/guide/backend-integration). */
export interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

export interface InitialChunk {
  /** Output file, relative to the dist folder. */
  file: string;
  gzipBytes: number;
}

export interface BundleCheck {
  chunks: InitialChunk[];
  totalGzipBytes: number;
  budgetGzipBytes: number;
  ok: boolean;
}

/**
 * Output files of the initial JS: every entry chunk (isEntry) and the chunks reachable from it through
 * `imports` (static imports), each once, entries first. `dynamicImports` are not followed. Throws on
 * a manifest with no entry or an import key it does not define (a corrupt or foreign file).
 */
export function initialJsFiles(manifest: Manifest): string[] {
  const entries = Object.keys(manifest).filter((k) => manifest[k].isEntry);
  if (entries.length === 0) throw new Error('manifest: no entry chunk (isEntry); is this a Vite build manifest?');
  const seen = new Set<string>();
  const files: string[] = [];
  const visit = (key: string, from: string) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`manifest: "${from}" imports "${key}", which the manifest does not define`);
    seen.add(key);
    if (chunk.file.endsWith('.js') || chunk.file.endsWith('.mjs')) files.push(chunk.file);
    for (const k of chunk.imports ?? []) visit(k, key);
  };
  for (const k of entries) visit(k, k);
  return files;
}

/** Sizes the initial JS with `gzipBytesOf(file)` and compares the total with the budget (bytes). */
export function checkInitialJs(manifest: Manifest, gzipBytesOf: (file: string) => number, budgetGzipBytes = INITIAL_JS_BUDGET_GZIP): BundleCheck {
  if (!(budgetGzipBytes > 0)) throw new Error(`budget: expected a positive number of bytes, got ${budgetGzipBytes}`);
  const chunks = initialJsFiles(manifest).map((file) => ({ file, gzipBytes: gzipBytesOf(file) }));
  const totalGzipBytes = chunks.reduce((s, c) => s + c.gzipBytes, 0);
  return { chunks, totalGzipBytes, budgetGzipBytes, ok: totalGzipBytes <= budgetGzipBytes };
}

export function formatBundleCheck(r: BundleCheck): string {
  const kB = (b: number) => `${(b / 1000).toFixed(2)} kB`;
  const lines = r.chunks.map((c) => `  ${c.file.padEnd(48)} ${kB(c.gzipBytes).padStart(10)} gzip`);
  const verdict = r.ok
    ? `initial JS ${kB(r.totalGzipBytes)} gzip, within the ${kB(r.budgetGzipBytes)} budget`
    : `initial JS ${kB(r.totalGzipBytes)} gzip EXCEEDS the ${kB(r.budgetGzipBytes)} budget by ${r.totalGzipBytes - r.budgetGzipBytes} bytes: load the new code with import() (a lazy panel or chunk), or raise the budget in scripts/check-bundle.ts with a reason`;
  return [`initial JS (entry + static imports):`, ...lines, verdict].join('\n');
}

/** gzip size as a server would send the file (zlib default level, as Vite's report). */
export function gzipBytes(buf: Uint8Array): number {
  return gzipSync(buf).length;
}

function main(argv: string[]): number {
  const arg = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const dist = resolve(arg('--dist') ?? 'dist');
  const budgetArg = arg('--budget');
  const budget = budgetArg === undefined ? INITIAL_JS_BUDGET_GZIP : Number(budgetArg);
  const manifestPath = join(dist, '.vite', 'manifest.json');
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  } catch (e) {
    console.error(`check-bundle: cannot read ${manifestPath} (${(e as Error).message}); run \`vite build\` first (build.manifest is on in vite.config.ts)`);
    return 1;
  }
  const result = checkInitialJs(manifest, (file) => gzipBytes(readFileSync(join(dist, file))), budget);
  (result.ok ? console.log : console.error)(formatBundleCheck(result));
  return result.ok ? 0 : 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2));
