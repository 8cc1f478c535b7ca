import { simulateAS2008 } from '../src/engine';
import { medianMs, type BenchFigure } from './harness';

export default async function (): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  for (const gamma of [0.01, 0.1, 1]) {
    const ms = medianMs(() => {
      simulateAS2008({ gamma, strategy: 'inventory', paths: 1000, seed: 1 });
      simulateAS2008({ gamma, strategy: 'symmetric', paths: 1000, seed: 1 });
    }, 15, 3);
    figures.push({ name: `AS 2008 γ = ${gamma}: 1000 paths × 200 steps, both strategies`, value: `${ms.toFixed(1)} ms`, target: '≤ 30 ms', met: ms <= 30 });
  }
  return figures;
}
