import { createRng, parseTicksCsv } from '../src/engine';
import { readFileSync } from 'node:fs';
import { medianMs, type BenchFigure } from './harness';

async function medianAsync(fn: () => Promise<unknown>, runs: number): Promise<number> {
  await fn();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    t.push(performance.now() - t0);
  }
  return t.sort((a, b) => a - b)[runs >> 1];
}

export type TimeFormat = 'ns' | 'decimal-s' | 'iso';

/**
 * `rows` bookTicker-style quote rows: 2-decimal prices, 3-decimal sizes like the real Binance USD-M
 * file, and the time written as integer ns (1723161255088169167), decimal epoch seconds with ns
 * digits (1723161255.088169167, as LOBSTER and many exports write seconds) or ISO-8601 with ns
 * (2024-08-08T23:54:15.088169167Z).
 */
export function makeQuotesCsv(rows: number, seed = 5, time: TimeFormat = 'ns'): string {
  const rng = createRng(seed);
  const header = time === 'ns' ? 'local_ts_ns' : 'time';
  const parts: string[] = [`${header},bid_px,bid_qty,ask_px,ask_qty\n`];
  let tNs = 1723161255088169167n;
  let mid = 61800.25;
  for (let i = 0; i < rows; i++) {
    tNs += BigInt(1000 + rng.int(5_000_000));
    mid += (rng.int(3) - 1) * 0.1;
    const bid = (mid - 0.05).toFixed(2), ask = (mid + 0.05).toFixed(2);
    const sec = tNs / 1_000_000_000n, frac = String(tNs % 1_000_000_000n).padStart(9, '0');
    const t = time === 'ns' ? String(tNs) : time === 'decimal-s' ? `${sec}.${frac}` : `${new Date(Number(sec) * 1000).toISOString().slice(0, 19)}.${frac}Z`;
    parts.push(`${t},${bid},${(rng.uniform() * 5).toFixed(3)},${ask},${(rng.uniform() * 5).toFixed(3)}\n`);
  }
  return parts.join('');
}

/** Median MB/s of parseTicksCsv over `runs` runs of `bytes` (after one warm-up). */
/**
 * Median MB/s of parseTicksCsv over `runs` runs of `bytes` (after one warm-up), by wall time and by
 * this process's CPU time (user + system, all threads): on a machine shared by several sessions
 * the CPU-time figure is the less disturbed one (time spent waiting for a core does not count).
 */
async function throughput(bytes: Uint8Array, rows: number, runs: number): Promise<{ mbps: number; ms: number; cpuMbps: number }> {
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const r = await parseTicksCsv(bytes);
    const dt = performance.now() - t0;
    const c = process.cpuUsage(c0);
    if (i > 0) {
      times.push(dt);
      cpu.push((c.user + c.system) / 1000);
    }
    if (r.columns.time.length !== rows) throw new Error(`parsed ${r.columns.time.length} rows, expected ${rows}`);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const ms = times[times.length >> 1];
  const mb = bytes.length / 1e6;
  return { mbps: mb / (ms / 1000), ms, cpuMbps: mb / (cpu[cpu.length >> 1] / 1000) };
}

export default async function (): Promise<BenchFigure[]> {
  const rows = 1_000_000;
  const figures: BenchFigure[] = [];
  const enc = new TextEncoder();
  const nsText = makeQuotesCsv(rows, 5, 'ns');
  for (const time of ['ns', 'decimal-s', 'iso'] as const) {
    const bytes = enc.encode(time === 'ns' ? nsText : makeQuotesCsv(rows, 5, time));
    const { mbps, ms, cpuMbps } = await throughput(bytes, rows, 7);
    const label = time === 'ns' ? 'integer ns times' : time === 'decimal-s' ? 'decimal epoch-second times' : 'ISO-8601 times';
    figures.push({ name: `parseTicksCsv 1e6 quotes, ${label} (${(bytes.length / 1e6).toFixed(1)} MB)`, value: `${mbps.toFixed(0)} MB/s`, target: '≥ 150 MB/s', met: mbps >= 150 });
    figures.push({ name: '  same, wall time', value: `${ms.toFixed(0)} ms` });
    figures.push({ name: '  same, by CPU time', value: `${cpuMbps.toFixed(0)} MB/s` });
  }
  const strMs = medianMs(() => enc.encode(nsText), 3, 1);
  figures.push({ name: '  string input adds UTF-8 encode (ns file)', value: `${strMs.toFixed(0)} ms` });
  const gz = new Uint8Array(readFileSync(new URL('../public/samples/usdm-btcusdt-2024-08-08-bookticker.csv.gz', import.meta.url)));
  const gzMs = await medianAsync(() => parseTicksCsv(gz), 5);
  figures.push({ name: 'real Binance USD-M quotes .csv.gz (66,089 rows)', value: `${gzMs.toFixed(0)} ms` });
  return figures;
}
