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

/** 1e6 bookTicker-style quote rows (~45 MB): ns stamps, 2-decimal prices, 3-decimal sizes, like the real Binance USD-M file. */
export function makeQuotesCsv(rows: number, seed = 5): string {
  const rng = createRng(seed);
  const parts: string[] = ['local_ts_ns,bid_px,bid_qty,ask_px,ask_qty\n'];
  let tNs = 1723161255088169167n;
  let mid = 61800.25;
  for (let i = 0; i < rows; i++) {
    tNs += BigInt(1000 + rng.int(5_000_000));
    mid += (rng.int(3) - 1) * 0.1;
    const bid = (mid - 0.05).toFixed(2), ask = (mid + 0.05).toFixed(2);
    parts.push(`${tNs},${bid},${(rng.uniform() * 5).toFixed(3)},${ask},${(rng.uniform() * 5).toFixed(3)}\n`);
  }
  return parts.join('');
}

export default async function (): Promise<BenchFigure[]> {
  const rows = 1_000_000;
  const text = makeQuotesCsv(rows);
  const bytes = new TextEncoder().encode(text);
  const mb = bytes.length / 1e6;
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    const r = await parseTicksCsv(bytes);
    times.push(performance.now() - t0);
    if (r.columns.time.length !== rows) throw new Error(`parsed ${r.columns.time.length} rows, expected ${rows}`);
  }
  times.sort((a, b) => a - b);
  const ms = times[3];
  const strMs = medianMs(() => new TextEncoder().encode(text), 3, 1);
  const mbps = mb / (ms / 1000);
  // ISO-8601 times take the per-field string path: the slow case.
  const iso = new TextEncoder().encode(text.replace(/^(\d+),/gm, (_, ns: string) => `${new Date(Number(BigInt(ns) / 1_000_000n)).toISOString()},`));
  const isoMs = await medianAsync(() => parseTicksCsv(iso), 3);
  const gz = new Uint8Array(readFileSync(new URL('../public/samples/usdm-btcusdt-2024-08-08-bookticker.csv.gz', import.meta.url)));
  const gzMs = await medianAsync(() => parseTicksCsv(gz), 5);
  return [
    { name: `parseTicksCsv 1e6 quote rows (${mb.toFixed(1)} MB bytes)`, value: `${mbps.toFixed(0)} MB/s`, target: '≥ 50 MB/s', met: mbps >= 50 },
    { name: '  same, wall time', value: `${ms.toFixed(0)} ms` },
    { name: '  string input adds UTF-8 encode', value: `${strMs.toFixed(0)} ms` },
    { name: `1e6 quote rows, ISO-8601 times (${(iso.length / 1e6).toFixed(1)} MB)`, value: `${(iso.length / 1e6 / (isoMs / 1000)).toFixed(0)} MB/s` },
    { name: 'real Binance USD-M quotes .csv.gz (66,089 rows)', value: `${gzMs.toFixed(0)} ms` },
  ];
}
