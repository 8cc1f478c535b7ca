import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { finiteExtent, valueAxis } from '../../src/lib/value-axis';

const M = '\u2212';

describe('valueAxis', () => {
  it('writes every tick of an axis with the same decimals and a real minus sign', () => {
    const a = valueAxis([-1200, 400]);
    const labels = a.ticks.map(a.tickFormatter);
    // Step 500: −1,500 … 500, no decimals anywhere (the "400.00 / −1200").
    expect(labels).toEqual([`${M}1,500`, `${M}1,000`, `${M}500`, '0', '500']);
    const b = valueAxis([0.015, 0.025]);
    expect(b.ticks.map(b.tickFormatter)).toEqual(['0.0150', '0.0175', '0.0200', '0.0225', '0.0250']);
  });

  it('is wide enough for the widest label, sign included', () => {
    const a = valueAxis([-1_000_000, 0]);
    const widest = Math.max(...a.ticks.map((t) => a.tickFormatter(t).length));
    expect(a.ticks.map(a.tickFormatter)).toContain(`${M}1,000,000`);
    expect(a.width).toBeGreaterThanOrEqual(widest * 7);
    // A narrower range needs a narrower axis.
    expect(valueAxis([0, 1]).width).toBeLessThan(a.width);
    expect(valueAxis([0, 1], { title: true }).width).toBeGreaterThan(valueAxis([0, 1]).width);
  });

  it('covers the data with round ticks for any range (property)', () => {
    fc.assert(fc.property(fc.double({ min: -1e8, max: 1e8, noNaN: true }), fc.double({ min: 1e-6, max: 1e8, noNaN: true }), (lo, span) => {
      const hi = lo + span;
      const a = valueAxis([lo, hi]);
      // Covers the data up to a billionth of a step (the slack that keeps float noise from adding a tick)
      // and a few units in the last place of the data's magnitude (1e8 − 1.5e-8 next to a 1e-5 step: the
      // quotient lo/step is within an ulp of an integer, so the bound lands on either side of lo).
      const step = a.ticks[1] - a.ticks[0];
      const tol = 1e-9 * step + 4 * Number.EPSILON * Math.max(Math.abs(lo), Math.abs(hi));
      expect(a.domain[0]).toBeLessThanOrEqual(lo + tol);
      expect(a.domain[1]).toBeGreaterThanOrEqual(hi - tol);
      expect(a.ticks.length).toBeGreaterThanOrEqual(2);
      expect(a.ticks.length).toBeLessThanOrEqual(12);
      const labels = a.ticks.map(a.tickFormatter);
      expect(new Set(labels).size).toBe(labels.length); // no two ticks read the same
      // Same decimals on every tick (the exponent form writes zero as a bare 0).
      const decimals = labels.filter((l) => !(l === '0' && labels.some((x) => x.includes('e')))).map((l) => (l.split('e')[0].split('.')[1] ?? '').length);
      expect(new Set(decimals).size).toBe(1);
      for (const l of labels) expect(l).not.toMatch(/^-/);
    }));
  });

  it('writes tiny values in one exponent form, and pads a flat series', () => {
    const a = valueAxis([-1.2e-12, 1.2e-12]);
    const labels = a.ticks.map(a.tickFormatter);
    expect(labels).toContain('0');
    expect(labels.every((l) => l === '0' || /^\u2212?\d(\.\d+)?e\u2212\d+$/.test(l))).toBe(true);
    const flat = valueAxis([61800, 61800]);
    expect(flat.domain[0]).toBeLessThan(61800);
    expect(flat.domain[1]).toBeGreaterThan(61800);
  });
});

describe('finiteExtent', () => {
  it('skips NaN, null and infinities, and includes extra values', () => {
    expect(finiteExtent([[1, NaN, 3], [null, -2, Infinity]])).toEqual([-2, 3]);
    expect(finiteExtent([[NaN]])).toBeNull();
    expect(finiteExtent([[1, 2]], [-5])).toEqual([-5, 2]);
  });
});
