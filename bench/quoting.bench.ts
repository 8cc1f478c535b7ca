import { asQuote, glftQuote } from '../src/engine';
import { medianMs, type BenchFigure } from './harness';

export default async function (): Promise<BenchFigure[]> {
  const n = 1_000_000;
  let sink = 0;
  const asMs = medianMs(() => {
    for (let i = 0; i < n; i++) sink += asQuote({ mid: 100, q: (i % 21) - 10, gamma: 0.1, sigma: 2, kappa: 1.5, tau: 0.5 }).bid;
  }, 7, 2);
  const glftMs = medianMs(() => {
    for (let i = 0; i < n; i++) sink += glftQuote({ mid: 100, q: (i % 21) - 10, gamma: 0.1, sigma: 2, kappa: 1.5, A: 140 }).bid;
  }, 7, 2);
  if (sink === 42) console.log('');
  return [
    { name: 'asQuote calls (validated, object in/out)', value: `${(n / asMs / 1e3).toFixed(1)} M/s` },
    { name: 'glftQuote calls (validated, object in/out)', value: `${(n / glftMs / 1e3).toFixed(1)} M/s` },
  ];
}
