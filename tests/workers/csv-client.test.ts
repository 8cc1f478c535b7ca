import '@vitest/web-worker';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { generateSyntheticMarket, parseTicksCsv } from '../../src/engine';
import { CsvClient, type LoadResult } from '../../src/workers/csv-client';

// The real csv.worker.ts run by @vitest/web-worker (in-process emulation: it carries neither
// proxied progress callbacks nor detaches transfers; those are checked in Chromium by
// tests/e2e/data-upload.spec.ts). That runner shares evaluated modules between its workers: a worker
// made while another of the same URL is still importing it gets the in-flight module and never runs
// `expose` on its own `self`, so it never answers (a cancel that terminates a worker during start-up,
// e.g. under load, then hung the next load). Each worker gets its own query string, as in a browser
// each worker has its own module graph.
let made = 0;
const makeWorker = () => new Worker(new URL(`../../src/workers/csv.worker.ts?instance=${made++}`, import.meta.url), { type: 'module' });
const clients: CsvClient[] = [];
afterEach(() => clients.splice(0).forEach((c) => c.terminate()));
function client(): CsvClient {
  const c = new CsvClient(makeWorker);
  clients.push(c);
  return c;
}
const sample = (n: string) => new Uint8Array(readFileSync(new URL(`../../public/samples/${n}`, import.meta.url)));

function ok(r: LoadResult) {
  if (!r.ok) throw new Error(`load failed: ${JSON.stringify(r)}`);
  return r.dataset;
}

describe('CsvClient + csv.worker', () => {
  it('parses text in the worker into the same columns as the engine, with a summary', async () => {
    const text = 'time,bid,ask\n1,99,101\n2,100,102\n3,99,101\n5,99,101\n';
    const d = ok(await client().load({ type: 'files', name: 'q.csv', quotes: text }));
    const direct = await parseTicksCsv(text);
    expect(d.kind).toBe('quotes');
    expect(d.columns).toEqual(direct.columns);
    expect(d.summary.rows).toBe(4);
    expect(d.summary.medianTickIntervalSec).toBe(1);
    expect(d.source).toBe('file');
  });

  it('loads the gzip Binance quotes and trades as one aligned dataset', async () => {
    const d = ok(await client().load({ type: 'files', name: 'quotes', quotes: sample('spot-btcusdt-2024-08-09-bookticker.csv.gz'), trades: sample('spot-btcusdt-2024-08-09-trades.csv.gz'), tradesName: 'trades' }));
    expect(d.columns.time.length).toBe(45134);
    expect(d.columns.tradeTime.length).toBeGreaterThan(10000);
    expect(d.rowsRead).toBe(45134 + 10147);
    expect(d.summary.medianSpreadBps).toBeGreaterThan(0);
    for (const side of d.columns.tradeSide) expect(Math.abs(side)).toBe(1);
  });

  it('returns a bad file as a failure value naming file, line and field', async () => {
    const r = await client().load({ type: 'files', name: 'bad.csv', quotes: 'time,bid,ask\n1,99,101\n2,oops,101\n', options: { badRows: 'stop' } });
    expect(r).toEqual({ ok: false, cancelled: false, error: { file: 'bad.csv', line: 3, field: 'bid', message: 'not a number: "oops"', code: 'row', header: ['time', 'bid', 'ask'] } });
  });

  it('names the trades file when it is the one that fails', async () => {
    const r = await client().load({ type: 'files', name: 'q.csv', quotes: 'time,bid,ask\n1,99,101\n', trades: 'time,price\n', tradesName: 't.csv' });
    expect(r.ok).toBe(false);
    if (!r.ok && !r.cancelled) expect([r.error.file, r.error.line, r.error.message]).toEqual(['t.csv', 2, 'no data rows after the header']);
  });

  it('reproduces the synthetic market from its seed', async () => {
    const d = ok(await client().load({ type: 'synthetic', seed: 7, nTicks: 5000 }));
    const m = generateSyntheticMarket({ seed: 7, nTicks: 5000 });
    expect(d.columns.bid).toEqual(m.bid);
    expect(d.columns.tradePrice).toEqual(m.tradePrice);
    expect(d.seed).toBe(7);
    expect(d.summary.rows).toBe(5000);
  });

  it('resolves a load cancelled before it starts as cancelled', async () => {
    const ac = new AbortController();
    ac.abort();
    expect(await client().load({ type: 'files', name: 'q', quotes: 'time,price\n1,1\n' }, { signal: ac.signal })).toEqual({ ok: false, cancelled: true });
  });

  it('cancels a running load', async () => {
    const text = 'time,price\n' + Array.from({ length: 200_000 }, (_, i) => `${i + 1},${(i % 7) + 1}`).join('\n');
    const ac = new AbortController();
    const c = client();
    const p = c.load({ type: 'files', name: 'big', quotes: text, options: { chunkBytes: 4096 } }, { signal: ac.signal });
    ac.abort();
    expect(await p).toEqual({ ok: false, cancelled: true });
    // The client still works after a cancel.
    expect((await c.load({ type: 'files', name: 'q', quotes: 'time,price\n1,1\n' })).ok).toBe(true);
  });

  it('a worker stopped at any point of its start-up is replaced by a fresh one that answers', async () => {
    // The cancel's grace runs out (CANCEL_GRACE_MS) and the worker is terminated, here at 0-50 ms,
    // i.e. before, during and after the worker's module import; the next load must start a new worker and get its answer.
    for (const delayMs of [0, 5, 20, 50]) {
      const c = client();
      const first = c.load({ type: 'files', name: 'q', quotes: 'time,price\n1,1\n' });
      await new Promise((r) => setTimeout(r, delayMs));
      c.terminate();
      await first.then(() => undefined, (e: unknown) => expect(e).toMatchObject({ name: 'AbortError' }));
      const again = await c.load({ type: 'files', name: 'q2', quotes: 'time,price\n1,1\n2,2\n' });
      expect(ok(again).summary.rows).toBe(2);
      expect(c.bridge.starts).toBe(2);
    }
  });
});

describe('CsvClient file limits', () => {
  it('refuses a plain file larger than maxBytes before reading it', async () => {
    const file = new Blob(['time,price\n' + '1,1\n'.repeat(100)]);
    const r = await client().load({ type: 'files', name: 'big.csv', quotes: file, options: { maxBytes: 100 } });
    expect(r).toEqual({ ok: false, cancelled: false, error: { file: 'big.csv', line: 1, field: '', message: 'file too large for memory: more than 100 bytes of text (the maxBytes limit)', code: 'too-large', header: undefined } });
  });
});
