import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { checkInitialJs, gzipBytes, INITIAL_JS_BUDGET_GZIP, type Manifest } from '../scripts/check-bundle';
import type { BenchFigure } from './harness';

/**
 * Initial JS of the built app (entry chunk + its static imports, gzip), the figure scripts/check-bundle.ts
 * holds to its budget after `vite build` in `npm run test:e2e`; built here into a temporary folder with
 * the project's vite.config.ts.
 */
export default async function (): Promise<BenchFigure[]> {
  const outDir = mkdtempSync(join(tmpdir(), 'mmlab-dist-'));
  try {
    await build({ logLevel: 'silent', build: { outDir, emptyOutDir: true } });
    const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8')) as Manifest;
    const r = checkInitialJs(manifest, (file) => gzipBytes(readFileSync(join(outDir, file))));
    return [{
      name: `initial JS, gzip (${r.chunks.length} chunk${r.chunks.length > 1 ? 's' : ''}: entry + static imports)`,
      value: `${(r.totalGzipBytes / 1000).toFixed(1)} kB`,
      target: `≤ ${INITIAL_JS_BUDGET_GZIP / 1000} kB`,
      met: r.ok,
    }];
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
