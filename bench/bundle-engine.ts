import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import type * as Engine from '../src/engine';

/**
 * The engine as it ships: `srcRoot`/src/engine bundled into one ES module in `outDir` by Vite (as in
 * the app and its workers) and imported. Under tsx every call to a function imported from another
 * module goes through a getter, which per-tick and per-point code pays millions of times.
 * `outDir` is marked as ES modules (package.json "type": "module"): without it, a bench running under
 * tsx re-transforms the bundle to CommonJS, and timings moved by up to 20 % either way (helper H).
 */
export async function bundleEngine(outDir: string, srcRoot = join(import.meta.dirname, '..')): Promise<typeof Engine> {
  await build({
    configFile: false,
    publicDir: false,
    logLevel: 'silent',
    build: { lib: { entry: join(srcRoot, 'src/engine/index.ts'), formats: ['es'], fileName: 'engine' }, outDir, minify: false, target: 'es2022', emptyOutDir: true },
  });
  writeFileSync(join(outDir, 'package.json'), '{ "type": "module" }\n');
  return (await import(pathToFileURL(join(outDir, 'engine.js')).href)) as typeof Engine;
}
