import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { attributePnl, createRng, markoutMids } from '../../../src/engine';

/** markoutMids straight from its definition: a walk forward from the previous fill's tick. */
function markoutMidsByWalk(time: Float64Array, mid: Float64Array, fillTime: Float64Array, horizonSec: number): number[] {
  const out: number[] = [];
  let p = 0;
  for (const t of fillTime) {
    while (p + 1 < time.length && time[p + 1] <= t + horizonSec) p++;
    out.push(mid[p]);
  }
  return out;
}

describe('markoutMids', () => {
  // Bursts and gaps (the mean tick rate a poor guess), repeated stamps, fills before the first tick and past the last.
  const market = fc.record({
    t0: fc.constantFrom(0, 1.7e9, 1722470400.123456),
    runs: fc.array(fc.tuple(fc.constantFrom(0, 0.001, 0.1, 1, 60, 3600), fc.integer({ min: 1, max: 40 })), { minLength: 1, maxLength: 12 }),
    fills: fc.array(fc.double({ min: -0.05, max: 1.05, noNaN: true }), { maxLength: 80 }),
    horizonSec: fc.constantFrom(0, 0.001, 1, 5, 60, 1e5, Infinity),
  });

  it('bitwise the walk from the previous fill', () => {
    fc.assert(fc.property(market, ({ t0, runs, fills, horizonSec }) => {
      const time: number[] = [];
      let t = t0;
      for (const [dt, len] of runs) for (let j = 0; j < len; j++) { t += dt; time.push(t); }
      const tc = Float64Array.from(time), mid = Float64Array.from(time, (_, i) => 100 + i);
      const span = tc[tc.length - 1] - tc[0];
      // Fill times non-decreasing, some at tick times exactly.
      const ft = Float64Array.from(fills.map((u) => (u > 0.5 && u < 0.6 ? tc[Math.floor(u * tc.length)] : tc[0] + u * span)).sort((a, b) => a - b));
      const out = new Float64Array(ft.length);
      markoutMids(tc, mid, ft, ft.length, horizonSec, out);
      expect(Array.from(out)).toEqual(markoutMidsByWalk(tc, mid, ft, horizonSec));
    }), { numRuns: 1000 });
  });

  it('takes the mid prevailing at fill time + horizon, the last mid past the end', () => {
    const out = new Float64Array(4);
    markoutMids(Float64Array.of(0, 1, 1, 2, 3), Float64Array.of(10, 11, 12, 13, 14), Float64Array.of(-5, 0.5, 1, 2.5), 4, 1, out);
    expect(Array.from(out)).toEqual([10, 12, 13, 14]);
  });
});

describe('attributePnl', () => {
  it('bitwise the per-fill sums', () => {
    const fill = fc.tuple(fc.constantFrom(1, -1), fc.constantFrom(0.5, 1, 3), fc.double({ min: 90, max: 110, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: 0, max: 0.1, noNaN: true }));
    fc.assert(fc.property(fc.array(fill, { maxLength: 100 }), fc.double({ min: -50, max: 50, noNaN: true }), (rows, inventoryPnl) => {
      const col = (f: (r: (typeof rows)[number]) => number) => Float64Array.from(rows, f);
      const fills = { side: col((r) => r[0]), size: col((r) => r[1]), midAtFill: col((r) => r[2]), price: col((r) => r[2] + r[3]), midAfter: col((r) => r[2] + r[4]), fee: col((r) => r[5]) };
      let spread = 0, adverse = 0, fees = 0;
      for (let k = 0; k < rows.length; k++) {
        const s = fills.side[k] * fills.size[k];
        spread += s * (fills.midAtFill[k] - fills.price[k]);
        adverse += s * (fills.midAfter[k] - fills.midAtFill[k]);
        fees -= fills.fee[k];
      }
      const a = attributePnl(fills, rows.length, inventoryPnl, 7);
      expect(a).toEqual({ spreadCapture: spread, adverseSelection: adverse, inventoryCarry: inventoryPnl - adverse, fees, net: 7 });
    }), { numRuns: 300 });
  });
});

describe('per-fill spans (4096 fills per span)', () => {
  // Fill counts around one and two spans, fewer fills counted than the columns hold, bursts of fills at one tick.
  const case_ = fc.record({
    count: fc.constantFrom(1, 4095, 4096, 4097, 8191, 8192, 8193),
    extra: fc.constantFrom(0, 1, 5000),
    seed: fc.integer({ min: 1, max: 1e6 }),
    horizonSec: fc.constantFrom(0, 0.5, 5, 1e4),
  });
  const build = ({ count, extra, seed }: { count: number; extra: number; seed: number }) => {
    const rng = createRng(seed);
    const n = 3000;
    let t = 1.7e9;
    const time = Float64Array.from({ length: n }, () => (t += rng.uniform() < 0.2 ? 0 : rng.uniform()));
    const mid = Float64Array.from({ length: n }, () => 100 + rng.normal());
    const m = count + extra;
    let u = time[0] - 1;
    const span = time[n - 1] - time[0] + 2;
    const fillTime = Float64Array.from({ length: m }, () => (u += rng.uniform() < 0.3 ? 0 : (rng.uniform() * 2 * span) / m));
    const col = (f: () => number) => Float64Array.from({ length: m }, f);
    const fills = {
      side: col(() => (rng.uniform() < 0.5 ? 1 : -1)), size: col(() => [0.5, 1, 3][Math.floor(rng.uniform() * 3)]),
      midAtFill: col(() => 100 + rng.normal()), midAfter: col(() => 100 + rng.normal()), price: col(() => 100 + rng.normal()), fee: col(() => rng.uniform() * 0.01),
    };
    return { time, mid, fillTime, fills };
  };

  it('markoutMids: bitwise the walk from the previous fill', () => {
    fc.assert(fc.property(case_, (c) => {
      const { time, mid, fillTime } = build(c);
      const out = new Float64Array(fillTime.length).fill(-1);
      markoutMids(time, mid, fillTime, c.count, c.horizonSec, out);
      expect(Array.from(out.subarray(0, c.count))).toEqual(markoutMidsByWalk(time, mid, fillTime.subarray(0, c.count), c.horizonSec));
      expect(out.subarray(c.count).every((v) => v === -1)).toBe(true); // nothing written past count
    }), { numRuns: 60 });
  });

  it('attributePnl: bitwise the per-fill sums', () => {
    fc.assert(fc.property(case_, (c) => {
      const { fills } = build(c);
      let spread = 0, adverse = 0, fees = 0;
      for (let k = 0; k < c.count; k++) {
        const s = fills.side[k] * fills.size[k];
        spread += s * (fills.midAtFill[k] - fills.price[k]);
        adverse += s * (fills.midAfter[k] - fills.midAtFill[k]);
        fees -= fills.fee[k];
      }
      expect(attributePnl(fills, c.count, 2, 7)).toEqual({ spreadCapture: spread, adverseSelection: adverse, inventoryCarry: 2 - adverse, fees, net: 7 });
    }), { numRuns: 60 });
  });
});
