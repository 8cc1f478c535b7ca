import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tsxEngine from '../src/engine';
import { bundleEngine } from './bundle-engine';
import { medianMs, type BenchFigure } from './harness';

/** Both strategies of AS (2008) §3.3 for one γ, 1000 paths × 200 steps, as the paper page runs them. */
function perGamma(e: typeof tsxEngine, gamma: number): void {
  e.simulateAS2008({ gamma, strategy: 'inventory', paths: 1000, seed: 1 });
  e.simulateAS2008({ gamma, strategy: 'symmetric', paths: 1000, seed: 1 });
}

export default async function (): Promise<BenchFigure[]> {
  const outDir = mkdtempSync(join(tmpdir(), 'mmlab-engine-'));
  try {
    // The engine as it ships (bundled by Vite, as in the app's workers), then through tsx for reference.
    const bundled = await bundleEngine(outDir);
    const figures: BenchFigure[] = [];
    for (const gamma of [0.01, 0.1, 1]) {
      const ms = medianMs(() => perGamma(bundled, gamma), 21, 5);
      figures.push({ name: `AS 2008 γ = ${gamma}: 1000 paths × 200 steps, both strategies (bundled)`, value: `${ms.toFixed(2)} ms`, target: '≤ 8 ms', met: ms <= 8 });
    }
    const tsxMs = medianMs(() => perGamma(tsxEngine, 0.1), 15, 5);
    figures.push({ name: 'AS 2008 γ = 0.1, both strategies (through tsx)', value: `${tsxMs.toFixed(2)} ms` });
    return figures;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
