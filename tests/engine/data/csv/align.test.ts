import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignQuotesTrades, ParamError, parseTicksCsv } from '../../../../src/engine';

describe('alignQuotesTrades', () => {
  it('gives each trade the last quote at or before it, drops earlier trades and signs unsigned trades', async () => {
    const ns = { timeUnit: 'ns' } as const;
    const quotes = await parseTicksCsv('local_ts_ns,bid_px,ask_px\n1000000000,10,12\n2000000000,11,13\n3000000000,11,12\n', ns);
    const trades = await parseTicksCsv('local_ts_ns,price,qty\n500000000,11,1\n1000000000,12,1\n2500000000,11.5,2\n2600000000,11.5,1\n3500000000,11.7,1\n', ns);
    const a = alignQuotesTrades(quotes, trades);
    expect(a.tradesDropped).toBe(1);
    expect(Array.from(a.tradeTime)).toEqual([1, 2.5, 2.6, 3.5]);
    expect(Array.from(a.tradeQuoteIndex)).toEqual([0, 1, 1, 2]);
    expect(Array.from(a.mid)).toEqual([11, 12, 11.5]);
    // 12 > mid 11 → buy; 11.5 < 12 → sell; 11.5 = previous price → previous sign; 11.7 > 11.5 → buy
    expect(Array.from(a.tradeSide)).toEqual([1, -1, -1, 1]);
    expect(a.problems).toEqual([]);
  });

  it('re-signs trades the parser signed by the tick rule against the quotes (Lee–Ready), keeping file sides', async () => {
    const quotes = await parseTicksCsv('time,bid,ask\n1,10,12\n3,10,11\n');
    // No side column: the parser's tick rule gives 11.8 uptick +1, 10.2 downtick −1, and the first trade (no tick) the first known sign, +1.
    const trades = await parseTicksCsv('time,price,size\n2,10.5,1\n2.5,11.8,1\n4,10.2,1\n');
    expect(Array.from(trades.columns.side)).toEqual([1, 1, -1]);
    expect(Array.from(trades.inferredSide!)).toEqual([1, 1, 1]);
    const a = alignQuotesTrades(quotes, trades);
    // Against the prevailing mids 11, 11, 10.5: 10.5 sell, 11.8 buy, 10.2 sell.
    expect(Array.from(a.tradeSide)).toEqual([-1, 1, -1]);
    const signed = await parseTicksCsv('time,price,size,side\n2,10.5,1,buy\n2.5,11.8,1,sell\n');
    expect(Array.from(alignQuotesTrades(quotes, signed).tradeSide)).toEqual([1, -1]);
  });

  it('keeps the file side and shifts trades by tradeOffsetSec', async () => {
    const quotes = await parseTicksCsv('ts,bid,ask\n10,1,2\n20,1,2\n');
    const trades = await parseTicksCsv('ts,price,qty,buyer_is_maker\n9,1.9,1,1\n15,1.1,1,0\n');
    const a = alignQuotesTrades(quotes, trades, { tradeOffsetSec: 1.5 });
    expect(Array.from(a.tradeTime)).toEqual([10.5, 16.5]);
    expect(Array.from(a.tradeSide)).toEqual([-1, 1]);
  });

  it('notes differently named clocks and rejects wrong kinds', async () => {
    const quotes = await parseTicksCsv('local_ts_ns,bid,ask\n1723161255088169167,1,2\n');
    const trades = await parseTicksCsv('exch_trade_ms,price,qty\n1723161256322,1.5,1\n');
    expect(alignQuotesTrades(quotes, trades).problems).toEqual([{ line: 1, field: 'exch_trade_ms', message: 'quotes use the clock local_ts_ns but trades use exch_trade_ms: check that they are the same clock' }]);
    expect(() => alignQuotesTrades(trades, quotes)).toThrow(ParamError);
  });

  it.each(['usdm-btcusdt-2024-08-08', 'spot-btcusdt-2024-08-09'])('aligns the real Binance %s quotes and trades on local_ts_ns, where trades fit the quotes best', async (name) => {
    const read = (n: string) => parseTicksCsv(new Uint8Array(readFileSync(new URL(`../../../../public/samples/${name}-${n}.csv.gz`, import.meta.url))));
    const quotes = await read('bookticker'), trades = await read('trades');
    const insideShare = (tradeOffsetSec: number) => {
      const a = alignQuotesTrades(quotes, trades, { tradeOffsetSec });
      let inside = 0;
      for (let i = 0; i < a.tradeTime.length; i++) {
        const q = a.tradeQuoteIndex[i];
        if (a.tradePrice[i] >= a.bid[q] && a.tradePrice[i] <= a.ask[q]) inside++;
      }
      return inside / a.tradeTime.length;
    };
    const a = alignQuotesTrades(quotes, trades);
    expect(a.problems).toEqual([]);
    expect(a.tradeTime.length + a.tradesDropped).toBe(trades.columns.time.length);
    // On the shared clock most trades print between the prevailing bid and ask; shifting by the
    // README's 1.27 s exchange/local offset (either way) or by 0.5 s fits clearly worse.
    const aligned = insideShare(0);
    expect(aligned).toBeGreaterThan(0.5);
    for (const shift of [-1.27, -0.5, 0.5, 1.27]) expect(insideShare(shift)).toBeLessThan(aligned - 0.2);
  });

  it('always names the last quote at or before each trade, and keeps every trade from the first quote on', async () => {
    const times = fc.uniqueArray(fc.integer({ min: 1, max: 500 }), { minLength: 1, maxLength: 40 }).map((a) => a.sort((x, y) => x - y));
    await fc.assert(
      fc.asyncProperty(times, fc.array(fc.integer({ min: 0, max: 520 }), { minLength: 1, maxLength: 40 }), async (qt, ttRaw) => {
        const tt = [...ttRaw].sort((x, y) => x - y);
        const quotes = await parseTicksCsv('time,bid,ask\n' + qt.map((t) => `${t},10,11`).join('\n'), { timeUnit: 's' });
        const trades = await parseTicksCsv('time,price,size\n' + tt.map((t) => `${t},10.5,1`).join('\n'), { timeUnit: 's' });
        const a = alignQuotesTrades(quotes, trades);
        const kept = tt.filter((t) => t >= qt[0]);
        expect(Array.from(a.tradeTime)).toEqual(kept);
        expect(a.tradesDropped).toBe(tt.length - kept.length);
        a.tradeQuoteIndex.forEach((q, i) => {
          expect(qt[q]).toBeLessThanOrEqual(kept[i]);
          if (q + 1 < qt.length) expect(qt[q + 1]).toBeGreaterThan(kept[i]);
        });
      }),
      { numRuns: 150 },
    );
  });
});
