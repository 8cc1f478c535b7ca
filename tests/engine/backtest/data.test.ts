import { describe, expect, it } from 'vitest';
import { generateSyntheticMarket, prefaultedColumn, prepareData } from '../../../src/engine';

// prepareData derives the mid from bid and ask once per dataset; `midInto` lets the caller hand it
// the column to write it into (one already written through while the data arrived).
const m = generateSyntheticMarket({ seed: 21, nTicks: 5000 });
const quotes = () => ({ time: m.time, bid: m.bid, ask: m.ask, tradeTime: m.tradeTime, tradePrice: m.tradePrice, tradeSize: m.tradeSize, tradeSide: m.tradeSide });

describe('prepareData with midInto', () => {
  it('writes the derived mid into the given column: the same numbers as a column of its own', () => {
    const into = prefaultedColumn(5000);
    const p = prepareData(quotes(), into);
    expect(p.mid).toBe(into);
    expect(Array.from(p.mid)).toEqual(Array.from(prepareData(quotes()).mid));
  });

  it('ignores the column when the data brings its own mid or the length differs', () => {
    const into = prefaultedColumn(5000);
    const withMid = { ...quotes(), mid: m.mid };
    expect(prepareData(withMid, into).mid).toBe(m.mid);
    expect(Number.isNaN(into[0])).toBe(true); // not written
    const short = prefaultedColumn(4999);
    const p = prepareData(quotes(), short);
    expect(p.mid).not.toBe(short);
    expect(p.mid.length).toBe(5000);
  });

  it('still names the first bad row of bid and ask when given a column', () => {
    const bid = m.bid.slice();
    bid[77] = NaN;
    expect(() => prepareData({ ...quotes(), bid }, prefaultedColumn(5000))).toThrow(/data\.bid\[77\]/);
  });
});
