import { createKalman, createRegimeFilter, generateSyntheticMarket, gridSearch, regimeSetup, runBacktest, type BacktestConfig } from '../src/engine';
import { medianMs, type BenchFigure } from './harness';

export default async function (): Promise<BenchFigure[]> {
  const n = 1_000_000;
  const genMs = medianMs(() => generateSyntheticMarket({ seed: 5, nTicks: n }), 3, 1);
  const data = generateSyntheticMarket({ seed: 5, nTicks: n });

  // The full pipeline: Kalman fair value + causal HMM regime filter + AS quoting + trade-through fills
  // + attribution and metrics. The HMM is fitted once beforehand (timed on its own below).
  const t0 = performance.now();
  const reg = regimeSetup(data.mid, { nStates: 3, fitTicks: 20_000, seed: 1 }, 1e-6);
  const fitMs = performance.now() - t0;
  const config: BacktestConfig = { strategy: 'as-regime', fill: { model: 'trade-through' }, regime: { model: reg.model } };
  const coldT0 = performance.now();
  runBacktest({ ...data }, config); // a fresh data object: includes the O(n) input checks
  const coldMs = performance.now() - coldT0;
  const pipeMs = medianMs(() => runBacktest(data, config), 7, 2);
  const pipeRate = n / pipeMs / 1e3;
  const kalmanMs = medianMs(() => runBacktest(data, { strategy: 'as-kalman' }), 5, 1);
  const asMs = medianMs(() => runBacktest(data, { strategy: 'as' }), 5, 1);
  // The two filters of the pipeline on their own (issue 3's code), for the breakdown.
  let sink = 0;
  const regimeOnlyMs = medianMs(() => {
    const f = createRegimeFilter(reg.model);
    for (let i = 1; i < n; i++) sink += f.update(data.mid[i] - data.mid[i - 1]);
  }, 5, 1);
  const kalmanOnlyMs = medianMs(() => {
    const k = createKalman({ q: 1e-6, r: 1e-6, x0: data.mid[0], p0: 1e-6 });
    for (let i = 0; i < n; i++) sink += k.update(data.mid[i]);
  }, 5, 1);
  if (sink === 42) console.log('');

  const small = generateSyntheticMarket({ seed: 6, nTicks: 100_000 });
  const side = 5;
  const gridMs = medianMs(() => gridSearch(small, { strategy: 'as', warmupTicks: 1000 }, {
    x: { param: 'gamma', values: Array.from({ length: side }, (_, k) => 0.5 * 1.3 ** k) },
    y: { param: 'kappa', values: Array.from({ length: side }, (_, k) => 15 + 5 * k) },
    metric: 'sharpe',
  }), 3, 1);
  const cellMs = gridMs / (side * side);

  return [
    { name: 'full pipeline (Kalman+regime+AS+trade-through+attribution), 1e6 ticks', value: `${pipeRate.toFixed(2)} M ticks/s`, target: '≥ 5 M ticks/s', met: pipeRate >= 5 },
    { name: 'same, first run on new data (with input checks)', value: `${(n / coldMs / 1e3).toFixed(2)} M ticks/s` },
    { name: "'as-kalman' (default) backtest, 1e6 ticks", value: `${(n / kalmanMs / 1e3).toFixed(2)} M ticks/s` },
    { name: "'as' (raw mid) backtest, 1e6 ticks: the event loop alone", value: `${(n / asMs / 1e3).toFixed(2)} M ticks/s` },
    { name: 'of which regime filter update alone (issue 3), 1e6', value: `${regimeOnlyMs.toFixed(0)} ms` },
    { name: 'of which Kalman update alone (issue 3), 1e6', value: `${kalmanOnlyMs.toFixed(0)} ms` },
    { name: 'HMM fit for as-regime (3 states, 2e4 ticks)', value: `${fitMs.toFixed(0)} ms` },
    { name: 'synthetic market generation, 1e6 ticks', value: `${genMs.toFixed(0)} ms` },
    { name: "grid cell ('as', 1e5 ticks), one thread", value: `${cellMs.toFixed(1)} ms` },
    { name: '20×20 grid over 1e5 ticks, one thread (extrapolated)', value: `${((cellMs * 400) / 1000).toFixed(1)} s` },
  ];
}
