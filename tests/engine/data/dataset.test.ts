import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTicksCsv } from '../../../src/engine';
import { assembleDataset, toMarketData } from '../../../src/engine/data/dataset';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/vendors/${name}`, import.meta.url), 'utf8');

describe('assembleDataset', () => {
  it('joins the trades a Databento MBP-1 file carries, on its own clock, without counting its rows twice', async () => {
    const name = 'xnys-pillar-20240105.mbp-1.csv';
    const parsed = await parseTicksCsv(fixture(name), { fileName: name });
    const d = assembleDataset(name, 'file', parsed);
    expect(d.name).toBe(name);
    expect([d.kind, d.rowsRead, d.rowsSkipped]).toEqual(['quotes', 8, 0]);
    expect(d.columns.time.length).toBe(8);
    expect(Array.from(d.columns.tradePrice)).toEqual([187.18, 187.15, 187.18]);
    expect(Array.from(d.columns.tradeSide)).toEqual([1, -1, 1]);
    expect(Array.from(d.columns.tradeTime)).toEqual(Array.from(parsed.trades!.columns.time));
    expect(d.detected?.format).toBe('databento-mbp-1');
    expect(d.tradesDetected?.notes).toContain('trades = the rows with action T; the other rows (book updates) give only quotes');
    // The backtester gets the quotes and the trades.
    const m = toMarketData(d);
    expect([m.bid?.length, m.tradeTime?.length, m.tradeSide?.length]).toEqual([8, 3, 3]);
  });

  it('a pair still names both files and counts both', async () => {
    const q = await parseTicksCsv('time,bid,ask\n1,99,101\n2,100,102\n');
    const t = await parseTicksCsv('time,price,size,side\n1.5,100,1,buy\n');
    const d = assembleDataset('q.csv', 'file', q, { name: 't.csv', parsed: t });
    expect([d.name, d.rowsRead]).toEqual(['q.csv + t.csv', 3]);
    expect(Array.from(d.columns.tradeSide)).toEqual([1]);
  });
});
