import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { queueFillModel, runBacktest, FILL_SOURCE_TRADE } from '../../../src/engine';

// Our bid at 100 on a book whose best bid stays 100; the displayed size at 100 per quote row:
// row 0: 5 (we join behind 5), row 1: 9 (4 joined behind us), row 2: 7 (2 left), row 3: 7.
const bid = Float64Array.of(100, 100, 100, 100, 99.9);
const ask = Float64Array.of(100.1, 100.1, 100.1, 100.1, 100);
const bidSize = Float64Array.of(5, 9, 7, 7, 4);
const askSize = Float64Array.of(1, 1, 1, 1, 1);
const model = (kind: 'risk-averse' | 'power' | 'log', n = 1) => queueFillModel(bid, ask, bidSize, askSize, kind, n, 0);

describe("queue model: placement and trades at our price (hftbacktest's RiskAverseQueueModel)", () => {
  it('joins behind the displayed size; prints at our price consume the queue first, the excess fills us', () => {
    const m = model('risk-averse');
    m.onPlace!(1, 100, 0); // ahead 5
    expect(m.onTrade(1, 100, 1, 100, 2, 0)).toBe(0); // ahead 5 → 3
    expect(m.queueAhead!(1)).toBe(5);
    expect(m.onTrade(1, 100, 1, 100, 2.5, 1)).toBeCloseTo(0, 12); // ahead 3 → 0.5
    expect(m.onTrade(1, 100, 1, 100, 0.75, 2)).toBeCloseTo(0.25, 12); // 0.5 ahead, then 0.25 for us
    expect(m.queueAhead!(1)).toBeCloseTo(0.5, 12);
    expect(m.onTrade(1, 100, 0.75, 100, 5, 3)).toBe(0.75); // at the front: the rest of our order
  });

  it('a size decrease never moves us forward unless the level shrinks below the queue ahead', () => {
    const m = model('risk-averse');
    m.onPlace!(1, 100, 0); // ahead 5
    m.onQuote(1, 100, 1, 100, 100.1, 1); // 9: an increase joins behind us
    m.onQuote(1, 100, 1, 100, 100.1, 2); // 7: ahead stays 5
    expect(m.onTrade(1, 100, 1, 100, 5, 0)).toBe(0);
    expect(m.onTrade(1, 100, 1, 100, 0.5, 1)).toBe(0.5);
  });

  it('a trade through our price or the ask reaching our bid fills at once', () => {
    const m = model('risk-averse');
    m.onPlace!(1, 100, 0);
    expect(m.onTrade(1, 100, 1, 99.9, 0.3, 0)).toBeCloseTo(0.3, 12); // through: up to the print
    expect(m.onQuote(1, 100, 0.7, 99.9, 100, 4)).toBe(0.7); // row 4: ask 100 ≤ our bid
  });

  it('better than the best: alone at the front; deeper: unknown until the level is the best', () => {
    const better = model('risk-averse');
    better.onPlace!(1, 100.05, 0);
    expect(better.onTrade(1, 100.05, 1, 100.05, 0.4, 0)).toBeCloseTo(0.4, 12);
    expect(better.queueAhead!(1)).toBe(0);
    const deeper = model('risk-averse');
    deeper.onPlace!(1, 99.9, 0);
    expect(deeper.onTrade(1, 99.9, 1, 99.9, 3, 0)).toBe(0); // its queue is not visible: no fill
    expect(Number.isNaN(deeper.queueAhead!(1))).toBe(true);
    deeper.onQuote(1, 99.9, 1, 99.9, 100, 4); // row 4: the best bid is 99.9, size 4 → ahead 4
    expect(deeper.onTrade(1, 99.9, 1, 99.9, 4.5, 1)).toBeCloseTo(0.5, 12);
    expect(deeper.queueAhead!(1)).toBe(4);
  });

  it('a cancel and re-place loses the queue position: ahead is the displayed size again', () => {
    const m = model('risk-averse');
    m.onPlace!(1, 100, 0);
    m.onTrade(1, 100, 1, 100, 4, 0); // ahead 1
    m.onPlace!(1, 100, 2); // re-placed at row 2: behind all 7
    expect(m.onTrade(1, 100, 1, 100, 6, 1)).toBe(0);
    expect(m.queueAhead!(1)).toBe(7);
  });
});

describe('queue model: size decreases split ahead/behind (ProbQueueModel)', () => {
  // Rows 0 → 1 → 2: 5 (ahead 5), 9 (back 4), 7: a decrease of 2 with no trade.
  const afterDecrease = (kind: 'power' | 'log', n = 1) => {
    const m = model(kind, n);
    m.onPlace!(1, 100, 0);
    m.onQuote(1, 100, 1, 100, 100.1, 1);
    m.onQuote(1, 100, 1, 100, 100.1, 2);
    m.onTrade(1, 100, 1, 100, 10, 0); // a large print at our price reveals ahead as (10 − fill)
    return m.queueAhead!(1);
  };
  it('power n = 1: p = back/(back + front) = 4/9, ahead 5 − (5/9)·2', () => {
    expect(afterDecrease('power', 1)).toBeCloseTo(5 - (5 / 9) * 2, 12);
  });
  it('power n = 2: p = 16/41, ahead 5 − (25/41)·2', () => {
    expect(afterDecrease('power', 2)).toBeCloseTo(5 - (25 / 41) * 2, 12);
  });
  it('log: p = ln 5/(ln 5 + ln 6), ahead 5 − 2·ln 6/(ln 5 + ln 6)', () => {
    expect(afterDecrease('log')).toBeCloseTo(5 - (2 * Math.log(6)) / (Math.log(5) + Math.log(6)), 12);
  });
  it('traded size is not counted twice: a print of 1 then the level at 7 is a decrease of 1', () => {
    const m = model('power', 1);
    m.onPlace!(1, 100, 0); // ahead 5
    m.onQuote(1, 100, 1, 100, 100.1, 1); // 9
    m.onTrade(1, 100, 1, 100, 1, 0); // ahead 4
    m.onQuote(1, 100, 1, 100, 100.1, 2); // 7 = 9 − 1 traded − 1 cancelled; front 4, back 5, p = 5/9
    m.onTrade(1, 100, 1, 100, 10, 1);
    expect(m.queueAhead!(1)).toBeCloseTo(4 - (4 / 9) * 1, 12);
  });
});

describe("the 'queue' model in a run", () => {
  it('records the queue ahead of each fill and the trade that filled it', () => {
    const time = Float64Array.of(0, 1, 2, 3);
    const data = {
      time, bid: Float64Array.of(100, 100, 100, 100), ask: Float64Array.of(100.1, 100.1, 100.1, 100.1),
      bidSize: Float64Array.of(2, 2, 2, 2), askSize: Float64Array.of(3, 3, 3, 3),
      // Sells at 100: 1.5 then 1 (the queue of 2 ahead of our bid takes 2, we get 0.5).
      tradeTime: Float64Array.of(1.5, 2.5), tradePrice: Float64Array.of(100, 100), tradeSize: Float64Array.of(1.5, 1), tradeSide: Float64Array.of(-1, -1),
    };
    const r = runBacktest(data, { strategy: 'symmetric', halfSpreadBps: 1e-6, orderSize: 1, warmupTicks: 0, tickSize: 0.1, fill: { model: 'queue' } });
    expect(r.resolved.fillModel).toBe('queue');
    expect(r.metrics.fills).toBe(1);
    expect(r.fills.time[0]).toBe(2.5);
    expect(r.fills.size[0]).toBeCloseTo(0.5, 12);
    expect(r.fills.queueAhead[0]).toBeCloseTo(0.5, 12);
    expect(r.fills.source[0]).toBe(FILL_SOURCE_TRADE);
    expect(r.fills.sourceIndex[0]).toBe(1);
  });

  it('refuses data without displayed sizes, naming what is missing', () => {
    const data = { time: Float64Array.of(0, 1), bid: Float64Array.of(1, 1), ask: Float64Array.of(2, 2), tradeTime: Float64Array.of(0.5), tradePrice: Float64Array.of(1), tradeSize: Float64Array.of(1), tradeSide: Float64Array.of(1) };
    expect(() => runBacktest(data, { fill: { model: 'queue' } })).toThrow(/displayed sizes/);
  });
});

describe('queue model invariants (fast-check)', () => {
  it('ahead never negative, a fill never exceeds our size nor the print, decreases never fill', () => {
    const ev = fc.oneof(
      fc.record({ kind: fc.constant('trade' as const), dPx: fc.integer({ min: -2, max: 0 }), size: fc.double({ min: 0, max: 10, noNaN: true }) }),
      fc.record({ kind: fc.constant('quote' as const), row: fc.integer({ min: 0, max: 3 }) }),
    );
    fc.assert(fc.property(
      fc.constantFrom<'risk-averse' | 'power' | 'log'>('risk-averse', 'power', 'log'), fc.double({ min: 0.5, max: 3, noNaN: true }),
      fc.array(fc.double({ min: 0, max: 20, noNaN: true }), { minLength: 4, maxLength: 4 }), fc.array(ev, { maxLength: 40 }),
      (kind, n, sizes, events) => {
        const b = Float64Array.of(100, 100, 100, 99.9), a = Float64Array.of(100.1, 100.1, 100.1, 100);
        const m = queueFillModel(b, a, Float64Array.from(sizes), Float64Array.of(1, 1, 1, 1), kind, n, 1e-7);
        m.onPlace!(1, 100, 0);
        let left = 1;
        for (const e of events) {
          let s: number;
          if (e.kind === 'trade') {
            s = m.onTrade(1, 100, left, 100 + e.dPx * 0.1, e.size);
            expect(s).toBeLessThanOrEqual(e.size + 1e-12);
          } else {
            s = m.onQuote(1, 100, left, b[e.row], a[e.row], e.row);
            if (a[e.row] > 100) expect(s).toBe(0); // a size change alone never fills
          }
          expect(s).toBeGreaterThanOrEqual(0);
          expect(s).toBeLessThanOrEqual(left + 1e-12);
          left -= s;
          const q = m.queueAhead!(1);
          if (Number.isFinite(q)) expect(q).toBeGreaterThanOrEqual(0);
          if (left <= 1e-12) break;
        }
      },
    ), { numRuns: 300 });
  });
});
