import { describe, expect, it } from 'vitest';
import { DEEPEST, DEEPEST_DD, E0, makeBuckets, PEAK, scanSegment } from '../../../src/engine/views/minmax-scan';

/** A straightforward reference: per-tick min/max (first index on ties) and drawdown against the running peak. */
function reference(s: { mid: Float64Array; inventory: Float64Array; equity: Float64Array }, from: number, to: number, e0: number) {
  let peak = -Infinity, deepest = 0, deepestDd = 0;
  const r = { pMin: from, pMax: from, qMin: from, qMax: from, eMin: from, eMax: from, ddAtMin: 0, ddAtMax: 0 };
  const dd: number[] = [];
  for (let i = 0; i < to; i++) {
    const v = s.equity[i] - e0;
    peak = Math.max(peak, v);
    dd[i] = v - peak;
    if (dd[i] < deepestDd) { deepestDd = dd[i]; deepest = i; }
  }
  for (let i = from; i < to; i++) {
    if (s.mid[i] < s.mid[r.pMin]) r.pMin = i;
    if (s.mid[i] > s.mid[r.pMax]) r.pMax = i;
    if (s.inventory[i] < s.inventory[r.qMin]) r.qMin = i;
    if (s.inventory[i] > s.inventory[r.qMax]) r.qMax = i;
    if (s.equity[i] < s.equity[r.eMin]) r.eMin = i;
    if (s.equity[i] > s.equity[r.eMax]) r.eMax = i;
  }
  return { ...r, ddAtMin: dd[r.eMin], ddAtMax: dd[r.eMax], deepest, deepestDd, peak };
}

describe('scanSegment: one bucket of three series with the running drawdown', () => {
  it('gives the reference min/max indices and drawdowns, whether the bucket is scanned at once or in pieces', () => {
    let seed = 3;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let trial = 0; trial < 50; trial++) {
      const n = 20 + Math.floor(rnd() * 200);
      let e = 5, q = 0, p = 100;
      const s = {
        mid: Float64Array.from({ length: n }, () => (p += Math.round((rnd() - 0.5) * 3))),
        inventory: Float64Array.from({ length: n }, () => (q += rnd() < 0.2 ? Math.sign(rnd() - 0.5) : 0)),
        equity: Float64Array.from({ length: n }, () => (e += Math.round((rnd() - 0.5) * 4) / 2)),
      };
      const e0 = s.equity[0];
      const from = 1 + Math.floor(rnd() * (n / 2)), to = n;
      const ref = reference(s, from, to, e0);
      for (const pieces of [1, 3]) {
        const price = makeBuckets(1), inv = makeBuckets(1), eq = makeBuckets(1), eqDd = new Float64Array(2);
        const state = Float64Array.of(e0, -Infinity, 0, 0);
        // The ticks before the bucket move the peak and the deepest drawdown only.
        const before = makeBuckets(1);
        scanSegment(s, 0, from, 0, before, makeBuckets(1), makeBuckets(1), new Float64Array(2), state);
        const cuts = pieces === 1 ? [from, to] : [from, from + Math.floor((to - from) / 3), from + Math.floor((2 * (to - from)) / 3), to];
        for (let c = 0; c + 1 < cuts.length; c++) scanSegment(s, cuts[c], cuts[c + 1], 0, price, inv, eq, eqDd, state);
        expect([price.iMin[0], price.iMax[0], inv.iMin[0], inv.iMax[0], eq.iMin[0], eq.iMax[0]]).toEqual([ref.pMin, ref.pMax, ref.qMin, ref.qMax, ref.eMin, ref.eMax]);
        expect([eqDd[0], eqDd[1]]).toEqual([ref.ddAtMin, ref.ddAtMax]);
        expect([state[E0], state[PEAK], state[DEEPEST_DD], state[DEEPEST]]).toEqual([e0, ref.peak, ref.deepestDd, ref.deepest]);
      }
    }
  });
});
