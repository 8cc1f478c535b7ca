import { createKalman, createRng, kalmanLocalLevel, kalmanOU } from '../src/engine';
import { medianMs, type BenchFigure } from './harness';

export default async function (): Promise<BenchFigure[]> {
  const n = 1_000_000;
  const rng = createRng(1);
  const y = new Float64Array(n);
  let x = 60000;
  for (let i = 0; i < n; i++) { x += 0.5 * rng.normal(); y[i] = x + 0.2 * rng.normal(); }
  let sink = 0;
  const llMs = medianMs(() => { sink += kalmanLocalLevel(y, { q: 0.25, r: 0.04, x0: 60000, p0: 1 }).logLik; }, 15, 3);
  const ouMs = medianMs(() => { sink += kalmanOU(y, { kappa: 0.01, mu: 60000, sigma: 0.5, r: 0.04, dt: 1, x0: 60000, p0: 1 }).logLik; }, 15, 3);
  const allMs = medianMs(() => {
    const r = kalmanLocalLevel(y, { q: 0.25, r: 0.04, x0: 60000, p0: 1 });
    sink += r.variance[n - 1] + r.gain[n - 1] + r.innovationVar[n - 1];
  }, 15, 3);
  const streamMs = medianMs(() => {
    const k = createKalman({ q: 0.25, r: 0.04, x0: 60000, p0: 1 });
    for (let i = 0; i < n; i++) k.update(y[i]);
    sink += k.logLik;
  }, 9, 2);
  if (sink === 42) console.log('');
  const mps = (ms: number) => n / ms / 1e3;
  return [
    { name: 'kalmanLocalLevel, 10^6 ticks (batch)', value: `${mps(llMs).toFixed(0)} M ticks/s`, target: '≥ 150 M ticks/s', met: mps(llMs) >= 150 },
    { name: 'kalmanLocalLevel, 10^6 ticks, all 5 arrays read', value: `${mps(allMs).toFixed(0)} M ticks/s` },
    { name: 'kalmanOU, 10^6 ticks (batch)', value: `${mps(ouMs).toFixed(0)} M ticks/s`, target: '≥ 150 M ticks/s', met: mps(ouMs) >= 150 },
    { name: 'createKalman().update, 10^6 ticks (streaming)', value: `${mps(streamMs).toFixed(0)} M ticks/s` },
  ];
}
